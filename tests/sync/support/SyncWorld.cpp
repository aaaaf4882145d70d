#include "SyncWorld.h"

#include <QDebug>
#include <QJsonArray>

using namespace Qt::StringLiterals;

bool SyncWorld::start(QString* error, const QHash<QString, QString>& environment) {
    return m_fixture.start(environment, error);
}

SyncWorld::User SyncWorld::registerUser(const QString& username, const QString& password) {
    const HttpResponse registered = http().registerUser(username, password);
    if (registered.status != 201) {
        qWarning() << "register" << username << "failed:" << registered.describe();
        return {};
    }
    const HttpClient::Session session =
        http().sessionFrom(http().login(username, password), username);
    if (!session.ok()) {
        qWarning() << "login" << username << "failed";
        return {};
    }
    m_tokens.insert(username, session.token);
    m_passwords.insert(username, password);
    return {username, password, session.userId};
}

QString SyncWorld::token(const User& user) {
    if (const auto it = m_tokens.constFind(user.username); it != m_tokens.constEnd())
        return *it;
    const HttpClient::Session session =
        http().sessionFrom(http().login(user.username, user.password), user.username);
    if (!session.ok())
        return {};
    m_tokens.insert(user.username, session.token);
    return session.token;
}

std::unique_ptr<SyncDevice> SyncWorld::makeDevice(const User& user, const QString& name,
                                                  QString* error, const QString& storePath) {
    auto device = std::make_unique<SyncDevice>(name, serverHost(), serverPort(), user.username,
                                               user.password, storePath);
    if (!device->open(error))
        return nullptr;
    return device;
}

SyncSnapshot SyncWorld::serverState(const User& user) {
    SyncSnapshot snapshot;
    snapshot.side = u"server"_s;
    bool retriedLogin = false;
    for (;;) {
        const HttpResponse response =
            http().get(u"/api/sync/pull?cursor=%1&limit=1000"_s.arg(snapshot.cursor), token(user));
        ++snapshot.pulls;
        if (response.status == 401 && !retriedLogin) {
            // The cached token expired: log in again and go on from here.
            retriedLogin = true;
            dropToken(user);
            continue;
        }
        if (response.status != 200) {
            snapshot.error = QString::fromUtf8(response.describe());
            return snapshot;
        }
        const QJsonObject page = response.object();
        if (page.value(u"reset"_s).toBool()) {
            snapshot.error = u"the server answered reset to cursor %1"_s.arg(snapshot.cursor);
            return snapshot;
        }
        qint64 last = snapshot.cursor;
        const auto apply = [&](const QJsonArray& rows, QMap<QString, QJsonObject>& into) {
            for (const QJsonValue& value : rows) {
                const QJsonObject row = value.toObject();
                const qint64 version = row.value(u"version"_s).toInteger();
                if (version <= snapshot.cursor)
                    snapshot.error = u"row version %1 at or below the cursor %2"_s.arg(version).arg(
                        snapshot.cursor);
                last = qMax(last, version);
                if (row.value(u"deleted"_s).toBool())
                    into.remove(row.value(u"uuid"_s).toString());
                else
                    into.insert(row.value(u"uuid"_s).toString(), row);
            }
        };
        apply(page.value(u"tasks"_s).toArray(), snapshot.tasks);
        apply(page.value(u"goals"_s).toArray(), snapshot.goals);
        const qint64 next = page.value(u"cursor"_s).toInteger();
        if (next != last)
            snapshot.error = u"page cursor %1 is not its last version %2"_s.arg(next).arg(last);
        snapshot.cursor = next;
        if (!snapshot.error.isEmpty() || !page.value(u"has_more"_s).toBool())
            return snapshot;
    }
}

SyncSnapshot SyncWorld::deviceState(SyncDevice& device) {
    SyncSnapshot snapshot;
    snapshot.side = device.name();
    if (!device.isOpen()) {
        snapshot.error = u"the device is closed"_s;
        return snapshot;
    }
    for (const bizy::Task& task : device.store().tasks().value())
        snapshot.tasks.insert(task.uuid, task.toSyncJson());
    for (const bizy::Goal& goal : device.store().goals().value())
        snapshot.goals.insert(goal.uuid, goal.toSyncJson());
    snapshot.cursor = device.store().pullCursor().value();
    return snapshot;
}

QString SyncWorld::differences(SyncDevice& device, const User& user) {
    return SyncSnapshot::differences(deviceState(device), serverState(user));
}

QString SyncWorld::differences(SyncDevice& a, SyncDevice& b) {
    return SyncSnapshot::differences(deviceState(a), deviceState(b));
}

qint64 SyncWorld::serverTaskCount(const User& user) {
    return database()
        .scalar(u"SELECT count(*) FROM tasks WHERE user_id = ?"_s, {user.id})
        .toLongLong();
}

qint64 SyncWorld::serverGoalCount(const User& user) {
    return database()
        .scalar(u"SELECT count(*) FROM goals WHERE user_id = ?"_s, {user.id})
        .toLongLong();
}

qint64 SyncWorld::serverTombstoneCount(const User& user) {
    return database()
        .scalar(u"SELECT count(*) FROM tombstones WHERE user_id = ?"_s, {user.id})
        .toLongLong();
}

qint64 SyncWorld::serverCounter(const User& user) {
    return database()
        .scalar(u"SELECT coalesce(max(counter), 0) FROM user_sync_state WHERE user_id = ?"_s,
                {user.id})
        .toLongLong();
}
