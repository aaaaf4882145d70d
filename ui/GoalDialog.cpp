#include "GoalDialog.h"

#include "ClearButton.h"
#include "FieldErrorDisplay.h"
#include "GoalEditor.h"
#include "GoalPicker.h"
#include "GoalText.h"
#include "GoalTreeModel.h"
#include "UiLog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace bizy {

namespace {

const QList<GoalHorizon> allHorizons = {GoalHorizon::Yearly, GoalHorizon::Quarterly,
                                        GoalHorizon::Monthly, GoalHorizon::Weekly};
const QList<GoalStatus> allStatuses = {GoalStatus::Active, GoalStatus::OnHold,
                                       GoalStatus::Completed, GoalStatus::Cancelled};

std::optional<QString> optionalText(const QString& text) {
    const QString trimmed = text.trimmed();
    return trimmed.isEmpty() ? std::nullopt : std::optional<QString>(trimmed);
}

// A sub-goal's horizon is usually one step below its parent's.
GoalHorizon horizonBelow(GoalHorizon horizon) {
    const qsizetype at = allHorizons.indexOf(horizon);
    return allHorizons.at(std::min<qsizetype>(at + 1, allHorizons.size() - 1));
}

} // namespace

GoalDialog::GoalDialog(StoreClient* store, const GoalTreeModel* tree,
                       const std::optional<Goal>& goal, const QString& parentUuid, QWidget* parent)
    : QDialog(parent)
    , m_editor(new GoalEditor(store, this))
    , m_errors(new FieldErrorDisplay(this)) {
    GoalDraft draft;
    if (goal) {
        m_editor->edit(*goal);
        draft = m_editor->draft();
    } else if (!parentUuid.isEmpty()) {
        draft.parentGoalUuid = parentUuid;
        if (const std::optional<Goal> parentGoal = tree->goalAt(tree->indexOf(parentUuid)))
            draft.horizon = horizonBelow(parentGoal->horizon);
    }
    buildUi(tree);
    setWindowTitle(goal                   ? tr("Edit Goal")
                   : parentUuid.isEmpty() ? tr("New Goal")
                                          : tr("New Sub-goal"));
    showDraft(draft);
    connect(m_editor, &GoalEditor::saved, this, [this](const Goal& saved) {
        m_saved = saved;
        QDialog::accept();
    });
    connect(m_editor, &GoalEditor::failed, this, [this](const Error& error) {
        qCInfo(lcUi).noquote() << "goal not saved:" << error.message;
        m_buttons->button(QDialogButtonBox::Save)->setEnabled(true);
        m_errors->show(error.fields, error.message);
    });
}

void GoalDialog::buildUi(const GoalTreeModel* tree) {
    setWindowIcon(QIcon(u":/bizy/icons/bizy.svg"_s));
    setMinimumWidth(460);

    m_title = new QLineEdit(this);
    m_title->setObjectName(u"title"_s);
    m_title->setPlaceholderText(tr("What do you want to achieve?"));
    ClearButton::enable(m_title);

    m_description = new QPlainTextEdit(this);
    m_description->setObjectName(u"description"_s);
    m_description->setTabChangesFocus(true);
    m_description->setPlaceholderText(tr("Why it matters (optional)"));
    m_description->setFixedHeight(m_description->fontMetrics().lineSpacing() * 3 + 12);

    m_horizon = new QComboBox(this);
    m_horizon->setObjectName(u"horizon"_s);
    for (GoalHorizon horizon : allHorizons)
        m_horizon->addItem(GoalText::horizon(horizon), toString(horizon));

    m_status = new QComboBox(this);
    m_status->setObjectName(u"status"_s);
    for (GoalStatus status : allStatuses)
        m_status->addItem(GoalText::status(status), toString(status));

    m_hasTargetDate = new QCheckBox(this);
    m_hasTargetDate->setObjectName(u"has_target_date"_s);
    m_hasTargetDate->setAccessibleName(tr("Has a target date"));
    m_hasTargetDate->setToolTip(tr("Untick for a goal without a target date"));
    m_targetDate = new QDateEdit(this);
    m_targetDate->setObjectName(u"target_date"_s);
    m_targetDate->setAccessibleName(tr("Target date"));
    m_targetDate->setCalendarPopup(true);
    m_targetDate->setEnabled(false);
    connect(m_hasTargetDate, &QCheckBox::toggled, m_targetDate, &QWidget::setEnabled);
    auto* targetRow = new QHBoxLayout;
    targetRow->addWidget(m_hasTargetDate);
    targetRow->addWidget(m_targetDate, 1);

    m_successCriteria = new QPlainTextEdit(this);
    m_successCriteria->setObjectName(u"success_criteria"_s);
    m_successCriteria->setTabChangesFocus(true);
    m_successCriteria->setPlaceholderText(tr("How you will know it is done (optional)"));
    m_successCriteria->setFixedHeight(m_successCriteria->fontMetrics().lineSpacing() * 3 + 12);

    m_parentGoal = new GoalPicker(tree, tr("None (a top-level goal)"), this);
    m_parentGoal->setObjectName(u"parent_goal_uuid"_s);
    // A goal cannot be its own parent; deeper loops are the store's to refuse.
    if (const std::optional<Goal> goal = m_editor->goal())
        m_parentGoal->removeGoal(goal->uuid);

    const auto withError = [this](QWidget* editor, QLayout* editorLayout, const QString& field) {
        auto* box = new QVBoxLayout;
        box->setSpacing(2);
        if (editorLayout)
            box->addLayout(editorLayout);
        else
            box->addWidget(editor);
        box->addWidget(m_errors->labelFor(field));
        return box;
    };
    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    const auto addRow = [&](const QString& text, QWidget* buddy, QLayout* field) {
        auto* label = new QLabel(text, this);
        label->setBuddy(buddy);
        form->addRow(label, field);
    };
    addRow(tr("&Title:"), m_title, withError(m_title, nullptr, u"title"_s));
    addRow(tr("&Description:"), m_description, withError(m_description, nullptr, u"description"_s));
    addRow(tr("&Horizon:"), m_horizon, withError(m_horizon, nullptr, u"horizon"_s));
    addRow(tr("St&atus:"), m_status, withError(m_status, nullptr, u"status"_s));
    addRow(tr("Ta&rget date:"), m_hasTargetDate, withError(nullptr, targetRow, u"target_date"_s));
    addRow(tr("S&uccess criteria:"), m_successCriteria,
           withError(m_successCriteria, nullptr, u"success_criteria"_s));
    addRow(tr("&Part of:"), m_parentGoal, withError(m_parentGoal, nullptr, u"parent_goal_uuid"_s));

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &GoalDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &GoalDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_errors->generalLabel());
    layout->addLayout(form);
    layout->addWidget(m_buttons);
    m_title->setFocus();
}

void GoalDialog::showDraft(const GoalDraft& draft) {
    m_title->setText(draft.title);
    m_description->setPlainText(draft.description.value_or(QString()));
    m_horizon->setCurrentIndex(int(allHorizons.indexOf(draft.horizon)));
    m_status->setCurrentIndex(int(allStatuses.indexOf(draft.status)));
    m_hasTargetDate->setChecked(draft.targetDate.has_value());
    // Without a date, the picker offers the end of the horizon's usual span.
    m_targetDate->setDate(draft.targetDate ? draft.targetDate->toLocalTime().date()
                                           : QDate::currentDate().addMonths(1));
    m_successCriteria->setPlainText(draft.successCriteria.value_or(QString()));
    m_parentGoal->setCurrentGoalUuid(draft.parentGoalUuid.value_or(QString()));
}

GoalDraft GoalDialog::readDraft() const {
    // Fields this dialog does not show (metrics) keep what the editor holds.
    GoalDraft draft = m_editor->draft();
    draft.title = m_title->text().trimmed();
    draft.description = optionalText(m_description->toPlainText());
    draft.horizon = allHorizons.value(m_horizon->currentIndex(), draft.horizon);
    draft.status = allStatuses.value(m_status->currentIndex(), draft.status);
    draft.targetDate.reset();
    // A target date is a day; it is kept as that day's start in the user's zone.
    if (m_hasTargetDate->isChecked())
        draft.targetDate = QDateTime(m_targetDate->date(), QTime(0, 0)).toUTC();
    draft.successCriteria = optionalText(m_successCriteria->toPlainText());
    draft.parentGoalUuid = optionalText(m_parentGoal->currentGoalUuid());
    return draft;
}

void GoalDialog::accept() {
    if (m_editor->isSaving())
        return;
    m_errors->clear();
    m_editor->setDraft(readDraft());
    m_buttons->button(QDialogButtonBox::Save)->setEnabled(false);
    m_editor->save();
}

} // namespace bizy
