#pragma once

#include <QElapsedTimer>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QTimer>

// How long the thread it lives on (the UI thread) stops serving its event
// loop: a precise timer asks for a tick every 5 ms and every gap between two
// ticks is kept. Whatever holds the thread (a slot, a model reset, a paint, a
// store call) shows up as one long gap; an idle thread gives gaps of ~5 ms.
class Heartbeat : public QObject {
    Q_OBJECT
public:
    static constexpr int kIntervalMs = 5;
    static constexpr double kStallMs = 50; // the target: no gap longer than this

    explicit Heartbeat(QObject* parent = nullptr);

    void start();
    void stop();
    // Milliseconds since start(), on the same clock as the gaps.
    double elapsedMs() const { return double(m_clock.nsecsElapsed()) / 1e6; }

    struct Gap {
        double atMs = 0; // when the gap ended, since start()
        double ms = 0;
    };
    struct Summary {
        double maxMs = 0;
        double p99Ms = 0;
        double medianMs = 0;
        qsizetype over50 = 0;     // gaps longer than kStallMs
        double over50TotalMs = 0; // the time spent in them
        qsizetype ticks = 0;
        double spanMs = 0;  // start() to the last tick
        QList<Gap> longest; // the five longest, in time order
    };
    Summary summary() const;
    static QJsonObject toJson(const Summary& summary);

private:
    void tick();

    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_lastNs = 0;
    QList<Gap> m_gaps;
};
