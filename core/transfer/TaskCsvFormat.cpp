#include "TaskCsvFormat.h"

#include "TransferText.h"

#include <QJsonArray>
#include <QLocale>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace bizy {

namespace {

const QString kListColumns[] = {u"tags"_s, u"dependency_uuids"_s};

bool isListColumn(const QString& column) {
    return std::find(std::begin(kListColumns), std::end(kListColumns), column) !=
           std::end(kListColumns);
}

QString cellText(const QJsonValue& value) {
    if (value.isString())
        return value.toString();
    if (value.isDouble())
        return QString::number(value.toDouble(), 'g', QLocale::FloatingPointShortest);
    if (value.isBool())
        return value.toBool() ? u"true"_s : u"false"_s;
    if (value.isArray()) {
        QStringList parts;
        for (const QJsonValue& item : value.toArray())
            parts << cellText(item);
        return parts.join(u"; "_s);
    }
    return {};
}

void appendCell(QString* out, const QString& text) {
    const bool quote = text.contains(u',') || text.contains(u';') || text.contains(u'"') ||
                       text.contains(u'\n') || text.contains(u'\r') ||
                       (!text.isEmpty() && (text.front().isSpace() || text.back().isSpace()));
    if (!quote) {
        out->append(text);
        return;
    }
    QString escaped = text;
    escaped.replace(u'"', u"\"\""_s);
    out->append(u'"' + escaped + u'"');
}

// One record of cells and the line it starts on.
struct CsvRecord {
    QStringList cells;
    qsizetype line = 0;
};

// RFC 4180 records from `text`: quoted cells may hold separators, quotes ("")
// and line breaks; CRLF, LF or CR end a record.
Result<QList<CsvRecord>> parseRecords(const QString& text, QChar separator) {
    QList<CsvRecord> records;
    CsvRecord record{{}, 1};
    QString cell;
    qsizetype line = 1;
    qsizetype i = 0;
    const qsizetype n = text.size();
    bool cellStarted = false;
    const auto endRecord = [&] {
        record.cells << cell;
        cell.clear();
        cellStarted = false;
        // A blank line is no record.
        if (!(record.cells.size() == 1 && record.cells.first().isEmpty()))
            records << record;
        record = CsvRecord{{}, line};
    };
    while (i < n) {
        const QChar c = text.at(i);
        if (c == u'"' && !cellStarted) {
            const qsizetype openedOn = line;
            ++i;
            for (;;) {
                if (i >= n)
                    return transferLineError(openedOn,
                                             u"the quoted cell opened here is never closed"_s);
                const QChar q = text.at(i);
                if (q == u'"') {
                    if (i + 1 < n && text.at(i + 1) == u'"') {
                        cell += u'"';
                        i += 2;
                        continue;
                    }
                    ++i;
                    break;
                }
                if (q == u'\n' || (q == u'\r' && !(i + 1 < n && text.at(i + 1) == u'\n')))
                    ++line;
                cell += q;
                ++i;
            }
            cellStarted = true;
            if (i < n && text.at(i) != separator && text.at(i) != u'\n' && text.at(i) != u'\r')
                return transferLineError(line, u"text after the closing quote of a cell"_s);
            continue;
        }
        if (c == separator) {
            record.cells << cell;
            cell.clear();
            cellStarted = false;
            ++i;
        } else if (c == u'\r' || c == u'\n') {
            i += (c == u'\r' && i + 1 < n && text.at(i + 1) == u'\n') ? 2 : 1;
            ++line;
            endRecord();
        } else {
            if (c == u'"')
                return transferLineError(line,
                                         u"a quote inside a cell that does not start with one"_s);
            cell += c;
            cellStarted = true;
            ++i;
        }
    }
    if (cellStarted || !record.cells.isEmpty())
        endRecord();
    return records;
}

QString columnKey(const QString& header) {
    QString key = header.trimmed().toLower();
    key.replace(u' ', u'_');
    return key;
}

} // namespace

const QStringList& TaskCsvFormat::columns() {
    static const QStringList columns{u"title"_s,
                                     u"status"_s,
                                     u"priority"_s,
                                     u"due_date"_s,
                                     u"category"_s,
                                     u"tags"_s,
                                     u"estimated_hours"_s,
                                     u"actual_hours"_s,
                                     u"description"_s,
                                     u"notes"_s,
                                     u"created_at"_s,
                                     u"completed_at"_s,
                                     u"uuid"_s,
                                     u"parent_goal_uuid"_s,
                                     u"dependency_uuids"_s};
    return columns;
}

QByteArray TaskCsvFormat::write(const QList<Task>& tasks) {
    QString out;
    out.reserve(tasks.size() * 200 + 200);
    for (qsizetype c = 0; c < columns().size(); ++c) {
        if (c > 0)
            out += u',';
        appendCell(&out, columns().at(c));
    }
    out += u"\r\n"_s;
    for (const Task& task : tasks) {
        const QJsonObject json = task.toSyncJson();
        for (qsizetype c = 0; c < columns().size(); ++c) {
            if (c > 0)
                out += u',';
            appendCell(&out, cellText(json.value(columns().at(c))));
        }
        out += u"\r\n"_s;
    }
    return QByteArray("\xEF\xBB\xBF") + out.toUtf8();
}

Result<TransferRecords> TaskCsvFormat::read(const QByteArray& bytes) {
    const Result<QString> decoded = readUtf8Text(bytes, u"save the file as CSV UTF-8"_s);
    if (!decoded)
        return decoded.error();
    const QString& text = *decoded;
    // Spreadsheets set to a language with decimal commas separate cells with ";".
    const QString firstLine = text.left(text.indexOf(u'\n'));
    const QChar separator = !firstLine.contains(u',') && firstLine.contains(u';') ? u';' : u',';
    Result<QList<CsvRecord>> parsed = parseRecords(text, separator);
    if (!parsed)
        return parsed.error();
    if (parsed->isEmpty())
        return Error::make(Error::Code::Validation,
                           u"The file is empty: it needs a header row, such as title,due_date"_s);
    const CsvRecord header = parsed->takeFirst();
    QStringList keys;
    for (const QString& name : header.cells) {
        const QString key = columnKey(name);
        if (!columns().contains(key))
            return transferLineError(header.line,
                                     u"unknown column \"%1\"; the columns Bizy reads are %2"_s.arg(
                                         name.trimmed(), columns().join(u", "_s)));
        if (keys.contains(key))
            return transferLineError(header.line, u"the column \"%1\" appears twice"_s.arg(key));
        keys << key;
    }
    if (!keys.contains(u"title"_s))
        return transferLineError(header.line, u"there is no \"title\" column"_s);

    TransferRecords records;
    records.tasks.reserve(parsed->size());
    records.taskPlaces.reserve(parsed->size());
    for (const CsvRecord& record : std::as_const(*parsed)) {
        if (record.cells.size() != keys.size())
            return transferLineError(
                record.line,
                u"%1 cells where the header has %2"_s.arg(record.cells.size()).arg(keys.size()));
        QJsonObject task;
        for (qsizetype c = 0; c < keys.size(); ++c) {
            const QString& key = keys.at(c);
            const QString& cell = record.cells.at(c);
            if (cell.trimmed().isEmpty())
                continue;
            if (isListColumn(key)) {
                QJsonArray items;
                for (const QString& item : cell.split(u';')) {
                    if (!item.trimmed().isEmpty())
                        items.append(item.trimmed());
                }
                task.insert(key, items);
            } else if (key == u"status") {
                QString status = cell.trimmed().toLower();
                status.replace(u' ', u'_').replace(u'-', u'_');
                task.insert(key, status);
            } else {
                task.insert(key, cell);
            }
        }
        records.tasks << task;
        records.taskPlaces << u"line %1"_s.arg(record.line);
    }
    return records;
}

} // namespace bizy
