#include "ApiError.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace bizy {

namespace {

ApiError::Kind kindForStatus(int status) {
    using Kind = ApiError::Kind;
    switch (status) {
    case 401:
        return Kind::Unauthorized;
    case 403:
        return Kind::Forbidden;
    case 404:
        return Kind::NotFound;
    case 409:
        return Kind::Conflict;
    case 422:
        return Kind::Validation;
    case 423:
        return Kind::Locked;
    case 429:
        return Kind::RateLimited;
    case 502:
    case 503:
    case 504:
        return Kind::Unavailable;
    default:
        return Kind::Http;
    }
}

// Retry-After is either delay-seconds or an HTTP date (RFC 9110 10.2.3).
std::optional<int> parseRetryAfter(const QByteArray& header) {
    const QByteArray text = header.trimmed();
    if (text.isEmpty())
        return std::nullopt;
    bool ok = false;
    const qint64 seconds = text.toLongLong(&ok);
    if (ok)
        return seconds < 0 ? 0 : int(qMin<qint64>(seconds, 24 * 3600));
    const QDateTime at = QLocale::c().toDateTime(
        QString::fromLatin1(text).replace(u" GMT"_s, u""_s), u"ddd, dd MMM yyyy HH:mm:ss"_s);
    if (!at.isValid())
        return std::nullopt;
    QDateTime utc = at;
    utc.setTimeSpec(Qt::UTC);
    const qint64 wait = QDateTime::currentDateTimeUtc().secsTo(utc);
    return int(qBound<qint64>(0, wait, 24LL * 3600));
}

FieldErrors fieldErrorsFrom(const QJsonArray& detail) {
    FieldErrors errors;
    for (const QJsonValue& entry : detail) {
        const QJsonObject object = entry.toObject();
        errors.append({object.value(u"loc"_s).toArray(), object.value(u"msg"_s).toString(),
                       object.value(u"type"_s).toString()});
    }
    return errors;
}

QString withDetail(const QString& sentence, const QString& detail) {
    return detail.isEmpty() ? sentence : sentence + u" ("_s + detail + u")"_s;
}

} // namespace

ApiError ApiError::fromHttp(int status, const QByteArray& body, const QByteArray& retryAfter) {
    ApiError error;
    error.kind = kindForStatus(status);
    error.httpStatus = status;
    error.retryAfterSeconds = parseRetryAfter(retryAfter);
    const QJsonObject object = QJsonDocument::fromJson(body).object();
    const QJsonValue detail = object.value(u"detail"_s);
    if (detail.isString()) {
        error.detail = detail.toString();
    } else if (detail.isArray()) {
        error.fields = fieldErrorsFrom(detail.toArray());
        if (!error.fields.isEmpty())
            error.detail = error.fields.first().describe();
    } else if (object.value(u"error"_s).isString()) { // the old auth service's key
        error.detail = object.value(u"error"_s).toString();
    }
    return error;
}

ApiError ApiError::network(const QString& text) {
    ApiError error;
    error.kind = Kind::Network;
    error.detail = text;
    return error;
}

ApiError ApiError::timeout() {
    ApiError error;
    error.kind = Kind::Timeout;
    return error;
}

ApiError ApiError::invalidAnswer(int status, const QString& text) {
    ApiError error;
    error.kind = Kind::InvalidAnswer;
    error.httpStatus = status;
    error.detail = text;
    return error;
}

QString ApiError::userMessage() const {
    switch (kind) {
    case Kind::Network:
        return u"Bizy cannot reach the server. Check your internet connection and the server "
               "address; your changes are kept on this computer and sync once you are back online."_s;
    case Kind::Timeout:
        return u"The server took too long to answer. Check your connection and try again in a "
               "moment."_s;
    case Kind::Unauthorized:
        return withDetail(u"You are not logged in or your session has expired. Please log in "
                          "again."_s,
                          detail);
    case Kind::Forbidden:
        return withDetail(u"You are not allowed to do this. Ask an administrator if you need "
                          "access."_s,
                          detail);
    case Kind::NotFound:
        return withDetail(u"The item no longer exists on the server; it may have been deleted on "
                          "another device. Refresh and try again."_s,
                          detail);
    case Kind::Conflict:
        return withDetail(u"The server refused the change because it conflicts with its current "
                          "state. Sync, then try again."_s,
                          detail);
    case Kind::Validation: {
        QStringList problems;
        for (const FieldError& field : fields)
            problems << field.describe();
        return u"Some values are not accepted: "_s + problems.join(u"; "_s) +
               u". Correct them and try again."_s;
    }
    case Kind::RateLimited:
        return retryAfterSeconds
                   ? u"Too many attempts. Wait %1 seconds and try again."_s.arg(*retryAfterSeconds)
                   : u"Too many attempts. Wait a minute and try again."_s;
    case Kind::Locked:
        return detail.isEmpty()
                   ? u"The account is temporarily locked after too many failed "
                     "logins. Try again later."_s
                   : detail + u". Wait, or ask an administrator to unlock the account."_s;
    case Kind::Unavailable:
        return u"The server is temporarily unavailable. Your changes are kept; try again in a few "
               "minutes."_s;
    case Kind::InvalidAnswer:
        return u"The server sent an answer Bizy does not understand. Check the server address, or "
               "update Bizy if the server is newer."_s;
    case Kind::Http:
        break;
    }
    return withDetail(u"The server could not do this (HTTP %1). Try again later; if it keeps "
                      "happening, tell your administrator."_s.arg(httpStatus),
                      detail);
}

QString ApiError::kindName(Kind kind) {
    switch (kind) {
    case Kind::Network:
        return u"Network"_s;
    case Kind::Timeout:
        return u"Timeout"_s;
    case Kind::Http:
        return u"Http"_s;
    case Kind::Unauthorized:
        return u"Unauthorized"_s;
    case Kind::Forbidden:
        return u"Forbidden"_s;
    case Kind::NotFound:
        return u"NotFound"_s;
    case Kind::Conflict:
        return u"Conflict"_s;
    case Kind::Validation:
        return u"Validation"_s;
    case Kind::RateLimited:
        return u"RateLimited"_s;
    case Kind::Locked:
        return u"Locked"_s;
    case Kind::Unavailable:
        return u"Unavailable"_s;
    case Kind::InvalidAnswer:
        return u"InvalidAnswer"_s;
    }
    return u"Unknown"_s;
}

} // namespace bizy
