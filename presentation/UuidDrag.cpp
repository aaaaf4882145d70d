#include "UuidDrag.h"

#include <QMimeData>

namespace bizy::UuidDrag {

QMimeData* pack(const QModelIndexList& indexes, int uuidRole, const char* mimeType) {
    QStringList uuids;
    for (const QModelIndex& index : indexes) {
        const QString uuid = index.data(uuidRole).toString();
        if (!uuid.isEmpty() && !uuids.contains(uuid))
            uuids << uuid;
    }
    auto* data = new QMimeData;
    data->setData(QString::fromLatin1(mimeType), uuids.join(u'\n').toUtf8());
    return data;
}

QStringList unpack(const QMimeData* data, const char* mimeType) {
    if (!data)
        return {};
    return QString::fromUtf8(data->data(QString::fromLatin1(mimeType)))
        .split(u'\n', Qt::SkipEmptyParts);
}

} // namespace bizy::UuidDrag
