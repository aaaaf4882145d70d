#include "ConflictsDialog.h"

#include "TaskText.h"
#include "UiLog.h"
#include "store/LocalStore.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace bizy {

namespace {

enum Column { KindColumn, ItemColumn, FieldColumn, ValueColumn, WhenColumn, ActionColumn };

constexpr int kIdRole = Qt::UserRole + 1;

// Fields the user never typed: not worth a line in the list.
bool isBookkeeping(const QString& field) {
    static const QStringList names{u"uuid"_s,       u"id"_s,           u"user_id"_s,
                                   u"version"_s,    u"updated_at"_s,   u"created_at"_s,
                                   u"task_count"_s, u"subgoal_count"_s};
    return names.contains(field);
}

} // namespace

ConflictsDialog::ConflictsDialog(LocalStore* store, QWidget* parent)
    : QDialog(parent)
    , m_store(store) {
    setObjectName(u"conflictsDialog"_s);
    setWindowTitle(tr("Sync Conflicts"));

    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    m_error = new QLabel(this);
    m_error->setObjectName(u"conflictError"_s);
    m_error->setWordWrap(true);
    m_error->hide();

    m_table = new QTableWidget(0, 6, this);
    m_table->setObjectName(u"conflictTable"_s);
    m_table->setHorizontalHeaderLabels(
        {tr("What happened"), tr("Item"), tr("Field"), tr("Lost value"), tr("When"), QString()});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    // Rows grow to show a whole server message rather than hide it behind "...".
    m_table->setWordWrap(true);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->setAlternatingRowColors(true);
    m_table->setShowGrid(false);
    m_table->verticalHeader()->hide();
    QHeaderView* header = m_table->horizontalHeader();
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    header->setHighlightSections(false);
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(ValueColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(ActionColumn, QHeaderView::ResizeToContents);
    const int charWidth = fontMetrics().averageCharWidth();
    m_table->setColumnWidth(KindColumn, charWidth * 36);
    m_table->setColumnWidth(ItemColumn, charWidth * 26);
    m_table->setColumnWidth(FieldColumn, charWidth * 16);
    m_table->setColumnWidth(WhenColumn,
                            fontMetrics().horizontalAdvance(TaskText::dateTime(
                                QDateTime(QDate(2030, 12, 28), QTime(22, 58), Qt::UTC))) +
                                charWidth * 3);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    resize(charWidth * 170, fontMetrics().height() * 26);

    if (m_store)
        connect(m_store, &LocalStore::changed, this, [this](const StoreChanges& changes) {
            if (changes.conflictCount)
                reload();
        });
    reload();
}

QString ConflictsDialog::kindText(const ConflictEntry& entry) {
    switch (entry.kind) {
    case ConflictEntry::Kind::Overwritten:
        return tr("Another device's change was replaced by yours");
    case ConflictEntry::Kind::Rejected:
        return entry.message.isEmpty()
                   ? tr("The server refused your change")
                   : tr("The server refused your change: %1").arg(entry.message);
    case ConflictEntry::Kind::DeletedElsewhere:
        return tr("Deleted on another device before your edits were sent");
    }
    return {};
}

QString ConflictsDialog::fieldName(const QString& field) {
    static const QHash<QString, const char*> names{
        {u"title"_s, QT_TR_NOOP("Title")},
        {u"description"_s, QT_TR_NOOP("Description")},
        {u"priority"_s, QT_TR_NOOP("Priority")},
        {u"status"_s, QT_TR_NOOP("Status")},
        {u"category"_s, QT_TR_NOOP("Category")},
        {u"estimated_hours"_s, QT_TR_NOOP("Estimated hours")},
        {u"actual_hours"_s, QT_TR_NOOP("Actual hours")},
        {u"due_date"_s, QT_TR_NOOP("Due")},
        {u"parent_goal_uuid"_s, QT_TR_NOOP("Goal")},
        {u"dependency_uuids"_s, QT_TR_NOOP("Depends on")},
        {u"notes"_s, QT_TR_NOOP("Notes")},
        {u"tags"_s, QT_TR_NOOP("Tags")},
        {u"completed_at"_s, QT_TR_NOOP("Completed")},
        {u"horizon"_s, QT_TR_NOOP("Horizon")},
        {u"target_date"_s, QT_TR_NOOP("Target date")},
        {u"progress_percentage"_s, QT_TR_NOOP("Progress")},
        {u"success_criteria"_s, QT_TR_NOOP("Success criteria")},
        {u"metrics"_s, QT_TR_NOOP("Metrics")},
        {u"deleted"_s, QT_TR_NOOP("Deleted")},
    };
    const auto it = names.constFind(field);
    return it == names.cend() ? field : tr(it.value());
}

QString ConflictsDialog::valueText(const QJsonValue& value) {
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return tr("(empty)");
    case QJsonValue::Bool:
        return value.toBool() ? tr("yes") : tr("no");
    case QJsonValue::Double:
        return QLocale().toString(value.toDouble());
    case QJsonValue::String: {
        const QString text = value.toString();
        const QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
        if (time.isValid() && text.size() >= 19 && text.at(10) == u'T')
            return TaskText::dateTime(time.toUTC());
        return text.isEmpty() ? tr("(empty)") : text;
    }
    case QJsonValue::Array: {
        QStringList items;
        for (const QJsonValue& item : value.toArray())
            items << valueText(item);
        return items.isEmpty() ? tr("(empty)") : items.join(u", "_s);
    }
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    }
    return {};
}

QString ConflictsDialog::fieldValueText(EntityKind entity, const QString& field,
                                        const QJsonValue& value) {
    // Task status and priority read as the table shows them; goals keep their own words.
    if (entity == EntityKind::Task && field == u"status"_s) {
        if (const std::optional<TaskStatus> status = taskStatusFromString(value.toString()))
            return TaskText::status(*status);
    }
    if (entity == EntityKind::Task && field == u"priority"_s && value.isDouble())
        return TaskText::priority(value.toInt());
    return valueText(value);
}

QString ConflictsDialog::itemText(const ConflictEntry& entry) const {
    const bool isTask = entry.entity == EntityKind::Task;
    QString title;
    if (m_store && isTask) {
        if (const Result<Task> task = m_store->task(entry.uuid))
            title = task->title;
    } else if (m_store) {
        if (const Result<Goal> goal = m_store->goal(entry.uuid))
            title = goal->title;
    }
    if (title.isEmpty())
        title = entry.fields.value(u"title"_s).toString();
    if (title.isEmpty())
        title = entry.snapshot.value(u"title"_s).toString();
    if (title.isEmpty())
        return isTask ? tr("A task") : tr("A goal");
    return isTask ? tr("Task \u201c%1\u201d").arg(title) : tr("Goal \u201c%1\u201d").arg(title);
}

void ConflictsDialog::reload() {
    const Result<QList<ConflictEntry>> read =
        m_store ? m_store->conflicts() : Result<QList<ConflictEntry>>(QList<ConflictEntry>());
    if (!read) {
        m_error->setText(tr("The conflicts could not be read: %1").arg(read.error().message));
        m_error->show();
    }
    const QList<ConflictEntry> entries = read.value_or(QList<ConflictEntry>());
    m_table->setRowCount(0);
    m_table->setRowCount(int(entries.size()));
    for (int row = 0; row < entries.size(); ++row) {
        const ConflictEntry& entry = entries.at(row);
        QStringList fields;
        QStringList values;
        // A refused or orphaned row carries every field we sent; the empty ones lost nothing.
        const bool onlyFilled = entry.kind != ConflictEntry::Kind::Overwritten;
        for (auto it = entry.fields.constBegin(); it != entry.fields.constEnd(); ++it) {
            if (isBookkeeping(it.key()))
                continue;
            if (onlyFilled && (it.value().isNull() || it.value().isUndefined() ||
                               (it.value().isString() && it.value().toString().isEmpty()) ||
                               (it.value().isArray() && it.value().toArray().isEmpty())))
                continue;
            fields << fieldName(it.key());
            values << (entry.fields.size() > 1 ? fieldName(it.key()) + u": "_s : QString()) +
                          fieldValueText(entry.entity, it.key(), it.value());
        }
        const QStringList cells{kindText(entry), itemText(entry), fields.join(u", "_s),
                                values.join(u"; "_s), TaskText::dateTime(entry.createdAt)};
        for (int column = 0; column < cells.size(); ++column) {
            auto* item = new QTableWidgetItem(cells.at(column));
            item->setToolTip(cells.at(column));
            item->setData(kIdRole, entry.id);
            m_table->setItem(row, column, item);
        }

        auto* actions = new QWidget(m_table);
        auto* actionsLayout = new QHBoxLayout(actions);
        actionsLayout->setContentsMargins(4, 0, 4, 0);
        auto* restore = new QPushButton(tr("Restore"), actions);
        restore->setObjectName(u"restore-%1"_s.arg(entry.id));
        restore->setToolTip(tr("Bring the lost value back as a new change; it syncs again."));
        auto* dismiss = new QPushButton(tr("Dismiss"), actions);
        dismiss->setObjectName(u"dismiss-%1"_s.arg(entry.id));
        dismiss->setToolTip(tr("Keep things as they are and remove this entry."));
        actionsLayout->addWidget(restore);
        actionsLayout->addWidget(dismiss);
        const qint64 id = entry.id;
        connect(restore, &QPushButton::clicked, this, [this, id] { restoreEntry(id); });
        connect(dismiss, &QPushButton::clicked, this, [this, id] { dismissEntry(id); });
        m_table->setCellWidget(row, ActionColumn, actions);
    }
    m_table->resizeRowsToContents();
    m_summary->setText(
        entries.isEmpty()
            ? tr("No conflicts. Everything you changed reached the server as you meant it.")
            : tr("%n change(s) did not survive sync as you made them. Restore brings a lost value "
                 "back; Dismiss keeps things as they are.",
                 nullptr, int(entries.size())));
}

int ConflictsDialog::rowOf(qint64 id) const {
    for (int row = 0; row < m_table->rowCount(); ++row) {
        if (m_table->item(row, KindColumn)->data(kIdRole).toLongLong() == id)
            return row;
    }
    return -1;
}

QString ConflictsDialog::errorText() const {
    return m_error->isHidden() ? QString() : m_error->text();
}

void ConflictsDialog::restoreEntry(qint64 id) {
    if (!m_store)
        return;
    const Status status = m_store->restoreConflict(id);
    if (!status) {
        m_error->setText(tr("The entry could not be restored: %1").arg(status.error().message));
        m_error->show();
        return;
    }
    qCInfo(lcUi) << "conflict restored:" << id;
    m_error->hide();
    reload();
    emit journalChanged();
}

void ConflictsDialog::dismissEntry(qint64 id) {
    if (!m_store)
        return;
    const Status status = m_store->dismissConflict(id);
    if (!status) {
        m_error->setText(tr("The entry could not be dismissed: %1").arg(status.error().message));
        m_error->show();
        return;
    }
    qCInfo(lcUi) << "conflict dismissed:" << id;
    m_error->hide();
    reload();
    emit journalChanged();
}

} // namespace bizy
