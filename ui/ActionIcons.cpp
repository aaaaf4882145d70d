#include "ActionIcons.h"

#include <QDir>

using namespace Qt::StringLiterals;

namespace bizy {

namespace ActionIcons {

namespace {

const QString kDirectory = u":/bizy/icons/actions/"_s;

} // namespace

QIcon icon(const QString& name) {
    if (QIcon::hasThemeIcon(name))
        return QIcon::fromTheme(name);
    return QIcon(kDirectory + name + u".svg"_s);
}

QStringList names() {
    QStringList found;
    for (const QString& file : QDir(kDirectory).entryList({u"*.svg"_s}, QDir::Files))
        found << file.chopped(4);
    return found;
}

} // namespace ActionIcons

} // namespace bizy
