#include "DiskScan.h"

#include <QDirIterator>
#include <QFile>

QStringList filesContaining(const QString& directory, const QList<QByteArray>& needles) {
    QStringList found;
    QDirIterator files(directory, QDir::Files | QDir::Hidden | QDir::System,
                       QDirIterator::Subdirectories);
    while (files.hasNext()) {
        const QString path = files.next();
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QByteArray content = file.readAll();
        for (const QByteArray& needle : needles) {
            if (!needle.isEmpty() && content.contains(needle)) {
                found << path;
                break;
            }
        }
    }
    return found;
}
