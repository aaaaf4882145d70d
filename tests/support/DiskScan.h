#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

// For tests that promise a secret never reaches the disk: the files under
// `directory` (recursively, hidden ones too) that contain any of `needles`.
QStringList filesContaining(const QString& directory, const QList<QByteArray>& needles);
