#pragma once

#include <QString>
#include <optional>

namespace bizy {

// The file formats of import and export, chosen by the file's extension.
enum class TransferFormat {
    Json,      // .json: {"tasks": [...], "goals": [...]} in the sync shape of docs/api.md
    Csv,       // .csv: tasks, one a row under a header row, UTF-8
    ICalendar, // .ics: tasks as RFC 5545 VTODOs
};

// The format of `path` by its extension (case-insensitive), or nullopt.
std::optional<TransferFormat> transferFormatOf(const QString& path);
// "JSON", "CSV", "iCalendar".
QString transferFormatName(TransferFormat format);
// What a file dialog offers: "JSON (*.json);;CSV (*.csv);;iCalendar (*.ics)".
QString transferFileFilters();

} // namespace bizy
