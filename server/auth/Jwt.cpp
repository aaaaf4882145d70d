#include "Jwt.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QUuid>
#include <cmath>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

using namespace Qt::StringLiterals;

namespace bizy::server {

namespace {

constexpr auto kBase64Url = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

QByteArray encode(const QByteArray& bytes) {
    return bytes.toBase64(kBase64Url);
}

// Strict base64url: only the url alphabet, no padding, no stray characters.
std::optional<QByteArray> decode(QByteArrayView segment) {
    if (segment.isEmpty())
        return std::nullopt;
    for (char c : segment) {
        const bool allowed = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                             (c >= '0' && c <= '9') || c == '-' || c == '_';
        if (!allowed)
            return std::nullopt;
    }
    if (segment.size() % 4 == 1)
        return std::nullopt; // no byte string encodes to this length
    auto decoded = QByteArray::fromBase64Encoding(segment.toByteArray(),
                                                  QByteArray::Base64UrlEncoding |
                                                      QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    return decoded.decoded;
}

bizy::Error invalid(const QString& why) {
    return bizy::Error::make(bizy::Error::Code::Unauthorized, u"Invalid token: "_s + why);
}

std::optional<QJsonObject> parseObject(const QByteArray& json) {
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    return document.object();
}

// A JSON number that is a whole value in qint64 range.
std::optional<qint64> wholeNumber(const QJsonValue& value) {
    if (!value.isDouble())
        return std::nullopt;
    const double number = value.toDouble();
    if (!std::isfinite(number) || std::fabs(number) > 9.007e15)
        return std::nullopt;
    return qint64(std::floor(number));
}

} // namespace

Jwt::Jwt(QByteArray secret)
    : m_secret(std::move(secret)) {}

QByteArray Jwt::signature(const QByteArray& signingInput) const {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    HMAC(EVP_sha256(), m_secret.constData(), int(m_secret.size()),
         reinterpret_cast<const unsigned char*>(signingInput.constData()),
         size_t(signingInput.size()), digest, &length);
    return QByteArray(reinterpret_cast<const char*>(digest), qsizetype(length));
}

QString Jwt::sign(const JwtClaims& claims) const {
    const QJsonObject header{{u"alg"_s, u"HS256"_s}, {u"typ"_s, u"JWT"_s}};
    const QString jti =
        claims.jti.isEmpty() ? QUuid::createUuid().toString(QUuid::WithoutBraces) : claims.jti;
    const QJsonObject payload{
        {u"user_id"_s, claims.userId},
        {u"username"_s, claims.username},
        {u"email"_s, claims.email},
        {u"is_admin"_s, claims.isAdmin},
        {u"exp"_s, claims.expiresAt},
        {u"iat"_s, claims.issuedAt},
        {u"jti"_s, jti},
    };
    const QByteArray signingInput = encode(QJsonDocument(header).toJson(QJsonDocument::Compact)) +
                                    '.' +
                                    encode(QJsonDocument(payload).toJson(QJsonDocument::Compact));
    return QString::fromLatin1(signingInput + '.' + encode(signature(signingInput)));
}

bizy::Result<JwtClaims> Jwt::verify(const QString& token, qint64 nowSeconds) const {
    if (token.size() > kMaxTokenLength)
        return invalid(u"token is too long"_s);
    const QByteArray bytes = token.toLatin1();
    if (QString::fromLatin1(bytes) != token)
        return invalid(u"token is not ASCII"_s);
    const QList<QByteArray> segments = bytes.split('.');
    if (segments.size() != 3)
        return invalid(u"expected 3 segments, got %1"_s.arg(segments.size()));
    if (segments[0].size() > kMaxHeaderLength)
        return invalid(u"header is too long"_s);

    const auto headerJson = decode(segments[0]);
    const auto payloadJson = decode(segments[1]);
    const auto givenSignature = decode(segments[2]);
    if (!headerJson || !payloadJson || !givenSignature)
        return invalid(u"bad base64url encoding"_s);
    const auto header = parseObject(*headerJson);
    if (!header)
        return invalid(u"header is not a JSON object"_s);
    if (header->value(u"alg"_s).toString() != u"HS256"_s)
        return invalid(u"algorithm not allowed"_s);

    const QByteArray expected = signature(segments[0] + '.' + segments[1]);
    if (givenSignature->size() != expected.size() ||
        CRYPTO_memcmp(givenSignature->constData(), expected.constData(), size_t(expected.size())) !=
            0)
        return invalid(u"signature verification failed"_s);

    const auto payload = parseObject(*payloadJson);
    if (!payload)
        return invalid(u"payload is not a JSON object"_s);
    const auto expiresAt = wholeNumber(payload->value(u"exp"_s));
    if (!expiresAt)
        return invalid(u"missing or non-numeric exp"_s);
    if (*expiresAt <= nowSeconds)
        return bizy::Error::make(bizy::Error::Code::Unauthorized, u"Token has expired"_s);
    const auto userId = wholeNumber(payload->value(u"user_id"_s));
    if (!userId)
        return invalid(u"missing user_id"_s);

    JwtClaims claims;
    claims.userId = *userId;
    claims.username = payload->value(u"username"_s).toString();
    claims.email = payload->value(u"email"_s).toString();
    claims.isAdmin = payload->value(u"is_admin"_s).toBool();
    claims.issuedAt = wholeNumber(payload->value(u"iat"_s)).value_or(0);
    claims.expiresAt = *expiresAt;
    claims.jti = payload->value(u"jti"_s).toString();
    return claims;
}

} // namespace bizy::server
