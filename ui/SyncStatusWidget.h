#pragma once

#include <QPointer>
#include <QWidget>

class QLabel;
class QProgressBar;
class QToolButton;

namespace bizy {

class SyncStatusModel;

// The status bar's word on sync, as SyncStatusModel says it: the state
// ("syncState", with the details as its tooltip), a busy bar during a round
// that lasts ("syncBusy"), and a button when the conflict journal holds
// entries ("syncConflicts").
class SyncStatusWidget : public QWidget {
    Q_OBJECT
public:
    explicit SyncStatusWidget(SyncStatusModel* model, QWidget* parent = nullptr);

signals:
    void conflictsRequested();

private:
    void refresh();

    QPointer<SyncStatusModel> m_model;
    QProgressBar* m_busy = nullptr;
    QLabel* m_label = nullptr;
    QToolButton* m_conflicts = nullptr;
};

} // namespace bizy
