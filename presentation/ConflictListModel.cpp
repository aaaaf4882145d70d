#include "ConflictListModel.h"

#include "ConflictText.h"
#include "PresentationLog.h"
#include "TaskText.h"
#include "store/StoreClient.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace bizy {

ConflictListModel::ConflictListModel(QObject* parent)
    : QAbstractTableModel(parent) {}

void ConflictListModel::setStore(StoreClient* store) {
    if (m_store)
        disconnect(m_store, nullptr, this, nullptr);
    m_store = store;
    if (m_store)
        connect(m_store, &StoreClient::changed, this, &ConflictListModel::onStoreChanged);
    reload();
}

int ConflictListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ConflictListModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QStringList ConflictListModel::cells(const Row& row) const {
    const ConflictEntry& entry = row.entry;
    QStringList fields;
    QStringList values;
    // A refused or orphaned row carries every field we sent; the empty ones lost nothing.
    const bool onlyFilled = entry.kind != ConflictEntry::Kind::Overwritten;
    for (auto it = entry.fields.constBegin(); it != entry.fields.constEnd(); ++it) {
        if (ConflictText::isBookkeeping(it.key()))
            continue;
        if (onlyFilled && (it.value().isNull() || it.value().isUndefined() ||
                           (it.value().isString() && it.value().toString().isEmpty()) ||
                           (it.value().isArray() && it.value().toArray().isEmpty())))
            continue;
        fields << ConflictText::fieldName(it.key());
        values << (entry.fields.size() > 1 ? ConflictText::fieldName(it.key()) + u": "_s
                                           : QString()) +
                      ConflictText::fieldValue(entry.entity, it.key(), it.value());
    }
    return {ConflictText::kind(entry), ConflictText::item(entry, row.currentTitle),
            fields.join(u", "_s), values.join(u"; "_s), TaskText::dateTime(entry.createdAt)};
}

QVariant ConflictListModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row& row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        return cells(row).value(index.column());
    case IdRole:
        return row.entry.id;
    }
    return {};
}

QVariant ConflictListModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case KindColumn:
        return tr("What happened");
    case ItemColumn:
        return tr("Item");
    case FieldColumn:
        return tr("Field");
    case ValueColumn:
        return tr("Lost value");
    case WhenColumn:
        return tr("When");
    }
    return {};
}

int ConflictListModel::rowOf(qint64 id) const {
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).entry.id == id)
            return row;
    }
    return -1;
}

QString ConflictListModel::summary() const {
    return m_rows.isEmpty()
               ? tr("No conflicts. Everything you changed reached the server as you meant it.")
               : tr("%n change(s) did not survive sync as you made them. Restore brings a lost "
                    "value back; Dismiss keeps things as they are.",
                    nullptr, int(m_rows.size()));
}

void ConflictListModel::reload() {
    const quint64 generation = ++m_generation;
    if (!m_store) {
        beginResetModel();
        m_rows.clear();
        endResetModel();
        emit loaded();
        return;
    }
    m_store
        ->run([](LocalStore& store) -> Result<QList<Row>> {
            const Result<QList<ConflictEntry>> entries = store.conflicts();
            if (!entries)
                return entries.error();
            // The titles the rows have now, read with the entries in one job.
            QList<Row> rows;
            for (const ConflictEntry& entry : *entries) {
                Row row{entry, {}};
                if (entry.entity == EntityKind::Task) {
                    if (const Result<Task> task = store.task(entry.uuid))
                        row.currentTitle = task->title;
                } else if (const Result<Goal> goal = store.goal(entry.uuid)) {
                    row.currentTitle = goal->title;
                }
                rows << row;
            }
            return rows;
        })
        .then(this, [this, generation](const Result<QList<Row>>& rows) {
            if (generation != m_generation)
                return;
            if (!rows) {
                emit errorOccurred(
                    tr("The conflicts could not be read: %1").arg(rows.error().message));
                return;
            }
            beginResetModel();
            m_rows = *rows;
            endResetModel();
            emit loaded();
        });
}

void ConflictListModel::onStoreChanged(const StoreChanges& changes) {
    if (changes.conflictCount)
        reload();
}

void ConflictListModel::restore(qint64 id) {
    if (!m_store)
        return;
    m_store->run([id](LocalStore& store) { return store.restoreConflict(id); })
        .then(this, [this, id](const Status& restored) {
            if (!restored) {
                emit errorOccurred(
                    tr("The entry could not be restored: %1").arg(restored.error().message));
                return;
            }
            qCInfo(lcPresentation) << "conflict restored:" << id;
            emit entryHandled(id);
        });
}

void ConflictListModel::dismiss(qint64 id) {
    if (!m_store)
        return;
    m_store->run([id](LocalStore& store) { return store.dismissConflict(id); })
        .then(this, [this, id](const Status& dismissed) {
            if (!dismissed) {
                emit errorOccurred(
                    tr("The entry could not be dismissed: %1").arg(dismissed.error().message));
                return;
            }
            qCInfo(lcPresentation) << "conflict dismissed:" << id;
            emit entryHandled(id);
        });
}

} // namespace bizy
