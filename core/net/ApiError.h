#pragma once

#include "model/FieldError.h"

#include <QByteArray>
#include <QString>
#include <optional>

namespace bizy {

// Why a call to the server failed, in terms a UI can explain and act on.
struct ApiError {
    enum class Kind {
        Network,      // no connection, refused, reset, name not resolved
        Timeout,      // no complete answer within the transfer timeout
        Http,         // any other error status (400, 413, 500, ...)
        Unauthorized, // 401
        Forbidden,    // 403
        NotFound,     // 404
        Conflict,     // 409
        Validation,   // 422, fields holds the server's detail list
        RateLimited,  // 429
        Locked,       // 423: the account is locked after failed logins
        Unavailable,  // 502, 503, 504
        InvalidAnswer // a success status with a body that is not the expected JSON
    };

    Kind kind = Kind::Network;
    int httpStatus = 0;                   // 0 when no answer arrived
    QString detail;                       // the server's `detail` (or the network error text)
    FieldErrors fields;                   // for Validation
    std::optional<int> retryAfterSeconds; // the server's Retry-After, when it sent one

    // A sentence for the user that says what happened and what to do.
    QString userMessage() const;
    // "Validation", "Timeout", ... for logs and test messages.
    static QString kindName(Kind kind);

    // The error an HTTP error status with this body and Retry-After header means.
    static ApiError fromHttp(int status, const QByteArray& body, const QByteArray& retryAfter);
    static ApiError network(const QString& text);
    static ApiError timeout();
    static ApiError invalidAnswer(int status, const QString& text);
};

} // namespace bizy
