#include "AdminClient.h"

#include "net/ApiClient.h"

#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace bizy {

namespace {

ApiRequest adminRequest(const QByteArray& method, const QString& path,
                        const QJsonValue& body = QJsonValue::Undefined) {
    ApiRequest request;
    request.method = method;
    request.path = path;
    request.body = body;
    // Reads may be repeated; a change is sent once (nothing queued, nothing doubled).
    request.retry = method == "GET";
    return request;
}

QString userPath(qint64 id, const QString& suffix = {}) {
    return u"/api/admin/users/%1"_s.arg(id) + suffix;
}

Result<User> parseUser(const ApiReply& reply) {
    return User::fromJson(reply.object());
}

Result<Done> parseNothing(const ApiReply&) {
    return Done{};
}

} // namespace

AdminClient::AdminClient(ApiClient* api, QObject* parent)
    : QObject(parent)
    , m_api(api) {}

template <typename T>
void AdminClient::call(const ApiRequest& apiRequest, QObject* context, Callback<T> done,
                       std::function<Result<T>(const ApiReply&)> parse) {
    if (!m_api) {
        const ApiError gone = ApiError::network(u"No connection to the server"_s);
        emit answered(gone);
        done(AdminResult<T>{std::nullopt, gone});
        return;
    }
    m_api->send(apiRequest, context,
                [this, guard = QPointer<AdminClient>(this), done, parse](const ApiReply& reply) {
                    AdminResult<T> result;
                    if (!reply.ok()) {
                        result.error = reply.error;
                    } else if (Result<T> parsed = parse(reply); parsed) {
                        result.value = std::move(parsed).value();
                    } else {
                        result.error =
                            ApiError::invalidAnswer(reply.httpStatus, parsed.error().message);
                    }
                    if (guard)
                        emit answered(result.error);
                    done(result);
                });
}

void AdminClient::me(QObject* context, Callback<User> done) {
    call<User>(adminRequest("GET", u"/api/users/me"_s), context, std::move(done), parseUser);
}

void AdminClient::listUsers(const QString& search, int page, int perPage, QObject* context,
                            Callback<AdminUserPage> done) {
    ApiRequest list = adminRequest("GET", u"/api/admin/users"_s);
    if (!search.isEmpty())
        list.query.addQueryItem(u"q"_s, search);
    list.query.addQueryItem(u"page"_s, QString::number(page));
    list.query.addQueryItem(u"per_page"_s, QString::number(perPage));
    call<AdminUserPage>(list, context, std::move(done),
                        [](const ApiReply& reply) { return AdminJson::userPage(reply.object()); });
}

void AdminClient::userDetails(qint64 id, QObject* context, Callback<AdminUserDetails> done) {
    call<AdminUserDetails>(
        adminRequest("GET", userPath(id)), context, std::move(done),
        [](const ApiReply& reply) { return AdminJson::userDetails(reply.object()); });
}

void AdminClient::createUser(const QJsonObject& fields, QObject* context, Callback<User> done) {
    call<User>(adminRequest("POST", u"/api/admin/users"_s, fields), context, std::move(done),
               parseUser);
}

void AdminClient::updateUser(qint64 id, const QJsonObject& patch, QObject* context,
                             Callback<User> done) {
    call<User>(adminRequest("PATCH", userPath(id), patch), context, std::move(done), parseUser);
}

void AdminClient::resetPassword(qint64 id, const QString& newPassword, QObject* context,
                                Callback<Done> done) {
    call<Done>(adminRequest("POST", userPath(id, u"/reset-password"_s),
                            QJsonObject{{u"new_password"_s, newPassword}}),
               context, std::move(done), parseNothing);
}

void AdminClient::unlockUser(qint64 id, QObject* context, Callback<bool> done) {
    call<bool>(adminRequest("POST", userPath(id, u"/unlock"_s), QJsonObject{}), context,
               std::move(done), [](const ApiReply& reply) -> Result<bool> {
                   return reply.object().value(u"was_locked"_s).toBool();
               });
}

void AdminClient::deleteUser(qint64 id, QObject* context, Callback<Done> done) {
    call<Done>(adminRequest("DELETE", userPath(id)), context, std::move(done), parseNothing);
}

void AdminClient::audit(const AuditFilter& filter, int page, int perPage, QObject* context,
                        Callback<AuditPage> done) {
    ApiRequest list = adminRequest("GET", u"/api/admin/audit"_s);
    if (filter.userId)
        list.query.addQueryItem(u"user_id"_s, QString::number(*filter.userId));
    if (!filter.action.isEmpty())
        list.query.addQueryItem(u"action"_s, filter.action);
    list.query.addQueryItem(u"page"_s, QString::number(page));
    list.query.addQueryItem(u"per_page"_s, QString::number(perPage));
    call<AuditPage>(list, context, std::move(done),
                    [](const ApiReply& reply) { return AdminJson::auditPage(reply.object()); });
}

} // namespace bizy
