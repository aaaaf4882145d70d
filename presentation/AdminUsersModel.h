#pragma once

#include "AdminPagedModel.h"
#include "account/AdminValues.h"

#include <QSet>
#include <functional>

namespace bizy {

// The users of the server for the admin panel: the server's search (username
// or email) and pagination, and the admin's changes. A row changes only with
// the server's answer: an edit shows the user as the server returned it, a
// delete removes the row after the server's 204, a refusal changes nothing
// and goes to the caller in words (AdminText::refusal).
class AdminUsersModel : public AdminPagedModel {
    Q_OBJECT
public:
    enum Column { Username, Email, FullName, Admin, Active, Verified, Locked, LastLogin, Count };
    enum Role { UserIdRole = Qt::UserRole + 1 };
    // Called once with the server's refusal, or nothing when it was done.
    using Outcome = std::function<void(const std::optional<ApiError>& refusal)>;

    explicit AdminUsersModel(QObject* parent = nullptr);

    // Searches the server (a substring of username or email); empty: everyone.
    void setSearch(const QString& search);
    QString search() const { return m_search; }

    std::optional<User> userAt(int row) const;
    int rowOf(qint64 userId) const;

    // The admin's changes; `context` ends the wait when it goes away.
    void createUser(const QJsonObject& fields, QObject* context, Outcome done);
    void updateUser(qint64 id, const QJsonObject& patch, QObject* context, Outcome done);
    void resetPassword(qint64 id, const QString& newPassword, QObject* context, Outcome done);
    void unlockUser(qint64 id, QObject* context, Outcome done);
    // What a delete takes along, for the confirmation.
    void deletionScope(qint64 id, QObject* context,
                       std::function<void(const AdminResult<AdminUserDetails>&)> done);
    void deleteUser(qint64 id, QObject* context, Outcome done);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

protected:
    void requestPage(int page, quint64 generation) override;
    void clearRows() override;

private:
    void replaceUser(const User& user);

    QString m_search;
    QList<User> m_users;
    QSet<qint64> m_ids;
};

} // namespace bizy
