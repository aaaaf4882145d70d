#include "model/IsoDateTime.h"
#include "transfer/TaskCsvFormat.h"
#include "transfer/TaskICalendarFormat.h"
#include "transfer/TaskJsonFormat.h"
#include "transfer/TransferFormat.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace bizy;

// The three file formats on their own: what they write, what they read back,
// what other programs write, and the line a bad file is refused at.
class TestTransferFormats : public QObject {
    Q_OBJECT

private:
    static Task sampleTask() {
        Task task = Task::create(*IsoDateTime::parse(u"2026-11-01T08:30:00"_s));
        task.title = u"Call \"Ana\", then; write\nthe report \u2013 caf\u00e9 \U0001F600"_s;
        task.description = u"Back\\slash, comma; semicolon\nand a second line"_s;
        task.notes =
            u"notes with a very long text that goes on and on beyond seventy-five "
            u"octets of UTF-8 so the line must fold \u00e4\u00f6\u00fc\u00e4\u00f6\u00fc"_s;
        task.priority = 2;
        task.status = TaskStatus::Blocked;
        task.category = u"work, mostly"_s;
        task.tags = QStringList{u"q1"_s, u"finance"_s};
        task.estimatedHours = 1.5;
        task.actualHours = 0.25;
        task.dueDate = IsoDateTime::parse(u"2026-12-24T10:00:00"_s);
        task.dependencyUuids = QStringList{u"0b7c3c1e-8a48-4f0e-9d5c-5e0b2b8f1a11"_s};
        task.parentGoalUuid = u"1c1c3c1e-8a48-4f0e-9d5c-5e0b2b8f1a22"_s;
        return task;
    }

    static QString errorOf(const Result<TransferRecords>& read) {
        return read ? QString() : read.error().message;
    }

private slots:
    void formatComesFromTheExtension() {
        QCOMPARE(transferFormatOf(u"/tmp/Tasks.JSON"_s), TransferFormat::Json);
        QCOMPARE(transferFormatOf(u"a.b.csv"_s), TransferFormat::Csv);
        QCOMPARE(transferFormatOf(u"calendar.ics"_s), TransferFormat::ICalendar);
        QVERIFY(!transferFormatOf(u"tasks.xlsx"_s));
        QVERIFY(!transferFormatOf(u"tasks"_s));
    }

    void csvWritesAHeaderAndReadsBackEveryField() {
        const Task task = sampleTask();
        const QByteArray bytes = TaskCsvFormat::write({task});
        QVERIFY(bytes.startsWith("\xEF\xBB\xBF"
                                 "title,status,priority,due_date,"));
        QVERIFY(bytes.contains("\r\n"));

        const Result<TransferRecords> read = TaskCsvFormat::read(bytes);
        QVERIFY2(read.ok(), qPrintable(errorOf(read)));
        QCOMPARE(read->tasks.size(), 1);
        QCOMPARE(read->taskPlaces, QStringList{u"line 2"_s});
        const QJsonObject fields = read->tasks.first();
        QCOMPARE(fields.value(u"title"_s).toString(), task.title);
        QCOMPARE(fields.value(u"description"_s).toString(), *task.description);
        QCOMPARE(fields.value(u"category"_s).toString(), *task.category);
        QCOMPARE(fields.value(u"status"_s).toString(), u"blocked"_s);
        QCOMPARE(fields.value(u"priority"_s).toString(), u"2"_s);
        QCOMPARE(fields.value(u"estimated_hours"_s).toString(), u"1.5"_s);
        QCOMPARE(fields.value(u"tags"_s).toArray(), (QJsonArray{u"q1"_s, u"finance"_s}));
        QCOMPARE(fields.value(u"uuid"_s).toString(), task.uuid);
        QCOMPARE(fields.value(u"due_date"_s).toString(), u"2026-12-24T10:00:00"_s);
        QVERIFY(!fields.contains(u"completed_at"_s)); // an empty cell is no value
    }

    void csvFromASpreadsheetIsRead() {
        // Semicolons between cells, columns in another order and spelling, a blank line.
        const QByteArray bytes = "Title;Due Date;PRIORITY;Status\n"
                                 "Pay rent;2026-12-01;1;In progress\n"
                                 "\n"
                                 "\"Two\nlines\";;;\n"
                                 "Last;2026-12-03;;\n";
        const Result<TransferRecords> read = TaskCsvFormat::read(bytes);
        QVERIFY2(read.ok(), qPrintable(errorOf(read)));
        QCOMPARE(read->tasks.size(), 3);
        QCOMPARE(read->tasks.at(0).value(u"status"_s).toString(), u"in_progress"_s);
        QCOMPARE(read->tasks.at(0).value(u"due_date"_s).toString(), u"2026-12-01"_s);
        QCOMPARE(read->tasks.at(1).value(u"title"_s).toString(), u"Two\nlines"_s);
        QCOMPARE(read->taskPlaces, (QStringList{u"line 2"_s, u"line 4"_s, u"line 6"_s}));
    }

    void badCsvIsRefusedAtItsLine_data() {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("error");
        QTest::newRow("unknown column")
            << QByteArray("title,colour\nA,red\n") << u"line 1: unknown column \"colour\""_s;
        QTest::newRow("no title column")
            << QByteArray("priority\n1\n") << u"line 1: there is no \"title\" column"_s;
        QTest::newRow("cells missing") << QByteArray("title,priority\nA,1\nB\n")
                                       << u"line 3: 1 cells where the header has 2"_s;
        QTest::newRow("quote never closed")
            << QByteArray("title\nA\n\"B\nC\n") << u"line 3: the quoted cell opened here"_s;
        QTest::newRow("not UTF-8") << QByteArray("title\nA\nB\xff\xfe\n") << u"line 3: not UTF-8"_s;
        QTest::newRow("empty") << QByteArray("") << u"The file is empty"_s;
    }

    void badCsvIsRefusedAtItsLine() {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, error);
        const Result<TransferRecords> read = TaskCsvFormat::read(bytes);
        QVERIFY(!read.ok());
        QVERIFY2(read.error().message.startsWith(error), qPrintable(read.error().message));
    }

    void icsFoldsEscapesAndReadsBackEveryField() {
        const Task task = sampleTask();
        const QByteArray bytes =
            TaskICalendarFormat::write({task}, *IsoDateTime::parse(u"2026-12-02T12:00:00"_s));
        QVERIFY(bytes.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:"));
        QVERIFY(bytes.endsWith("END:VCALENDAR\r\n"));
        QVERIFY(bytes.contains("\r\nDUE:20261224T100000Z\r\n"));
        QVERIFY(bytes.contains("\r\nPRIORITY:3\r\n"));
        QVERIFY(bytes.contains("\r\nSTATUS:NEEDS-ACTION\r\nX-BIZY-STATUS:blocked\r\n"));
        QVERIFY(bytes.contains("\r\nCATEGORIES:work\\, mostly,q1,finance\r\n"));
        QVERIFY(bytes.contains("DESCRIPTION:Back\\\\slash\\, comma\\; semicolon\\nand a"));
        // RFC 5545 3.1: no line longer than 75 octets; folds never split a character.
        for (const QByteArray& line : bytes.split('\n')) {
            QVERIFY2(line.size() <= 76, line.constData()); // 75 + the CR
            QVERIFY(QString::fromUtf8(line).toUtf8() == line);
        }
        QVERIFY(bytes.contains("\r\n "));

        const Result<TransferRecords> read = TaskICalendarFormat::read(bytes);
        QVERIFY2(read.ok(), qPrintable(errorOf(read)));
        QCOMPARE(read->tasks.size(), 1);
        QCOMPARE(read->taskPlaces, QStringList{u"the VTODO at line 5"_s});
        const QJsonObject fields = read->tasks.first();
        QCOMPARE(fields.value(u"uuid"_s).toString(), task.uuid);
        QCOMPARE(fields.value(u"title"_s).toString(), task.title);
        QCOMPARE(fields.value(u"description"_s).toString(), *task.description);
        QCOMPARE(fields.value(u"notes"_s).toString(), *task.notes);
        QCOMPARE(fields.value(u"priority"_s).toInt(), 2);
        QCOMPARE(fields.value(u"status"_s).toString(), u"blocked"_s);
        QCOMPARE(fields.value(u"category"_s).toString(), *task.category);
        QCOMPARE(fields.value(u"tags"_s).toArray(), (QJsonArray{u"q1"_s, u"finance"_s}));
        QCOMPARE(fields.value(u"due_date"_s).toString(), u"2026-12-24T10:00:00"_s);
        QCOMPARE(fields.value(u"created_at"_s).toString(), u"2026-11-01T08:30:00"_s);
        QCOMPARE(fields.value(u"dependency_uuids"_s).toArray(),
                 QJsonArray{u"0b7c3c1e-8a48-4f0e-9d5c-5e0b2b8f1a11"_s});
        QCOMPARE(fields.value(u"parent_goal_uuid"_s).toString(), *task.parentGoalUuid);
        QCOMPARE(fields.value(u"estimated_hours"_s).toString(), u"1.5"_s);
        QCOMPARE(fields.value(u"actual_hours"_s).toString(), u"0.25"_s);
    }

    void prioritiesMapBothWays() {
        for (int priority = 1; priority <= 5; ++priority) {
            Task task = sampleTask();
            task.priority = priority;
            const Result<TransferRecords> read =
                TaskICalendarFormat::read(TaskICalendarFormat::write({task}, QDateTime()));
            QVERIFY(read.ok());
            QCOMPARE(read->tasks.first().value(u"priority"_s).toInt(), priority);
        }
    }

    void icsFromAnotherAppIsRead() {
        // Written as other to-do apps do: LF endings, a time zone, a whole-day
        // date, an alarm inside the to-do, an event beside it, a UID that is no uuid.
        const QByteArray bytes = "BEGIN:VCALENDAR\n"
                                 "PRODID:-//Other//App//EN\n"
                                 "VERSION:2.0\n"
                                 "BEGIN:VEVENT\n"
                                 "UID:event-1\n"
                                 "SUMMARY:Not a task\n"
                                 "END:VEVENT\n"
                                 "BEGIN:VTODO\n"
                                 "UID:20261202T120000-42@example.com\n"
                                 "SUMMARY:Buy milk\n"
                                 "DUE;TZID=Europe/Berlin:20261224T100000\n"
                                 "PRIORITY:1\n"
                                 "CATEGORIES:Home,Errands\n"
                                 "BEGIN:VALARM\n"
                                 "ACTION:DISPLAY\n"
                                 "DESCRIPTION:Alarm text\n"
                                 "END:VALARM\n"
                                 "END:VTODO\n"
                                 "BEGIN:VTODO\n"
                                 "SUMMARY:Done th\n"
                                 " ing\n"
                                 "DUE;VALUE=DATE:20261201\n"
                                 "COMPLETED:20261130T090000Z\n"
                                 "END:VTODO\n"
                                 "END:VCALENDAR\n";
        const Result<TransferRecords> read = TaskICalendarFormat::read(bytes);
        QVERIFY2(read.ok(), qPrintable(errorOf(read)));
        QCOMPARE(read->tasks.size(), 2);
        const QJsonObject milk = read->tasks.at(0);
        QVERIFY(!milk.contains(u"uuid"_s));
        QCOMPARE(milk.value(u"title"_s).toString(), u"Buy milk"_s);
        QCOMPARE(milk.value(u"due_date"_s).toString(), u"2026-12-24T09:00:00"_s);
        QCOMPARE(milk.value(u"priority"_s).toInt(), 1);
        QCOMPARE(milk.value(u"category"_s).toString(), u"Home"_s);
        QCOMPARE(milk.value(u"tags"_s).toArray(), QJsonArray{u"Errands"_s});
        QVERIFY(!milk.contains(u"description"_s)); // the alarm's, not the task's
        const QJsonObject done = read->tasks.at(1);
        QCOMPARE(done.value(u"title"_s).toString(), u"Done thing"_s);
        QCOMPARE(done.value(u"due_date"_s).toString(), u"2026-12-01T00:00:00"_s);
        QCOMPARE(done.value(u"status"_s).toString(), u"completed"_s);
        QCOMPARE(done.value(u"completed_at"_s).toString(), u"2026-11-30T09:00:00"_s);
        QCOMPARE(read->taskPlaces,
                 (QStringList{u"the VTODO at line 8"_s, u"the VTODO at line 19"_s}));
    }

    void badIcsIsRefusedAtItsLine_data() {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("error");
        QTest::newRow("not a calendar")
            << QByteArray("BEGIN:VTODO\nEND:VTODO\n") << u"line 1: an iCalendar file starts"_s;
        QTest::newRow("never ended") << QByteArray("BEGIN:VCALENDAR\nBEGIN:VTODO\nSUMMARY:A\n")
                                     << u"line 3: the file ends inside VTODO"_s;
        QTest::newRow("wrong end") << QByteArray("BEGIN:VCALENDAR\nBEGIN:VTODO\nEND:VEVENT\n")
                                   << u"line 3: END:VEVENT where END:VTODO"_s;
        QTest::newRow("bad due") << QByteArray("BEGIN:VCALENDAR\nBEGIN:VTODO\nSUMMARY:A\nDUE:"
                                               "tomorrow\nEND:VTODO\nEND:VCALENDAR\n")
                                 << u"line 4: DUE: \"tomorrow\" is not"_s;
        QTest::newRow("bad priority")
            << QByteArray("BEGIN:VCALENDAR\nBEGIN:VTODO\nPRIORITY:12\nEND:VTODO\nEND:VCALENDAR\n")
            << u"line 3: PRIORITY"_s;
        QTest::newRow("no colon")
            << QByteArray("BEGIN:VCALENDAR\nBEGIN:VTODO\nSUMMARY\nEND:VTODO\nEND:VCALENDAR\n")
            << u"line 3: not an iCalendar content line"_s;
    }

    void badIcsIsRefusedAtItsLine() {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, error);
        const Result<TransferRecords> read = TaskICalendarFormat::read(bytes);
        QVERIFY(!read.ok());
        QVERIFY2(read.error().message.startsWith(error), qPrintable(read.error().message));
    }

    void badJsonNamesItsLineAndColumn() {
        const Result<TransferRecords> read = TaskJsonFormat::read(
            "{\n  \"tasks\": [\n    {\"title\": \"A\"},\n    {\"title\" \"B\"}\n  ]\n}\n");
        QVERIFY(!read.ok());
        QVERIFY2(read.error().message.startsWith(u"line 4, column"_s),
                 qPrintable(read.error().message));
        const Result<TransferRecords> notAnObject =
            TaskJsonFormat::read(R"({"tasks": [{"title": "A"}, 7]})");
        QVERIFY(!notAnObject.ok());
        QCOMPARE(notAnObject.error().message, u"tasks[1]: should be an object"_s);
        QVERIFY(!TaskJsonFormat::read(R"({"task": []})").ok());
    }
};

QTEST_GUILESS_MAIN(TestTransferFormats)
#include "tst_transferformats.moc"
