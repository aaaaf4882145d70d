#include "PaintProbe.h"

#include <QEvent>
#include <QTimer>

PaintProbe::PaintProbe(QWidget* widget, QObject* parent)
    : QObject(parent)
    , m_widget(widget) {
    widget->installEventFilter(this);
}

bool PaintProbe::eventFilter(QObject* watched, QEvent* event) {
    if (m_armed && watched == m_widget && event->type() == QEvent::Paint) {
        m_armed = false;
        // The paint runs inside the window's update request; a zero timer
        // fires once that request (paint and flush) has returned.
        QTimer::singleShot(0, this, &PaintProbe::painted);
    }
    return QObject::eventFilter(watched, event);
}
