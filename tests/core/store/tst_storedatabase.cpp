#include "SqliteIntegrity.h"
#include "model/IsoDateTime.h"
#include "store/LocalStore.h"
#include "store/StoreDatabase.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace bizy;

// Files from every older schema upgrade with their rows intact; files from a
// newer Bizy are refused and left byte for byte as they were.
class TestStoreDatabase : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    const QString m_goalUuid = u"0a0a0a0a-0000-4000-8000-000000000001"_s;
    const QString m_taskUuid = u"0b0b0b0b-0000-4000-8000-000000000002"_s;
    const QString m_syncedUuid = u"0c0c0c0c-0000-4000-8000-000000000003"_s;

    // Runs statements on the file through a plain connection, as an older Bizy would have.
    static bool runRaw(const QString& path, const QStringList& statements) {
        const QString name = u"raw-"_s + path;
        bool ok = true;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
            db.setDatabaseName(path);
            ok = db.open();
            QSqlQuery query(db);
            for (const QString& statement : statements) {
                if (ok && !query.exec(statement)) {
                    qWarning() << statement << query.lastError().text();
                    ok = false;
                }
            }
        }
        QSqlDatabase::removeDatabase(name);
        return ok;
    }

    static QByteArray fileHash(const QString& path) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return {};
        return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
    }

    // The rows an older Bizy wrote: a goal, a task under it (tags, dependencies,
    // due date), and a task the server already had (version 5).
    QStringList oldRows(int version) const {
        QStringList rows{
            uR"(INSERT INTO goals (uuid, version, title, horizon, status, progress_percentage,
                created_at, updated_at) VALUES ('%1', 0, 'Old goal', 'quarterly', 'active', 40,
                '2029-01-01T00:00:00', '2029-01-02T00:00:00'))"_s.arg(m_goalUuid),
            uR"(INSERT INTO tasks (uuid, version, title, description, priority, status, category,
                due_date, parent_goal_uuid, tags, dependency_uuids, notes, created_at, updated_at)
                VALUES ('%1', 0, 'Old task', 'written by schema %2', 2, 'in_progress', 'work',
                '2029-03-01T09:30:00', '%3', '["old","tag"]', '["%4"]', 'legacy notes',
                '2029-01-03T00:00:00', '2029-01-04T00:00:00'))"_s.arg(m_taskUuid)
                .arg(version)
                .arg(m_goalUuid, m_syncedUuid),
            uR"(INSERT INTO tasks (uuid, server_id, version, title, priority, status, created_at,
                updated_at) VALUES ('%1', 41, 5, 'Synced task', 3, 'pending',
                '2029-01-05T00:00:00', '2029-01-05T00:00:00'))"_s.arg(m_syncedUuid),
        };
        if (version >= 2)
            rows << u"INSERT INTO task_tags (tag, task_id) SELECT j.value, t.row_id FROM tasks t, "
                    u"json_each(t.tags) j WHERE t.tags IS NOT NULL"_s;
        return rows;
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void everyOlderVersionUpgradesWithItsRows_data() {
        QTest::addColumn<int>("version");
        for (int version = 1; version < LocalStore::latestSchemaVersion(); ++version)
            QTest::newRow(qPrintable(u"schema %1"_s.arg(version))) << version;
    }

    void everyOlderVersionUpgradesWithItsRows() {
        // given a file at an older schema holding rows
        QFETCH(int, version);
        const QString path = m_dir.filePath(u"v%1.sqlite"_s.arg(version));
        QVERIFY(LocalStore::createAtVersion(path, version).ok());
        QVERIFY(runRaw(path, oldRows(version)));

        // when the current Bizy opens it
        auto opened = LocalStore::open(path);
        QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().message));
        auto store = std::move(opened).value();

        // then it is at the newest schema with every row and field intact
        QCOMPARE(store->schemaVersion().value(), LocalStore::latestSchemaVersion());
        const Result<Task> task = store->task(m_taskUuid);
        QVERIFY(task.ok());
        QCOMPARE(task->title, u"Old task"_s);
        QCOMPARE(task->description, std::optional<QString>(u"written by schema %1"_s.arg(version)));
        QCOMPARE(task->priority, 2);
        QCOMPARE(toString(task->status), u"in_progress"_s);
        QCOMPARE(task->tags, std::optional<QStringList>({u"old"_s, u"tag"_s}));
        QCOMPARE(task->dependencyUuids, std::optional<QStringList>(QStringList{m_syncedUuid}));
        QCOMPARE(task->parentGoalUuid, std::optional<QString>(m_goalUuid));
        QCOMPARE(IsoDateTime::format(*task->dueDate), u"2029-03-01T09:30:00"_s);
        QCOMPARE(store->task(m_syncedUuid)->id, std::optional<qint64>(41));
        QCOMPARE(store->task(m_syncedUuid)->version, 5);
        QCOMPARE(store->goal(m_goalUuid)->progressPercentage, 40.0);
        QCOMPARE(toString(store->goal(m_goalUuid)->horizon), u"quarterly"_s);

        // and the newer features work on the old rows
        TaskFilter byTag;
        byTag.tag = u"old"_s;
        QCOMPARE(store->taskCount(byTag).value(), 1);
        TaskFilter bySearch;
        bySearch.search = u"legacy"_s;
        QCOMPARE(store->taskCount(bySearch).value(), 1);
        TaskFilter byGoal;
        byGoal.goalUuid = m_goalUuid;
        QCOMPARE(store->taskCount(byGoal).value(), 1);

        // and rows never sent are queued as creates, the synced one is not
        // (from schema 3 on, the outbox exists: raw rows written into such a
        // file bypassed it, so nothing is queued for them)
        QStringList queued;
        for (const OutboxMutation& m : store->pendingMutations().value())
            queued << m.uuid;
        if (version < 3) {
            QCOMPARE(queued, (QStringList{m_goalUuid, m_taskUuid}));
            const QJsonObject create = store->pendingMutations().value().at(1).fields;
            QCOMPARE(create.value(u"title"_s).toString(), u"Old task"_s);
            QCOMPARE(create.value(u"tags"_s).toArray(), (QJsonArray{u"old"_s, u"tag"_s}));
        } else {
            QVERIFY(queued.isEmpty());
        }
        QVERIFY(!store->deviceId().isEmpty());

        // and the sync state of schema 4 starts from nothing
        QCOMPARE(store->pullCursor().value(), 0);
        QVERIFY(!store->reloadInProgress().value());
        QVERIFY(!store->lastSyncedAt().value().has_value());
        QCOMPARE(store->conflictCount().value(), 0);

        // and the file is sound
        QCOMPARE(sqliteIntegrityCheck(path), u"ok"_s);
        QVERIFY(store->updateTask(m_taskUuid, {{u"title"_s, u"Edited"_s}}).ok());
    }

    void freshFileIsAtTheNewestVersion() {
        // given no file, when it is opened, then it is created at the newest schema,
        // in a folder that did not exist yet
        const QString path = m_dir.filePath(u"new/folder/fresh.sqlite"_s);
        auto store = LocalStore::open(path).value();
        QCOMPARE(store->schemaVersion().value(), LocalStore::latestSchemaVersion());
        QVERIFY(QFile::exists(path));
    }

    void aNewerFileIsRefusedAndLeftUntouched() {
        // given a file a newer Bizy wrote (the next schema), in rollback-journal mode
        const QString path = m_dir.filePath(u"newer.sqlite"_s);
        const int newer = LocalStore::latestSchemaVersion() + 1;
        QVERIFY(LocalStore::createAtVersion(path, LocalStore::latestSchemaVersion()).ok());
        QVERIFY(runRaw(path,
                       {u"PRAGMA journal_mode = DELETE"_s, u"PRAGMA user_version = %1"_s.arg(newer),
                        u"CREATE TABLE from_the_future (x)"_s}));
        QVERIFY(!QFile::exists(path + u"-wal"_s));
        const QByteArray before = fileHash(path);
        const QDateTime modified = QFileInfo(path).lastModified();

        // when this Bizy opens it
        const auto opened = LocalStore::open(path);

        // then it is refused with a message the user can act on
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().code, Error::Code::Incompatible);
        QVERIFY2(opened.error().message.contains(
                     u"written by a newer version of Bizy (schema %1; this version reads up to "
                     u"%2). Update Bizy to open it."_s.arg(newer)
                         .arg(LocalStore::latestSchemaVersion())),
                 qPrintable(opened.error().message));

        // and the file is byte for byte the same, with no WAL switched on
        QCOMPARE(fileHash(path), before);
        QCOMPARE(QFileInfo(path).lastModified(), modified);
        QVERIFY(!QFile::exists(path + u"-wal"_s));
    }

    void aFileThatIsNotADatabaseIsRefused() {
        // given a text file where the store should be
        const QString path = m_dir.filePath(u"text.sqlite"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(4096, 'x'));
        file.close();
        const QByteArray before = fileHash(path);

        // when it is opened, then it is a storage error and the file is unchanged
        const auto opened = LocalStore::open(path);
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().code, Error::Code::Storage);
        QCOMPARE(fileHash(path), before);
    }

    void directStatementsBindEveryKindAndSayWhyTheyFail() {
        // given an open store database
        auto db = StoreDatabase::open(m_dir.filePath(u"direct.sqlite"_s)).value();
        QVERIFY(db->exec(u"CREATE TABLE kinds (k TEXT PRIMARY KEY, v)"_s, {}, u"set up"_s).ok());
        SqliteStatement& insert = db->direct(u"INSERT INTO kinds (k, v) VALUES (?, ?)"_s);
        QVERIFY(insert.isValid());

        // when values of every kind are bound and run, inside a transaction
        const QList<std::pair<QString, QVariant>> values{
            {u"null"_s, QVariant()},
            {u"integer"_s, QVariant(qint64(1) << 40)},
            {u"real"_s, QVariant(2.5)},
            {u"text"_s, QVariant(u"Grüße, 東京 ✓"_s)},
            {u"empty"_s, QVariant(QString(u""_s))},
        };
        const Status written = db->write([&]() -> Status {
            for (const auto& [key, value] : values) {
                insert.bind(1, key);
                insert.bind(2, value);
                if (!insert.run())
                    return db->storageError(insert, u"write the kinds"_s);
            }
            return Done{};
        });
        QVERIFY(written.ok());

        // then each reads back as it was bound, with SQLite's type for it
        for (const auto& [key, value] : values) {
            const Result<QStringList> read = db->strings(
                u"SELECT typeof(v) || ':' || coalesce(v, '') FROM kinds WHERE k = ?"_s, {key},
                u"read"_s);
            QVERIFY(read.ok());
            const QString expectedType = value.isNull()                           ? u"null"_s
                                         : value.typeId() == QMetaType::LongLong ? u"integer"_s
                                         : value.typeId() == QMetaType::Double   ? u"real"_s
                                                                                 : u"text"_s;
            QCOMPARE(read->value(0), expectedType + u":"_s + value.toString());
        }

        // when a row breaks a constraint
        insert.bind(1, u"text"_s);
        insert.bind(2, 1);
        QVERIFY(!insert.run());

        // then the statement says why, and the store's error says what could not be done
        QVERIFY2(insert.errorMessage().contains(u"UNIQUE constraint failed"_s),
                 qPrintable(insert.errorMessage()));
        const Error error = db->storageError(insert, u"write the kinds"_s);
        QCOMPARE(error.code, Error::Code::Storage);
        QVERIFY2(error.message.contains(u"could not write the kinds (UNIQUE constraint failed"_s),
                 qPrintable(error.message));

        // and a statement that cannot be prepared says why instead of running
        SqliteStatement& broken = db->direct(u"INSERT INTO no_such_table VALUES (?)"_s);
        QVERIFY(!broken.isValid());
        QVERIFY(!broken.run());
        QVERIFY2(broken.errorMessage().contains(u"no such table"_s),
                 qPrintable(broken.errorMessage()));
    }

    void createAtVersionRefusesUnknownVersions() {
        QVERIFY(!LocalStore::createAtVersion(m_dir.filePath(u"x.sqlite"_s), 0).ok());
        QVERIFY(!LocalStore::createAtVersion(m_dir.filePath(u"x.sqlite"_s),
                                             LocalStore::latestSchemaVersion() + 1)
                     .ok());
    }
};

QTEST_GUILESS_MAIN(TestStoreDatabase)
#include "tst_storedatabase.moc"
