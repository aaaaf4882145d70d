#pragma once

#include <QString>

namespace bizy::server {

// Password hashes for the server. New hashes are libsodium Argon2id strings;
// bcrypt hashes ($2a$/$2b$/$2y$) imported from the old auth service are still
// verified (through libxcrypt) so those users can log in and get rehashed.
// Every call is thread safe and takes tens of milliseconds: never call it on a
// thread that serves other requests while it waits.
class PasswordHasher {
public:
    // Argon2id, crypto_pwhash_OPSLIMIT_INTERACTIVE (2 passes) and
    // crypto_pwhash_MEMLIMIT_INTERACTIVE (64 MiB): libsodium's interactive
    // floor, roughly 10-20 hashes per second per core, so a 2-core server still
    // logs in a few dozen users a second while an offline guess stays costly.
    static const unsigned long long kOpsLimit;
    static const size_t kMemLimit;

    static QString hash(const QString& password);
    // False for a wrong password and for anything that is not a hash we know
    // (empty, truncated, unknown scheme), never a crash.
    static bool verify(const QString& storedHash, const QString& password);
    // True for bcrypt, for Argon2 hashes weaker than the current parameters
    // and for anything unparsable; call after a successful verify.
    static bool needsRehash(const QString& storedHash);
    // Costs what verify() of an existing user costs, so an unknown user name
    // cannot be told apart by timing.
    static void spendEquivalentTime(const QString& password);
};

} // namespace bizy::server
