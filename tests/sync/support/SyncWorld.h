#pragma once

#include "ServerFixture.h"
#include "SyncDevice.h"
#include "SyncSnapshot.h"

#include <QHash>
#include <QString>
#include <memory>

// The world of a sync test executable: one throwaway PostgreSQL and the real
// bizy-server (started once), users registered through the real API, devices
// made for them, and the server's truth read back through GET /api/sync/pull.
//
//     SyncWorld m_world;                         // a member of the test class
//     QVERIFY2(m_world.start(&error), ...);      // initTestCase()
//     SyncWorld::User alice = m_world.registerUser(u"alice"_s);
//     auto laptop = m_world.makeDevice(alice, u"laptop"_s, &error);
//     ... laptop->store().createTask(...); QVERIFY2(laptop->sync(),
//     qPrintable(laptop->lastSyncMessage())); const QString diff = m_world.differences(*laptop,
//     alice); QVERIFY2(diff.isEmpty(), qPrintable(diff));
// The error message of a failed Result, empty when it succeeded (safe to use in
// a QVERIFY2 message, which is evaluated either way).
template <typename T> QString errorText(const bizy::Result<T>& result) {
    return result ? QString() : result.error().message;
}

class SyncWorld {
public:
    struct User {
        QString username;
        QString password;
        qint64 id = 0;
        bool ok() const { return id > 0; }
    };

    // Starts the cluster and the server (extra server environment optional).
    bool start(QString* error = nullptr, const QHash<QString, QString>& environment = {});

    ServerFixture& fixture() { return m_fixture; }
    PgCluster& database() { return m_fixture.database(); }
    HttpClient& http() { return m_fixture.http(); }
    QString serverHost() const { return QStringLiteral("127.0.0.1"); }
    quint16 serverPort() { return m_fixture.server().port(); }

    // Registers `username` through POST /api/auth/register and logs in once;
    // an empty User (ok() false) when either failed (a warning says why).
    User registerUser(const QString& username,
                      const QString& password = QStringLiteral("Password123!"));
    // A valid access token of `user` for direct HTTP calls (logs in when needed).
    QString token(const User& user);
    // Forgets the cached token (after a 401).
    void dropToken(const User& user) { m_tokens.remove(user.username); }

    // A device of `user`, opened and logged in; null (and `error`) on failure.
    // `storePath` empty: a fresh store file owned by the device.
    std::unique_ptr<SyncDevice> makeDevice(const User& user, const QString& name,
                                           QString* error = nullptr, const QString& storePath = {});

    // Everything the server holds for `user`: GET /api/sync/pull from cursor 0
    // until has_more is false (a reset or an error is in `error`).
    SyncSnapshot serverState(const User& user);
    // What the device shows: every task and goal as toSyncJson().
    static SyncSnapshot deviceState(SyncDevice& device);

    // Every field difference between the device and the server; empty when equal.
    QString differences(SyncDevice& device, const User& user);
    // Every field difference between two devices; empty when equal.
    static QString differences(SyncDevice& a, SyncDevice& b);

    // Live rows (not tombstones) of `user` in PostgreSQL.
    qint64 serverTaskCount(const User& user);
    qint64 serverGoalCount(const User& user);
    qint64 serverTombstoneCount(const User& user);
    // The user's version counter (user_sync_state.counter; 0 before any change).
    qint64 serverCounter(const User& user);

private:
    ServerFixture m_fixture;
    QHash<QString, QString> m_tokens; // username -> access token
    QHash<QString, QString> m_passwords;
};
