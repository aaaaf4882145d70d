#include "TransferImporter.h"

#include "TaskCsvFormat.h"
#include "TaskICalendarFormat.h"
#include "TaskJsonFormat.h"
#include "store/LocalStore.h"

#include <QFile>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace bizy {

Result<TransferRecords> TransferImporter::read(TransferFormat format, const QByteArray& bytes) {
    switch (format) {
    case TransferFormat::Json:
        return TaskJsonFormat::read(bytes);
    case TransferFormat::Csv:
        return TaskCsvFormat::read(bytes);
    case TransferFormat::ICalendar:
        return TaskICalendarFormat::read(bytes);
    }
    return Error::make(Error::Code::Validation, u"Unknown format"_s);
}

Error TransferImporter::describe(const Error& error, const TransferRecords& records) {
    if (error.fields.isEmpty())
        return error;
    QStringList parts;
    for (const FieldError& field : error.fields) {
        const QJsonArray loc = field.loc;
        const QString list = loc.at(0).toString();
        const qsizetype index = loc.at(1).toInteger(-1);
        const QStringList& places = list == u"goals" ? records.goalPlaces : records.taskPlaces;
        if ((list != u"goals" && list != u"tasks") || index < 0 || index >= places.size()) {
            parts << field.describe();
            continue;
        }
        FieldError inRecord = field;
        inRecord.loc = QJsonArray();
        for (qsizetype i = 2; i < loc.size(); ++i)
            inRecord.loc.append(loc.at(i));
        parts << places.at(index) + u": "_s + inRecord.describe();
    }
    return Error{error.code, parts.join(u"; "_s), error.fields};
}

Result<TransferSummary> TransferImporter::importFile(LocalStore& store, const QString& path,
                                                     const ImportProgress& progress) {
    const QString name = QFileInfo(path).fileName();
    const auto failed = [&](const Error& error) {
        return Error{error.code, u"Cannot import %1: %2"_s.arg(name, error.message), error.fields};
    };
    const std::optional<TransferFormat> format = transferFormatOf(path);
    if (!format)
        return failed(
            Error::make(Error::Code::Validation, u"Bizy imports .json, .csv and .ics files"_s));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return failed(Error::make(Error::Code::NotFound, file.errorString()));
    const QByteArray bytes = file.readAll();
    file.close();
    const Result<TransferRecords> records = read(*format, bytes);
    if (!records)
        return failed(records.error());
    const Result<ImportCounts> counts =
        store.importRecords(records->goals, records->tasks, progress);
    if (!counts)
        return failed(describe(counts.error(), *records));
    return TransferSummary{.format = *format, .goals = counts->goals, .tasks = counts->tasks};
}

} // namespace bizy
