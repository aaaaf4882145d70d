#pragma once

#include <QObject>
#include <QPointer>
#include <QWidget>

// Says when a widget has painted: once armed, the next paint event the widget
// gets is followed by painted(), emitted right after that paint (and the
// backing store's flush around it) finished, so the pixels are there.
class PaintProbe : public QObject {
    Q_OBJECT
public:
    explicit PaintProbe(QWidget* widget, QObject* parent = nullptr);

    void arm() { m_armed = true; }
    bool isArmed() const { return m_armed; }

signals:
    void painted();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QPointer<QWidget> m_widget;
    bool m_armed = false;
};
