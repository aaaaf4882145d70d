#include "PasswordHasher.h"

#include <QByteArray>
#include <QRegularExpression>
#include <crypt.h>
#include <memory>
#include <sodium.h>

using namespace Qt::StringLiterals;

namespace bizy::server {

const unsigned long long PasswordHasher::kOpsLimit = crypto_pwhash_OPSLIMIT_INTERACTIVE;
const size_t PasswordHasher::kMemLimit = crypto_pwhash_MEMLIMIT_INTERACTIVE;

namespace {

// Old hashes come from a database: a doctored cost of 31 would block a worker
// for days, so costs above this are refused.
constexpr int kMaxBcryptCost = 16;

void ensureSodium() {
    // sodium_init is thread safe and idempotent; a failure means no usable RNG.
    static const bool ready = sodium_init() >= 0;
    Q_ASSERT(ready);
}

bool isBcrypt(const QString& storedHash) {
    static const QRegularExpression shape(uR"(^\$2[aby]\$(\d\d)\$[./A-Za-z0-9]{53}$)"_s);
    const QRegularExpressionMatch match = shape.match(storedHash);
    if (!match.hasMatch())
        return false;
    const int cost = match.captured(1).toInt();
    return cost >= 4 && cost <= kMaxBcryptCost;
}

bool isArgon2(const QString& storedHash) {
    return (storedHash.startsWith(u"$argon2id$"_s) || storedHash.startsWith(u"$argon2i$"_s)) &&
           storedHash.size() < qsizetype(crypto_pwhash_STRBYTES);
}

bool verifyArgon2(const QByteArray& storedHash, const QByteArray& password) {
    // crypto_pwhash_str_verify compares in constant time.
    return crypto_pwhash_str_verify(storedHash.constData(), password.constData(),
                                    size_t(password.size())) == 0;
}

bool verifyBcrypt(const QByteArray& storedHash, const QByteArray& password) {
    // crypt() reads a C string: a NUL inside would silently shorten the password.
    if (password.contains('\0'))
        return false;
    auto data = std::make_unique<crypt_data>();
    const char* computed =
        crypt_rn(password.constData(), storedHash.constData(), data.get(), int(sizeof(crypt_data)));
    if (computed == nullptr || computed[0] == '*')
        return false;
    const size_t length = qstrlen(computed);
    return length == size_t(storedHash.size()) &&
           sodium_memcmp(computed, storedHash.constData(), length) == 0;
}

// The parameters m (KiB) and t of an Argon2 string; nullopt when unparsable.
struct Argon2Parameters {
    qint64 memoryKiB = 0;
    qint64 passes = 0;
};

std::optional<Argon2Parameters> argon2Parameters(const QString& storedHash) {
    static const QRegularExpression params(uR"(\$m=(\d+),t=(\d+),p=\d+\$)"_s);
    const QRegularExpressionMatch match = params.match(storedHash);
    if (!match.hasMatch())
        return std::nullopt;
    return Argon2Parameters{match.captured(1).toLongLong(), match.captured(2).toLongLong()};
}

const QByteArray& dummyHash() {
    // Made once with the current parameters, so verifying against it costs
    // what verifying a real user's hash costs.
    static const QByteArray hash = PasswordHasher::hash(u"bizy-timing-equaliser"_s).toLatin1();
    return hash;
}

} // namespace

QString PasswordHasher::hash(const QString& password) {
    ensureSodium();
    const QByteArray utf8 = password.toUtf8();
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(out, utf8.constData(), size_t(utf8.size()), kOpsLimit, kMemLimit) != 0)
        return {}; // out of memory: an empty hash never verifies
    return QString::fromLatin1(out);
}

bool PasswordHasher::verify(const QString& storedHash, const QString& password) {
    ensureSodium();
    const QByteArray utf8 = password.toUtf8();
    if (isArgon2(storedHash))
        return verifyArgon2(storedHash.toLatin1(), utf8);
    if (isBcrypt(storedHash))
        return verifyBcrypt(storedHash.toLatin1(), utf8);
    return false;
}

bool PasswordHasher::needsRehash(const QString& storedHash) {
    ensureSodium();
    if (!storedHash.startsWith(u"$argon2id$"_s) || !isArgon2(storedHash))
        return true; // bcrypt, Argon2i or garbage
    const QByteArray latin1 = storedHash.toLatin1();
    const int verdict = crypto_pwhash_str_needs_rehash(latin1.constData(), kOpsLimit, kMemLimit);
    if (verdict <= 0)
        return verdict < 0;
    // Different parameters: only weaker ones are worth a rehash.
    const auto params = argon2Parameters(storedHash);
    return !params || params->memoryKiB < qint64(kMemLimit / 1024) ||
           params->passes < qint64(kOpsLimit);
}

void PasswordHasher::spendEquivalentTime(const QString& password) {
    ensureSodium();
    const bool matched = verifyArgon2(dummyHash(), password.toUtf8());
    Q_UNUSED(matched);
}

} // namespace bizy::server
