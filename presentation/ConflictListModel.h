#pragma once

#include "sync/ConflictEntry.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QPointer>

namespace bizy {

class StoreClient;
struct StoreChanges;

// The conflict journal of a store as a table, newest first: what happened, to
// which task or goal, which fields, the lost values and when. restore() brings
// an entry's lost data back as a new local change (it syncs again); dismiss()
// keeps things as they are. The list follows the store's change events.
class ConflictListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { KindColumn, ItemColumn, FieldColumn, ValueColumn, WhenColumn, ColumnCount };
    enum Role { IdRole = Qt::UserRole + 1 };

    explicit ConflictListModel(QObject* parent = nullptr);

    void setStore(StoreClient* store);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // -1 when no entry has this id.
    int rowOf(qint64 id) const;
    // One sentence about the whole journal.
    QString summary() const;

public slots:
    void reload();
    void restore(qint64 id);
    void dismiss(qint64 id);

signals:
    void loaded();
    // An entry was restored or dismissed here.
    void entryHandled(qint64 id);
    // Words about what could not be done (a failed read, restore or dismiss).
    void errorOccurred(const QString& message);

private:
    struct Row {
        ConflictEntry entry;
        QString currentTitle;
    };
    void onStoreChanged(const StoreChanges& changes);
    QStringList cells(const Row& row) const;

    QPointer<StoreClient> m_store;
    QList<Row> m_rows;
    quint64 m_generation = 0;
};

} // namespace bizy
