#include "AdminUsersModel.h"

#include "AdminText.h"
#include "account/AdminClient.h"

#include <QLocale>

namespace bizy {

namespace {

QString yes(bool value) {
    return value ? AdminUsersModel::tr("Yes") : QString();
}

ApiError noConnection() {
    return ApiError::network(AdminUsersModel::tr("Not logged in as an administrator"));
}

} // namespace

AdminUsersModel::AdminUsersModel(QObject* parent)
    : AdminPagedModel(parent) {}

void AdminUsersModel::setSearch(const QString& search) {
    if (search == m_search)
        return;
    m_search = search;
    reload();
}

std::optional<User> AdminUsersModel::userAt(int row) const {
    if (row < 0 || row >= m_users.size())
        return std::nullopt;
    return m_users.at(row);
}

int AdminUsersModel::rowOf(qint64 userId) const {
    for (int row = 0; row < m_users.size(); ++row)
        if (m_users.at(row).id == userId)
            return row;
    return -1;
}

void AdminUsersModel::requestPage(int page, quint64 generation) {
    client()->listUsers(m_search, page, kPerPage, this,
                        [this, generation](const AdminResult<AdminUserPage>& answer) {
                            const qint64 total = answer.ok() ? answer.value->total : 0;
                            const int received = answer.ok() ? answer.value->users.size() : 0;
                            if (!acceptPage(generation, answer.error, total, received))
                                return;
                            QList<User> fresh;
                            for (const User& user : answer.value->users)
                                if (!m_ids.contains(user.id))
                                    fresh.append(user);
                            appendRows(fresh.size(), [&] {
                                for (const User& user : fresh) {
                                    m_ids.insert(user.id);
                                    m_users.append(user);
                                }
                            });
                        });
}

void AdminUsersModel::clearRows() {
    m_users.clear();
    m_ids.clear();
}

void AdminUsersModel::replaceUser(const User& user) {
    const int row = rowOf(user.id);
    if (row < 0)
        return;
    m_users[row] = user;
    emit dataChanged(index(row, 0), index(row, Count - 1));
}

void AdminUsersModel::createUser(const QJsonObject& fields, QObject* context, Outcome done) {
    if (!client())
        return done(noConnection());
    client()->createUser(fields, context, [this, done](const AdminResult<User>& answer) {
        if (answer.ok())
            reload(); // where the new user lands depends on the search and the order
        done(answer.error);
    });
}

void AdminUsersModel::updateUser(qint64 id, const QJsonObject& patch, QObject* context,
                                 Outcome done) {
    if (!client())
        return done(noConnection());
    client()->updateUser(id, patch, context, [this, done](const AdminResult<User>& answer) {
        if (answer.ok())
            replaceUser(*answer.value);
        done(answer.error);
    });
}

void AdminUsersModel::resetPassword(qint64 id, const QString& newPassword, QObject* context,
                                    Outcome done) {
    if (!client())
        return done(noConnection());
    client()->resetPassword(id, newPassword, context,
                            [done](const AdminResult<Done>& answer) { done(answer.error); });
}

void AdminUsersModel::unlockUser(qint64 id, QObject* context, Outcome done) {
    if (!client())
        return done(noConnection());
    client()->unlockUser(id, context, [this, id, context, done](const AdminResult<bool>& answer) {
        if (!answer.ok())
            return done(answer.error);
        // The row shows the lock as the server has it now, not as guessed here.
        client()->userDetails(id, context,
                              [this, done](const AdminResult<AdminUserDetails>& details) {
                                  if (details.ok())
                                      replaceUser(details.value->user);
                                  done(std::nullopt);
                              });
    });
}

void AdminUsersModel::deletionScope(
    qint64 id, QObject* context, std::function<void(const AdminResult<AdminUserDetails>&)> done) {
    if (!client())
        return done({std::nullopt, noConnection()});
    client()->userDetails(id, context, std::move(done));
}

void AdminUsersModel::deleteUser(qint64 id, QObject* context, Outcome done) {
    if (!client())
        return done(noConnection());
    client()->deleteUser(id, context, [this, id, done](const AdminResult<Done>& answer) {
        if (answer.ok()) {
            if (const int row = rowOf(id); row >= 0) {
                beginRemoveRows({}, row, row);
                m_users.removeAt(row);
                m_ids.remove(id);
                endRemoveRows();
            }
            adjustTotal(-1);
        }
        done(answer.error);
    });
}

int AdminUsersModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_users.size());
}

int AdminUsersModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : Count;
}

QVariant AdminUsersModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= m_users.size())
        return {};
    const User& user = m_users.at(index.row());
    if (role == UserIdRole)
        return user.id;
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole && role != Qt::AccessibleTextRole)
        return {};
    switch (index.column()) {
    case Username:
        return user.username;
    case Email:
        return user.email;
    case FullName:
        return user.fullName.value_or(QString());
    case Admin:
        return yes(user.isAdmin);
    case Active:
        return user.isActive ? tr("Yes") : tr("Disabled");
    case Verified:
        return yes(user.isVerified);
    case Locked:
        return AdminText::lock(user, QDateTime::currentDateTimeUtc());
    case LastLogin:
        return user.lastLoginAt
                   ? QLocale().toString(user.lastLoginAt->toLocalTime(), QLocale::ShortFormat)
                   : tr("Never");
    default:
        return {};
    }
}

QVariant AdminUsersModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Username:
        return tr("Username");
    case Email:
        return tr("Email");
    case FullName:
        return tr("Full name");
    case Admin:
        return tr("Admin");
    case Active:
        return tr("Active");
    case Verified:
        return tr("Verified");
    case Locked:
        return tr("Locked");
    case LastLogin:
        return tr("Last login");
    default:
        return {};
    }
}

} // namespace bizy
