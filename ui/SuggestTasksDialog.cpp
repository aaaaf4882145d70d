#include "SuggestTasksDialog.h"

#include "TaskSuggestionsModel.h"
#include "UndoHistory.h"
#include "store/StoreClient.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace bizy {

SuggestTasksDialog::SuggestTasksDialog(const Goal& goal, const AssistantClient& assistant,
                                       StoreClient* store, UndoHistory* undo, QWidget* parent)
    : QDialog(parent)
    , m_goal(goal)
    , m_assistant(assistant)
    , m_store(store)
    , m_undo(undo)
    , m_model(new TaskSuggestionsModel(this)) {
    setObjectName(u"suggestTasksDialog"_s);
    setWindowTitle(tr("Suggest Tasks for \u201c%1\u201d").arg(goal.title));
    m_status = new QLabel(this);
    m_status->setObjectName(u"suggestionStatus"_s);
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_view = new QTableView(this);
    m_view->setObjectName(u"suggestions"_s);
    m_view->setAccessibleName(tr("Suggested tasks"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setShowGrid(false);
    m_view->setAlternatingRowColors(true);
    m_view->setTabKeyNavigation(false);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(TaskSuggestionsModel::TitleColumn,
                                                     QHeaderView::Stretch);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_create = buttons->addButton(tr("Create Tasks"), QDialogButtonBox::AcceptRole);
    m_create->setObjectName(u"createSuggested"_s);
    m_askAgain = buttons->addButton(tr("Ask &Again"), QDialogButtonBox::ActionRole);
    m_askAgain->setObjectName(u"askAgain"_s);
    connect(buttons, &QDialogButtonBox::accepted, this, &SuggestTasksDialog::create);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_askAgain, &QPushButton::clicked, this, &SuggestTasksDialog::ask);
    connect(m_model, &TaskSuggestionsModel::stateChanged, this, &SuggestTasksDialog::updateState);
    connect(m_model, &TaskSuggestionsModel::checkedCountChanged, this,
            &SuggestTasksDialog::updateState);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_status);
    layout->addWidget(m_view, 1);
    layout->addWidget(buttons);
    resize(720, 420);
    ask();
}

void SuggestTasksDialog::ask() {
    m_createError.clear();
    m_model->ask(m_assistant, m_goal);
}

void SuggestTasksDialog::updateState() {
    using State = TaskSuggestionsModel::State;
    const State state = m_model->state();
    const int checked = m_model->checkedCount();
    switch (state) {
    case State::Idle:
    case State::Asking:
        m_status->setText(
            tr("Asking the assistant for tasks that move \u201c%1\u201d forward\u2026")
                .arg(m_goal.title));
        break;
    case State::Failed:
        m_status->setText(m_model->errorText());
        break;
    case State::Ready:
        if (!m_createError.isEmpty())
            m_status->setText(m_createError);
        else if (m_model->rowCount() == 0)
            m_status->setText(tr("The assistant has no tasks to suggest for this goal."));
        else
            m_status->setText(m_model->reasoning());
        break;
    }
    m_view->setVisible(state == State::Ready && m_model->rowCount() > 0);
    m_askAgain->setEnabled(state != State::Asking && !m_creating);
    m_create->setEnabled(state == State::Ready && checked > 0 && !m_creating);
    // A count without plural forms: it reads right before the translations have it.
    m_create->setText(checked > 0 ? tr("Create Tasks (%1)").arg(checked) : tr("Create Tasks"));
    if (state == State::Ready && m_model->rowCount() > 0 && !m_view->currentIndex().isValid()) {
        m_view->setCurrentIndex(m_model->index(0, TaskSuggestionsModel::TitleColumn));
        m_view->setFocus();
    }
}

void SuggestTasksDialog::create() {
    if (!m_store || m_creating || m_model->checkedCount() == 0)
        return;
    m_creating = true;
    updateState();
    m_model->createChecked(m_store).then(this, [this](const Result<QList<Task>>& created) {
        m_creating = false;
        if (!created) {
            // Nothing was stored (one transaction); the suggestions stay for another try.
            m_createError = tr("The tasks could not be created: %1").arg(created.error().message);
            updateState();
            return;
        }
        if (m_undo)
            m_undo->recordTasks(tr("Suggested Tasks"), {}, *created);
        accept();
    });
}

} // namespace bizy
