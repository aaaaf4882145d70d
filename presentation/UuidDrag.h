#pragma once

#include <QModelIndexList>
#include <QStringList>

class QMimeData;

namespace bizy {

// Rows dragged between the task list and the goal tree travel as their
// uuids, one per line, under a MIME type of their kind.
namespace UuidDrag {

// The distinct uuids (`uuidRole`) of `indexes`, packed under `mimeType`.
QMimeData* pack(const QModelIndexList& indexes, int uuidRole, const char* mimeType);
// The uuids `data` carries under `mimeType` (none when it carries none).
QStringList unpack(const QMimeData* data, const char* mimeType);

} // namespace UuidDrag

} // namespace bizy
