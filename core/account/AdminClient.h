#pragma once

#include "AdminValues.h"
#include "model/Result.h"

#include <QObject>
#include <QPointer>
#include <functional>

namespace bizy {

class ApiClient;
struct ApiReply;
struct ApiRequest;

// The admin API of docs/api.md section 5 as typed calls over one account's
// ApiClient. Every answer is a value or an ApiError. Changes are sent once,
// never repeated after a network error: nothing is queued for admin actions,
// so a change the user cannot see confirmed never happens later behind their
// back. Each answer is also announced (answered), so whoever decides whether
// the account is an admin hears every 403 and every lost connection.
class AdminClient : public QObject {
    Q_OBJECT
public:
    template <typename T> using Callback = std::function<void(const AdminResult<T>&)>;

    explicit AdminClient(ApiClient* api, QObject* parent = nullptr);

    // GET /api/users/me: the account as the server sees it now (is_admin).
    void me(QObject* context, Callback<User> done);
    void listUsers(const QString& search, int page, int perPage, QObject* context,
                   Callback<AdminUserPage> done);
    void userDetails(qint64 id, QObject* context, Callback<AdminUserDetails> done);
    // `fields`: username, email, password and optionally full_name, is_admin,
    // is_active, is_verified.
    void createUser(const QJsonObject& fields, QObject* context, Callback<User> done);
    // `patch`: only the fields that change.
    void updateUser(qint64 id, const QJsonObject& patch, QObject* context, Callback<User> done);
    void resetPassword(qint64 id, const QString& newPassword, QObject* context,
                       Callback<Done> done);
    // The value: whether a lock was in force.
    void unlockUser(qint64 id, QObject* context, Callback<bool> done);
    void deleteUser(qint64 id, QObject* context, Callback<Done> done);
    void audit(const AuditFilter& filter, int page, int perPage, QObject* context,
               Callback<AuditPage> done);

signals:
    // After every answer: the error, or none.
    void answered(const std::optional<bizy::ApiError>& error);

private:
    template <typename T>
    void call(const ApiRequest& request, QObject* context, Callback<T> done,
              std::function<Result<T>(const ApiReply&)> parse);

    QPointer<ApiClient> m_api;
};

} // namespace bizy
