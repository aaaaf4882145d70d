#include "IsoDateTime.h"

#include <QRegularExpression>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace bizy::IsoDateTime {

std::optional<QDateTime> parse(const QString& text) {
    // Qt's ISO parser is lenient about shapes the contract does not allow
    // (week dates, missing seconds are fine but "T" alone is not), so the
    // overall shape is checked first.
    static const QRegularExpression shape(
        uR"(^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|z|[+-]\d{2}:?\d{2})?)?$)"_s);
    const QString trimmed = text.trimmed();
    if (!shape.match(trimmed).hasMatch())
        return std::nullopt;

    QString normalised = trimmed;
    if (normalised.size() > 10 && normalised[10] == u' ')
        normalised[10] = u'T';
    if (normalised.endsWith(u'z'))
        normalised.back() = u'Z';

    // Qt keeps milliseconds; cut longer fractions instead of rejecting them.
    static const QRegularExpression longFraction(uR"((\.\d{3})\d+)"_s);
    normalised.replace(longFraction, u"\\1"_s);

    QDateTime parsed;
    if (normalised.size() == 10) {
        const QDate date = QDate::fromString(normalised, Qt::ISODate);
        if (!date.isValid())
            return std::nullopt;
        parsed = QDateTime(date, QTime(0, 0), QTimeZone::utc());
    } else {
        // No zone means UTC. Saying so before parsing matters: read as local
        // time first, a time inside a daylight-saving gap of the machine's
        // zone would be shifted or refused.
        static const QRegularExpression zone(uR"((Z|[+-]\d{2}:?\d{2})$)"_s);
        if (!zone.match(normalised).hasMatch())
            normalised += u'Z';
        parsed = QDateTime::fromString(normalised, Qt::ISODateWithMs);
        if (!parsed.isValid())
            return std::nullopt;
    }
    return parsed.toUTC();
}

QString format(const QDateTime& time) {
    const QDateTime utc = time.toUTC();
    return utc.time().msec() == 0 ? utc.toString(u"yyyy-MM-ddTHH:mm:ss"_s)
                                  : utc.toString(u"yyyy-MM-ddTHH:mm:ss.zzz"_s);
}

QDateTime nowUtc() {
    // Test hook: BIZY_CLOCK_OFFSET_SECONDS (read once) moves this clock, so a
    // test can run a device whose clock is days off. Never set in real use.
    static const qint64 offsetMs =
        qEnvironmentVariableIntValue("BIZY_CLOCK_OFFSET_SECONDS") * 1000LL;
    return QDateTime::currentDateTimeUtc().addMSecs(offsetMs);
}

} // namespace bizy::IsoDateTime
