#pragma once

#include <QDialog>

class QLabel;
class QPushButton;
class QTableView;

namespace bizy {

class ConflictListModel;
class StoreClient;

// The conflict journal as a list (ConflictListModel): what did not survive
// sync, on which task or goal, which fields, the lost values and when. Restore
// makes the selected entry's lost data a local change again, so it syncs;
// Dismiss keeps things as they are. Works with the keyboard alone.
class ConflictsDialog : public QDialog {
    Q_OBJECT
public:
    explicit ConflictsDialog(StoreClient* store, QWidget* parent = nullptr);

private:
    qint64 selectedId() const;
    void updateButtons();
    void showError(const QString& message);

    ConflictListModel* m_model;
    QTableView* m_table = nullptr;
    QLabel* m_summary = nullptr;
    QLabel* m_error = nullptr;
    QPushButton* m_restore = nullptr;
    QPushButton* m_dismiss = nullptr;
};

} // namespace bizy
