#include "Heartbeat.h"

#include "Percentile.h"

#include <QJsonArray>
#include <algorithm>

using namespace Qt::StringLiterals;

Heartbeat::Heartbeat(QObject* parent)
    : QObject(parent) {
    // Precise: a coarse timer may fire up to 5 % late by design, which is noise here.
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(kIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &Heartbeat::tick);
}

void Heartbeat::start() {
    m_gaps.clear();
    m_gaps.reserve(1 << 14);
    m_clock.start();
    m_lastNs = 0;
    m_timer.start();
}

void Heartbeat::stop() {
    m_timer.stop();
}

void Heartbeat::tick() {
    const qint64 now = m_clock.nsecsElapsed();
    m_gaps.append({double(now) / 1e6, double(now - m_lastNs) / 1e6});
    m_lastNs = now;
}

Heartbeat::Summary Heartbeat::summary() const {
    Summary summary;
    QList<double> ms;
    ms.reserve(m_gaps.size());
    for (const Gap& gap : m_gaps) {
        ms << gap.ms;
        summary.maxMs = std::max(summary.maxMs, gap.ms);
        if (gap.ms > kStallMs) {
            ++summary.over50;
            summary.over50TotalMs += gap.ms;
        }
    }
    summary.p99Ms = percentile(ms, 0.99);
    summary.medianMs = percentile(ms, 0.5);
    summary.ticks = m_gaps.size();
    summary.spanMs = m_gaps.isEmpty() ? 0 : m_gaps.last().atMs;
    QList<Gap> longest = m_gaps;
    std::sort(longest.begin(), longest.end(),
              [](const Gap& a, const Gap& b) { return a.ms > b.ms; });
    longest.resize(std::min<qsizetype>(5, longest.size()));
    std::sort(longest.begin(), longest.end(),
              [](const Gap& a, const Gap& b) { return a.atMs < b.atMs; });
    summary.longest = longest;
    return summary;
}

QJsonObject Heartbeat::toJson(const Summary& summary) {
    QJsonArray longest;
    for (const Gap& gap : summary.longest)
        longest.append(QJsonArray{gap.atMs, gap.ms});
    return {{u"max_ms"_s, summary.maxMs},
            {u"p99_ms"_s, summary.p99Ms},
            {u"median_ms"_s, summary.medianMs},
            {u"over50"_s, summary.over50},
            {u"over50_total_ms"_s, summary.over50TotalMs},
            {u"ticks"_s, summary.ticks},
            {u"span_ms"_s, summary.spanMs},
            {u"longest"_s, longest}};
}
