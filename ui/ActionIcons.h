#pragma once

#include <QIcon>
#include <QString>
#include <QStringList>

namespace bizy {

// The icons of the window's actions, by their freedesktop names: the desktop
// theme's icon where it has one (Bizy looks like the rest of the desktop),
// else Bizy's own SVG (resources/icons/actions), so every action has an icon
// on every desktop, also without a theme. The SVGs are drawn in a mid grey
// with one accent, readable on a light and on a dark palette.
namespace ActionIcons {

QIcon icon(const QString& name);
// Every name Bizy ships an SVG for.
QStringList names();

} // namespace ActionIcons

} // namespace bizy
