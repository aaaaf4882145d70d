#include "TransferExporter.h"

#include "TaskCsvFormat.h"
#include "TaskICalendarFormat.h"
#include "TaskJsonFormat.h"
#include "model/IsoDateTime.h"
#include "store/LocalStore.h"

#include <QFileInfo>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace bizy {

Result<TransferSummary> TransferExporter::exportFile(LocalStore& store, const QString& path) {
    const QString name = QFileInfo(path).fileName();
    const auto failed = [&](const Error& error) {
        return Error{error.code, u"Cannot export to %1: %2"_s.arg(name, error.message),
                     error.fields};
    };
    const std::optional<TransferFormat> format = transferFormatOf(path);
    if (!format)
        return failed(
            Error::make(Error::Code::Validation, u"Bizy exports to .json, .csv and .ics files"_s));
    const Result<QList<Task>> tasks = store.tasks();
    if (!tasks)
        return failed(tasks.error());
    TransferSummary summary{.format = *format, .goals = 0, .tasks = tasks->size()};
    QByteArray bytes;
    switch (*format) {
    case TransferFormat::Json: {
        const Result<QList<Goal>> goals = store.goals();
        if (!goals)
            return failed(goals.error());
        summary.goals = goals->size();
        bytes = TaskJsonFormat::write(*goals, *tasks);
        break;
    }
    case TransferFormat::Csv:
        bytes = TaskCsvFormat::write(*tasks);
        break;
    case TransferFormat::ICalendar:
        bytes = TaskICalendarFormat::write(*tasks, IsoDateTime::nowUtc());
        break;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return failed(Error::make(Error::Code::Storage, file.errorString()));
    return summary;
}

} // namespace bizy
