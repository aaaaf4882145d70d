#pragma once

#include "model/Goal.h"

#include <QDialog>
#include <QPointer>

class QLabel;
class QPushButton;
class QTableView;

namespace bizy {

class AssistantClient;
class StoreClient;
class TaskSuggestionsModel;
class UndoHistory;

// "Suggest Tasks" for a goal: asks the server's assistant for tasks, lists
// them with a checkbox each ("suggestions"), and creates the checked ones as
// tasks of the goal in the local store ("createSuggested"), undoable as one
// step. A refusal or failure is said in the dialog ("suggestionStatus"), which
// stays open so the user can ask again ("askAgain").
class SuggestTasksDialog : public QDialog {
    Q_OBJECT
public:
    SuggestTasksDialog(const Goal& goal, const AssistantClient& assistant, StoreClient* store,
                       UndoHistory* undo, QWidget* parent = nullptr);

private:
    void ask();
    void updateState();
    void create();

    Goal m_goal;
    const AssistantClient& m_assistant;
    QPointer<StoreClient> m_store;
    QPointer<UndoHistory> m_undo;
    TaskSuggestionsModel* m_model;
    QLabel* m_status = nullptr;
    QTableView* m_view = nullptr;
    QPushButton* m_create = nullptr;
    QPushButton* m_askAgain = nullptr;
    QString m_createError; // the store's refusal of the last "Create"
    bool m_creating = false;
};

} // namespace bizy
