#include "Sidebar.h"

#include "ActionIcons.h"
#include "CountDelegate.h"
#include "GoalDialog.h"
#include "GoalText.h"
#include "GoalTreeModel.h"
#include "ProgressDelegate.h"
#include "UiLog.h"
#include "UndoHistory.h"
#include "store/StoreClient.h"

#include <QAction>
#include <QHeaderView>
#include <QLabel>
#include <QListView>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>
#include <functional>

using namespace Qt::StringLiterals;

namespace bizy {

Sidebar::Sidebar(TaskViewsModel* views, GoalTreeModel* goals, QWidget* parent)
    : QWidget(parent)
    , m_views(views)
    , m_goals(goals) {
    setObjectName(u"sidebar"_s);
    createActions();
    createLayout();
    connect(m_views, &TaskViewsModel::dayChanged, this, [this] {
        if (!currentGoal())
            emit scopeChanged();
    });
    connect(m_goals, &GoalTreeModel::errorOccurred, this, [this](const QString& message) {
        emit errorOccurred(tr("The goals could not be changed."), message);
    });
    connect(m_goals, &QAbstractItemModel::dataChanged, this, &Sidebar::updateGoalActions);
    connect(m_goals, &QAbstractItemModel::rowsInserted, this, [this] {
        if (!m_selectWhenShown.isEmpty() && m_goals->indexOf(m_selectWhenShown).isValid())
            selectGoal(std::exchange(m_selectWhenShown, QString()));
    });
    // A goal in scope that goes away (deleted here or elsewhere) leaves for "All".
    connect(m_goals, &QAbstractItemModel::rowsRemoved, this, [this] {
        if (!m_goalTree->currentIndex().isValid() && !m_viewList->currentIndex().isValid())
            selectView(TaskViewsModel::All);
    });
    connect(m_goals, &QAbstractItemModel::modelReset, this, [this] {
        if (!m_viewList->currentIndex().isValid())
            selectView(TaskViewsModel::All);
    });
    selectView(TaskViewsModel::All);
    updateGoalActions();
}

void Sidebar::createActions() {
    const auto make = [this](const QString& name, const QIcon& icon, const QString& text,
                             const QString& tip, void (Sidebar::*slot)()) {
        auto* action = new QAction(icon, text, this);
        action->setObjectName(name);
        action->setToolTip(tip);
        connect(action, &QAction::triggered, this, slot);
        return action;
    };
    m_newGoalAction = make(u"newGoal"_s, ActionIcons::icon(u"folder-new"_s), tr("New &Goal..."),
                           tr("Add a top-level goal (Ctrl+Shift+G)"), &Sidebar::newGoal);
    m_newGoalAction->setShortcut(Qt::CTRL | Qt::SHIFT | Qt::Key_G);
    m_newSubGoalAction =
        make(u"newSubGoal"_s, ActionIcons::icon(u"list-add"_s), tr("New &Sub-goal..."),
             tr("Add a goal under the selected one"), &Sidebar::newSubGoal);
    m_editGoalAction =
        make(u"editGoal"_s, ActionIcons::icon(u"document-edit"_s), tr("&Edit Goal..."),
             tr("Edit the selected goal"), &Sidebar::editCurrentGoal);
    m_completeGoalAction =
        make(u"completeGoal"_s, ActionIcons::icon(u"checkbox"_s), tr("&Complete Goal"),
             tr("Mark the selected goal as achieved"), &Sidebar::toggleCurrentGoalCompleted);
    m_holdGoalAction =
        make(u"holdGoal"_s, ActionIcons::icon(u"media-playback-pause"_s), tr("Put on &Hold"),
             tr("Pause the selected goal"), &Sidebar::toggleCurrentGoalOnHold);
    m_deleteGoalAction =
        make(u"deleteGoal"_s, ActionIcons::icon(u"edit-delete"_s), tr("&Delete Goal..."),
             tr("Delete the selected goal (Del in the tree)"), &Sidebar::deleteCurrentGoal);
    // Del deletes a goal only while the tree has focus; the task list has its own.
    m_deleteGoalAction->setShortcut(QKeySequence::Delete);
    m_deleteGoalAction->setShortcutContext(Qt::WidgetShortcut);
}

void Sidebar::createLayout() {
    m_viewList = new QListView(this);
    m_viewList->setObjectName(u"taskViews"_s);
    m_viewList->setAccessibleName(tr("Task views"));
    m_viewList->setModel(m_views);
    m_viewList->setItemDelegate(new CountDelegate(TaskViewsModel::CountRole, m_viewList));
    m_viewList->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_viewList->setFrameShape(QFrame::NoFrame);
    m_viewList->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    // Exactly as tall as its five rows.
    m_viewList->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    m_viewList->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    connect(m_viewList->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &Sidebar::onViewSelected);

    auto* goalsLabel = new QLabel(tr("Goals"), this);
    QFont bold = goalsLabel->font();
    bold.setBold(true);
    goalsLabel->setFont(bold);
    auto* addGoalButton = new QToolButton(this);
    addGoalButton->setObjectName(u"addGoalButton"_s);
    addGoalButton->setDefaultAction(m_newGoalAction);
    addGoalButton->setAutoRaise(true);
    addGoalButton->setAccessibleName(tr("New goal"));

    m_goalTree = new QTreeView(this);
    m_goalTree->setObjectName(u"goalTree"_s);
    m_goalTree->setAccessibleName(tr("Goals"));
    m_goalTree->setModel(m_goals);
    m_goalTree->setHeaderHidden(true);
    m_goalTree->setFrameShape(QFrame::NoFrame);
    m_goalTree->setUniformRowHeights(true);
    m_goalTree->setEditTriggers(QAbstractItemView::EditKeyPressed);
    m_goalTree->setDragDropMode(QAbstractItemView::DragDrop);
    m_goalTree->setDefaultDropAction(Qt::MoveAction);
    m_goalTree->setDropIndicatorShown(true);
    m_goalTree->setItemDelegateForColumn(
        GoalTreeModel::ProgressColumn,
        new ProgressDelegate(GoalTreeModel::ProgressRole, m_goalTree));
    for (int column :
         {GoalTreeModel::HorizonColumn, GoalTreeModel::StatusColumn, GoalTreeModel::TargetColumn})
        m_goalTree->setColumnHidden(column, true);
    QHeaderView* header = m_goalTree->header();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(GoalTreeModel::TitleColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(GoalTreeModel::ProgressColumn, QHeaderView::Fixed);
    header->resizeSection(GoalTreeModel::ProgressColumn,
                          m_goalTree->fontMetrics().horizontalAdvance(u"100 %"_s) + 36);
    m_goalTree->addAction(m_deleteGoalAction);
    connect(m_goalTree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &Sidebar::onGoalSelected);
    connect(m_goalTree, &QAbstractItemView::doubleClicked, this, &Sidebar::editCurrentGoal);
    // New goals show where they land.
    connect(m_goals, &QAbstractItemModel::rowsInserted, m_goalTree,
            [this](const QModelIndex& parent) { m_goalTree->expand(parent); });

    auto* goalsHeader = new QHBoxLayout;
    goalsHeader->setContentsMargins(6, 8, 2, 0);
    goalsHeader->addWidget(goalsLabel, 1);
    goalsHeader->addWidget(addGoalButton);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_viewList);
    layout->addLayout(goalsHeader);
    layout->addWidget(m_goalTree, 1);
    setTabOrder(m_viewList, m_goalTree);
    for (QAbstractItemView* view : {static_cast<QAbstractItemView*>(m_viewList),
                                    static_cast<QAbstractItemView*>(m_goalTree)}) {
        connect(view, &QAbstractItemView::clicked, this, &Sidebar::scopePicked);
        connect(view, &QAbstractItemView::activated, this, &Sidebar::scopePicked);
    }
}

void Sidebar::setUndoHistory(UndoHistory* history) {
    m_undo = history;
    m_goals->setUndoHistory(history);
}

void Sidebar::setStore(StoreClient* store) {
    m_store = store;
    if (m_dialog)
        m_dialog->reject(); // its goal lives in the store that went
    m_views->setStore(store);
    m_goals->setStore(store);
    selectView(TaskViewsModel::All);
    updateGoalActions();
}

QList<QAction*> Sidebar::goalActions() const {
    return {m_newGoalAction,      m_newSubGoalAction, m_editGoalAction,
            m_completeGoalAction, m_holdGoalAction,   m_deleteGoalAction};
}

TaskFilter Sidebar::scopeFilter() const {
    if (const std::optional<Goal> goal = currentGoal()) {
        TaskFilter filter;
        filter.goalUuid = goal->uuid;
        return filter;
    }
    const QModelIndex view = m_viewList->currentIndex();
    return TaskViewsModel::filterFor(
        TaskViewsModel::View(view.isValid() ? view.row() : TaskViewsModel::All),
        QDateTime::currentDateTime());
}

QString Sidebar::scopeTitle() const {
    if (const std::optional<Goal> goal = currentGoal())
        return goal->title;
    const QModelIndex view = m_viewList->currentIndex();
    return view.isValid() ? view.data().toString() : QString();
}

std::optional<Goal> Sidebar::currentGoal() const {
    return m_goals->goalAt(m_goalTree->currentIndex());
}

void Sidebar::selectView(TaskViewsModel::View view) {
    m_viewList->setCurrentIndex(m_views->index(view));
}

void Sidebar::selectGoal(const QString& uuid) {
    const QModelIndex index = m_goals->indexOf(uuid);
    if (!index.isValid())
        return;
    m_goalTree->setCurrentIndex(index);
    m_goalTree->scrollTo(index);
}

void Sidebar::onViewSelected() {
    if (!m_viewList->currentIndex().isValid())
        return;
    // One scope at a time: a view unselects the goal.
    const QSignalBlocker blocker(m_goalTree->selectionModel());
    m_goalTree->selectionModel()->clear();
    m_goalTree->viewport()->update();
    updateGoalActions();
    emit scopeChanged();
}

void Sidebar::onGoalSelected() {
    if (!m_goalTree->currentIndex().isValid())
        return;
    const QSignalBlocker blocker(m_viewList->selectionModel());
    m_viewList->selectionModel()->clear();
    m_viewList->viewport()->update();
    updateGoalActions();
    emit scopeChanged();
}

void Sidebar::updateGoalActions() {
    const std::optional<Goal> goal = currentGoal();
    m_newGoalAction->setEnabled(m_store != nullptr);
    m_newSubGoalAction->setEnabled(goal.has_value());
    m_editGoalAction->setEnabled(goal.has_value());
    m_completeGoalAction->setEnabled(goal.has_value());
    m_holdGoalAction->setEnabled(goal && goal->status != GoalStatus::Completed);
    m_deleteGoalAction->setEnabled(goal.has_value());
    const bool completed = goal && goal->status == GoalStatus::Completed;
    m_completeGoalAction->setText(completed ? tr("Re&open Goal") : tr("&Complete Goal"));
    const bool onHold = goal && goal->status == GoalStatus::OnHold;
    m_holdGoalAction->setText(onHold ? tr("&Resume Goal") : tr("Put on &Hold"));
}

void Sidebar::openGoalDialog(GoalDialog* dialog, const std::optional<Goal>& original) {
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_dialog = dialog;
    connect(dialog, &QDialog::accepted, this, [this, dialog, original] {
        if (const std::optional<Goal> saved = dialog->savedGoal()) {
            // A new goal is undone by deleting it, which asks first: not recorded.
            if (m_undo && original)
                m_undo->recordGoals(tr("Edit Goal"), {*original}, {*saved});
            if (m_goals->indexOf(saved->uuid).isValid())
                selectGoal(saved->uuid);
            else
                m_selectWhenShown = saved->uuid;
        }
    });
    dialog->open();
}

void Sidebar::newGoal() {
    if (m_store && !m_dialog)
        openGoalDialog(new GoalDialog(m_store, m_goals, std::nullopt, {}, this), std::nullopt);
}

void Sidebar::newSubGoal() {
    const std::optional<Goal> parent = currentGoal();
    if (m_store && parent && !m_dialog)
        openGoalDialog(new GoalDialog(m_store, m_goals, std::nullopt, parent->uuid, this),
                       std::nullopt);
}

void Sidebar::editCurrentGoal() {
    const std::optional<Goal> current = currentGoal();
    if (!m_store || !current || m_dialog)
        return;
    // Read afresh: the tree's copy may be older than the store (e.g. after a sync).
    m_store->run([uuid = current->uuid](LocalStore& store) { return store.goal(uuid); })
        .then(this, [this](const Result<Goal>& goal) {
            if (!goal) {
                emit errorOccurred(tr("The goal could not be opened."), goal.error().message);
                return;
            }
            if (!m_dialog)
                openGoalDialog(new GoalDialog(m_store, m_goals, *goal, {}, this), *goal);
        });
}

void Sidebar::setGoalStatus(const Goal& goal, GoalStatus status) {
    if (!m_store)
        return;
    GoalPatch patch;
    patch.status = status;
    m_store
        ->run(
            [uuid = goal.uuid, patch](LocalStore& store) { return store.updateGoal(uuid, patch); })
        .then(this, [this, goal](const Result<Goal>& changed) {
            if (!changed) {
                emit errorOccurred(tr("The goal could not be changed."), changed.error().message);
                return;
            }
            if (m_undo)
                m_undo->recordGoals(tr("Change Goal Status"), {goal}, {*changed});
            qCInfo(lcUi).noquote() << "goal status:" << changed->uuid << toString(changed->status);
            updateGoalActions();
        });
}

void Sidebar::toggleCurrentGoalCompleted() {
    if (const std::optional<Goal> goal = currentGoal())
        setGoalStatus(*goal, goal->status == GoalStatus::Completed ? GoalStatus::Active
                                                                   : GoalStatus::Completed);
}

void Sidebar::toggleCurrentGoalOnHold() {
    if (const std::optional<Goal> goal = currentGoal())
        setGoalStatus(*goal,
                      goal->status == GoalStatus::OnHold ? GoalStatus::Active : GoalStatus::OnHold);
}

void Sidebar::deleteCurrentGoal() {
    const std::optional<Goal> goal = currentGoal();
    if (!goal || !m_store)
        return;
    auto* box = new QMessageBox(QMessageBox::Question, tr("Delete Goal"),
                                tr("Delete the goal \u201c%1\u201d?").arg(goal->title),
                                QMessageBox::Yes | QMessageBox::Cancel, this);
    box->setObjectName(u"confirmDeleteGoal"_s);
    box->setInformativeText(
        tr("Its tasks and sub-goals stay, without this goal. This cannot be undone."));
    box->button(QMessageBox::Yes)->setText(tr("&Delete"));
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, uuid = goal->uuid] {
        if (box->clickedButton() != box->button(QMessageBox::Yes) || !m_store)
            return;
        m_store->run([uuid](LocalStore& store) { return store.deleteGoal(uuid); })
            .then(this, [this, uuid](const Status& deleted) {
                if (!deleted) {
                    emit errorOccurred(tr("The goal could not be deleted."),
                                       deleted.error().message);
                    return;
                }
                qCInfo(lcUi).noquote() << "goal deleted:" << uuid;
            });
    });
    box->open();
}

void Sidebar::saveSettings() const {
    QSettings settings;
    QStringList expanded;
    const std::function<void(const QModelIndex&)> collect = [&](const QModelIndex& parent) {
        for (int row = 0; row < m_goals->rowCount(parent); ++row) {
            const QModelIndex index = m_goals->index(row, 0, parent);
            if (m_goalTree->isExpanded(index)) {
                expanded << index.data(GoalTreeModel::UuidRole).toString();
                collect(index);
            }
        }
    };
    collect({});
    settings.setValue(u"Sidebar/expandedGoals"_s, expanded);
}

void Sidebar::restoreSettings() {
    // Goals arrive after the window is shown: the first tree read opens what
    // was open last time (or the top level), later reads keep what the user did.
    const QStringList expanded = QSettings().value(u"Sidebar/expandedGoals"_s).toStringList();
    auto* once = new QObject(this);
    connect(m_goals, &GoalTreeModel::loaded, once, [this, expanded, once] {
        if (expanded.isEmpty())
            m_goalTree->expandToDepth(0);
        for (const QString& uuid : expanded)
            m_goalTree->expand(m_goals->indexOf(uuid));
        once->deleteLater();
    });
}

} // namespace bizy
