#include "TransferFormat.h"

#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace bizy {

std::optional<TransferFormat> transferFormatOf(const QString& path) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == u"json")
        return TransferFormat::Json;
    if (suffix == u"csv")
        return TransferFormat::Csv;
    if (suffix == u"ics" || suffix == u"ical" || suffix == u"ifb")
        return TransferFormat::ICalendar;
    return std::nullopt;
}

QString transferFormatName(TransferFormat format) {
    switch (format) {
    case TransferFormat::Json:
        return u"JSON"_s;
    case TransferFormat::Csv:
        return u"CSV"_s;
    case TransferFormat::ICalendar:
        return u"iCalendar"_s;
    }
    return {};
}

QString transferFileFilters() {
    return u"JSON (*.json);;CSV (*.csv);;iCalendar (*.ics)"_s;
}

} // namespace bizy
