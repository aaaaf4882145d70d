#pragma once

#include "sync/ConflictEntry.h"

#include <QDialog>
#include <QPointer>

class QLabel;
class QTableWidget;

namespace bizy {

class LocalStore;

// The conflict journal as a list: what did not survive sync (a value another
// device lost to ours, a change the server refused, edits of a row deleted
// elsewhere), on which task or goal, which fields, the lost values and when,
// with Restore (make it a local change again, so it syncs) and Dismiss per entry.
class ConflictsDialog : public QDialog {
    Q_OBJECT
public:
    explicit ConflictsDialog(LocalStore* store, QWidget* parent = nullptr);

    QTableWidget* table() const { return m_table; }
    // The row of the entry with this id, or -1.
    int rowOf(qint64 id) const;
    QString errorText() const;

    // Words for one entry (also used by the tests and the status bar).
    static QString kindText(const ConflictEntry& entry);
    static QString fieldName(const QString& field);
    static QString valueText(const QJsonValue& value);
    static QString fieldValueText(EntityKind entity, const QString& field, const QJsonValue& value);

public slots:
    void reload();
    void restoreEntry(qint64 id);
    void dismissEntry(qint64 id);

signals:
    // The journal changed here (an entry restored or dismissed).
    void journalChanged();

private:
    QString itemText(const ConflictEntry& entry) const;

    QPointer<LocalStore> m_store;
    QTableWidget* m_table = nullptr;
    QLabel* m_summary = nullptr;
    QLabel* m_error = nullptr;
};

} // namespace bizy
