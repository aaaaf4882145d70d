#pragma once

#include <QString>

// Makes a real store fail the way a full disk does. From refuseWrites() on,
// SQLite refuses the store's `event` (INSERT, UPDATE or DELETE) on `table`:
// the statement fails and its transaction rolls back. A trigger added on a
// second connection to the file (as another process could) does it, so the
// store meets the failure in its own statements and nothing else in it is
// altered. Each returns why it could not, or an empty string.
QString refuseWrites(const QString& path, const QString& table, const QString& event);
QString allowWrites(const QString& path);
