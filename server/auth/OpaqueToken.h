#pragma once

#include <QString>

namespace bizy::server {

// Secrets handed to a client and looked up later (refresh tokens, password
// reset tokens): 32 random bytes in base64url; the database keeps only their
// SHA-256, so a copy of it gives nobody a usable token.
namespace OpaqueToken {

QString generate();
// SHA-256 of the token's text, as lower-case hex.
QString hash(const QString& token);

} // namespace OpaqueToken

} // namespace bizy::server
