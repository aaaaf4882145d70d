#pragma once

#include <QDateTime>
#include <QString>
#include <optional>

namespace bizy {

// Times in the contract are UTC ISO 8601. Inputs may carry `Z`, an offset or no
// zone at all (taken as UTC); a bare date means midnight UTC. Outputs follow the
// existing backend: no zone suffix, milliseconds only when there are some.
// Precision is milliseconds everywhere, so a time survives every round trip.
namespace IsoDateTime {

std::optional<QDateTime> parse(const QString& text);
QString format(const QDateTime& time);
// Now in UTC, cut to milliseconds like every stored time. Test hook: the
// environment variable BIZY_CLOCK_OFFSET_SECONDS (read once) shifts it.
QDateTime nowUtc();

} // namespace IsoDateTime

} // namespace bizy
