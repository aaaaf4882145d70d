#pragma once

#include <QString>

// What SQLite's integrity check says of the file at `path` ("ok" for a sound
// file), read through a connection of its own.
QString sqliteIntegrityCheck(const QString& path);
