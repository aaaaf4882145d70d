#include "rest/TaskJsonWriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;
namespace TaskJsonWriter = bizy::server::TaskJsonWriter;

// The task list writes JSON text by hand for speed; a client must read exactly
// what Task::toRestJson() would have said.
class TestTaskJsonWriter : public QObject {
    Q_OBJECT

    static bizy::Task fullTask() {
        bizy::Task task;
        task.uuid = u"0b5c8f1e-3d2a-4c1b-9e8f-7a6b5c4d3e2f"_s;
        task.id = 42;
        task.userId = 7;
        task.title =
            u"Quote \" backslash \\ tab \t newline \n bell \a nul-free ünïcödé 🚀 </script>"_s;
        task.description = u"line1\r\nline2\u2028"_s;
        task.priority = 1;
        task.status = bizy::TaskStatus::InProgress;
        task.category = u"work"_s;
        task.estimatedHours = 2.5;
        task.actualHours = 0.1 + 0.2; // needs every digit to read back the same
        task.dueDate = QDateTime(QDate(2030, 1, 2), QTime(3, 4, 5, 6), QTimeZone::utc());
        task.parentGoalId = 9;
        task.dependencies = QList<qint64>{1, 2, 9007199254740991LL};
        task.notes = QString();
        task.tags = QStringList{u"a"_s, u"\"b\""_s, QString()};
        task.createdAt = QDateTime(QDate(1999, 12, 31), QTime(23, 59, 59), QTimeZone::utc());
        task.updatedAt = QDateTime(QDate(2026, 11, 22), QTime(5, 0, 0, 999), QTimeZone::utc());
        task.completedAt = QDateTime(QDate(2026, 11, 22), QTime(5, 0, 1, 0), QTimeZone::utc());
        task.version = 123456789012LL;
        return task;
    }

    static QJsonDocument parse(const QByteArray& json) {
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(json, &error);
        if (error.error != QJsonParseError::NoError)
            qWarning() << "not JSON:" << error.errorString() << json;
        return document;
    }

private slots:
    void everyFieldSet_readsBackAsToRestJson() {
        // given a task with every field set, awkward characters included
        const bizy::Task task = fullTask();
        // when it is written by hand, then a JSON reader sees toRestJson()
        QCOMPARE(parse(TaskJsonWriter::object(task)).object(), task.toRestJson());
    }

    void nothingSet_readsBackWithNulls() {
        bizy::Task task;
        task.uuid = u"0b5c8f1e-3d2a-4c1b-9e8f-7a6b5c4d3e2f"_s;
        task.title = u"t"_s;
        task.createdAt = QDateTime(QDate(2030, 1, 1), QTime(0, 0), QTimeZone::utc());
        task.updatedAt = task.createdAt;
        const QJsonObject written = parse(TaskJsonWriter::object(task)).object();
        QCOMPARE(written, task.toRestJson());
        QVERIFY(written.value(u"tags"_s).isNull());
        QVERIFY(written.value(u"dependencies"_s).isNull());
        QCOMPARE(written.value(u"created_at"_s).toString(), u"2030-01-01T00:00:00"_s);
    }

    void timesInOtherZones_areWrittenInUtc() {
        bizy::Task task = fullTask();
        task.dueDate = QDateTime(QDate(2030, 6, 1), QTime(2, 0, 0, 500), QTimeZone(3600 * 5));
        QCOMPARE(parse(TaskJsonWriter::object(task)).object().value(u"due_date"_s).toString(),
                 u"2030-05-31T21:00:00.500"_s);
    }

    void array_holdsEveryTaskInOrder() {
        bizy::Task second = fullTask();
        second.id = 43;
        second.tags = QStringList{};
        const QList<bizy::Task> tasks{fullTask(), second};
        const QJsonArray written = parse(TaskJsonWriter::array(tasks)).array();
        QCOMPARE(written.size(), 2);
        QCOMPARE(written[0].toObject(), tasks[0].toRestJson());
        QCOMPARE(written[1].toObject(), tasks[1].toRestJson());
        QCOMPARE(TaskJsonWriter::array({}), "[]"_ba);
    }
};

QTEST_GUILESS_MAIN(TestTaskJsonWriter)
#include "tst_taskjsonwriter.moc"
