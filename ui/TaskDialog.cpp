#include "TaskDialog.h"

#include "ClearButton.h"
#include "DependencyPicker.h"
#include "FieldErrorDisplay.h"
#include "GoalPicker.h"
#include "TaskEditor.h"
#include "TaskText.h"
#include "UiLog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace bizy {

namespace {

const QList<TaskStatus> allStatuses = {TaskStatus::Pending, TaskStatus::InProgress,
                                       TaskStatus::Completed, TaskStatus::Blocked};

std::optional<QString> optionalText(const QString& text) {
    const QString trimmed = text.trimmed();
    return trimmed.isEmpty() ? std::nullopt : std::optional<QString>(trimmed);
}

// Accepts the user's locale ("1,5" in German) and the C locale ("1.5").
std::optional<double> parseHours(const QString& text) {
    bool ok = false;
    double value = QLocale().toDouble(text, &ok);
    if (!ok)
        value = QLocale::c().toDouble(text, &ok);
    return ok ? std::optional<double>(value) : std::nullopt;
}

QString formatHours(std::optional<double> hours) {
    return hours ? QLocale().toString(*hours, 'g', QLocale::FloatingPointShortest) : QString();
}

QDateTime defaultDueDate() {
    // Tomorrow at 17:00 local time: a typical "by end of day" deadline.
    return QDateTime(QDate::currentDate().addDays(1), QTime(17, 0));
}

} // namespace

TaskDialog::TaskDialog(StoreClient* store, const GoalTreeModel* goals,
                       const std::optional<Task>& task, const TaskDraft& newTask, QWidget* parent)
    : QDialog(parent)
    , m_editor(new TaskEditor(store, this))
    , m_errors(new FieldErrorDisplay(this)) {
    if (task)
        m_editor->edit(*task);
    else
        m_editor->setDraft(newTask);
    buildUi(store, goals, task ? task->uuid : QString());
    setWindowTitle(task ? tr("Edit Task") : tr("New Task"));
    showDraft(m_editor->draft());
    connect(m_editor, &TaskEditor::saved, this, [this](const Task& saved) {
        m_saved = saved;
        QDialog::accept();
    });
    connect(m_editor, &TaskEditor::failed, this, [this](const Error& error) {
        qCInfo(lcUi).noquote() << "task not saved:" << error.message << error.fields.size()
                               << "field errors";
        setSaving(false);
        m_errors->show(error.fields, error.message);
    });
}

void TaskDialog::buildUi(StoreClient* store, const GoalTreeModel* goals, const QString& taskUuid) {
    setWindowIcon(QIcon(u":/bizy/icons/bizy.svg"_s));
    setMinimumWidth(480);

    m_title = new QLineEdit(this);
    m_title->setObjectName(u"title"_s);
    m_title->setPlaceholderText(tr("What needs doing?"));
    ClearButton::enable(m_title);

    m_description = new QPlainTextEdit(this);
    m_description->setObjectName(u"description"_s);
    m_description->setTabChangesFocus(true);
    m_description->setPlaceholderText(tr("Details (optional)"));
    m_description->setFixedHeight(m_description->fontMetrics().lineSpacing() * 4 + 12);

    m_priority = new QComboBox(this);
    m_priority->setObjectName(u"priority"_s);
    for (int priority = 1; priority <= 5; ++priority)
        m_priority->addItem(TaskText::priority(priority), priority);

    m_status = new QComboBox(this);
    m_status->setObjectName(u"status"_s);
    for (TaskStatus status : allStatuses)
        m_status->addItem(TaskText::status(status), toString(status));

    m_category = new QLineEdit(this);
    m_category->setObjectName(u"category"_s);
    m_category->setPlaceholderText(tr("e.g. Work, Home"));

    // The row label names the checkbox; unticked means "no due date".
    m_hasDueDate = new QCheckBox(this);
    m_hasDueDate->setAccessibleName(tr("Has a due date"));
    m_hasDueDate->setToolTip(tr("Untick for a task without a due date"));
    m_hasDueDate->setObjectName(u"has_due_date"_s);
    m_dueDate = new QDateTimeEdit(this);
    m_dueDate->setObjectName(u"due_date"_s);
    // The row's label is the checkbox's buddy, so the date needs its own name.
    m_dueDate->setAccessibleName(tr("Due date"));
    m_dueDate->setCalendarPopup(true);
    m_dueDate->setDisplayFormat(TaskText::dateTimeFormat());
    m_dueDate->setEnabled(false);
    connect(m_hasDueDate, &QCheckBox::toggled, m_dueDate, &QWidget::setEnabled);
    auto* dueRow = new QHBoxLayout;
    dueRow->addWidget(m_hasDueDate);
    dueRow->addWidget(m_dueDate, 1);

    m_estimatedHours = new QLineEdit(this);
    m_estimatedHours->setObjectName(u"estimated_hours"_s);
    m_estimatedHours->setPlaceholderText(tr("hours"));
    m_actualHours = new QLineEdit(this);
    m_actualHours->setObjectName(u"actual_hours"_s);
    m_actualHours->setPlaceholderText(tr("hours"));
    auto* hoursRow = new QHBoxLayout;
    auto* estimatedLabel = new QLabel(tr("&Estimated:"), this);
    estimatedLabel->setBuddy(m_estimatedHours);
    auto* actualLabel = new QLabel(tr("Actua&l:"), this);
    actualLabel->setBuddy(m_actualHours);
    hoursRow->addWidget(estimatedLabel);
    hoursRow->addWidget(m_estimatedHours, 1);
    hoursRow->addSpacing(12);
    hoursRow->addWidget(actualLabel);
    hoursRow->addWidget(m_actualHours, 1);

    m_tags = new QLineEdit(this);
    m_tags->setObjectName(u"tags"_s);
    m_tags->setPlaceholderText(tr("Comma separated, e.g. urgent, phone"));

    m_goal = new GoalPicker(goals, tr("None"), this);
    m_goal->setObjectName(u"parent_goal_uuid"_s);

    m_dependencies = new DependencyPicker(store, taskUuid, this);

    m_notes = new QPlainTextEdit(this);
    m_notes->setObjectName(u"notes"_s);
    m_notes->setTabChangesFocus(true);
    m_notes->setFixedHeight(m_notes->fontMetrics().lineSpacing() * 4 + 12);

    // Each editor sits above its own error line, so a message is read in place.
    auto withError = [this](QLayout* editorLayout, QWidget* editor, const QStringList& fields) {
        auto* box = new QVBoxLayout;
        box->setSpacing(2);
        if (editorLayout)
            box->addLayout(editorLayout);
        else
            box->addWidget(editor);
        for (const QString& field : fields)
            box->addWidget(m_errors->labelFor(field));
        return box;
    };

    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    // Labels get their editor as buddy so Alt+<mnemonic> jumps to the field.
    const auto addRow = [&](const QString& text, QWidget* buddy, QLayout* field) {
        auto* label = new QLabel(text, this);
        label->setBuddy(buddy);
        form->addRow(label, field);
    };
    addRow(tr("&Title:"), m_title, withError(nullptr, m_title, {u"title"_s}));
    addRow(tr("&Description:"), m_description,
           withError(nullptr, m_description, {u"description"_s}));
    addRow(tr("&Priority:"), m_priority, withError(nullptr, m_priority, {u"priority"_s}));
    addRow(tr("St&atus:"), m_status, withError(nullptr, m_status, {u"status"_s}));
    addRow(tr("&Category:"), m_category, withError(nullptr, m_category, {u"category"_s}));
    addRow(tr("D&ue date:"), m_hasDueDate, withError(dueRow, nullptr, {u"due_date"_s}));
    addRow(tr("Hours:"), m_estimatedHours,
           withError(hoursRow, nullptr, {u"estimated_hours"_s, u"actual_hours"_s}));
    addRow(tr("Ta&gs:"), m_tags, withError(nullptr, m_tags, {u"tags"_s}));
    addRow(tr("&Goal:"), m_goal, withError(nullptr, m_goal, {u"parent_goal_uuid"_s}));
    addRow(tr("&Waits for:"), m_dependencies,
           withError(nullptr, m_dependencies, {u"dependency_uuids"_s}));
    addRow(tr("&Notes:"), m_notes, withError(nullptr, m_notes, {u"notes"_s}));

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &TaskDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &TaskDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_errors->generalLabel());
    layout->addLayout(form);
    layout->addWidget(m_buttons);

    const QList<QWidget*> tabOrder = {m_title,       m_description, m_priority, m_status,
                                      m_category,    m_hasDueDate,  m_dueDate,  m_estimatedHours,
                                      m_actualHours, m_tags,        m_goal,     m_dependencies,
                                      m_notes,       m_buttons};
    for (qsizetype i = 1; i < tabOrder.size(); ++i)
        setTabOrder(tabOrder.at(i - 1), tabOrder.at(i));
    m_title->setFocus();
}

void TaskDialog::showDraft(const TaskDraft& draft) {
    m_title->setText(draft.title);
    m_description->setPlainText(draft.description.value_or(QString()));
    m_priority->setCurrentIndex(qBound(0, draft.priority - 1, 4));
    m_status->setCurrentIndex(int(allStatuses.indexOf(draft.status)));
    m_category->setText(draft.category.value_or(QString()));
    m_hasDueDate->setChecked(draft.dueDate.has_value());
    m_dueDate->setDateTime(draft.dueDate ? draft.dueDate->toLocalTime() : defaultDueDate());
    m_estimatedHours->setText(formatHours(draft.estimatedHours));
    m_actualHours->setText(formatHours(draft.actualHours));
    m_tags->setText(draft.tags.join(u", "_s));
    m_goal->setCurrentGoalUuid(draft.parentGoalUuid.value_or(QString()));
    m_dependencies->setUuids(draft.dependencyUuids);
    m_notes->setPlainText(draft.notes.value_or(QString()));
}

TaskDraft TaskDialog::readDraft(FieldErrors* errors) const {
    // Fields this dialog does not show keep what the editor holds.
    TaskDraft draft = m_editor->draft();
    draft.title = m_title->text().trimmed();
    draft.description = optionalText(m_description->toPlainText());
    draft.priority = m_priority->currentData().toInt();
    draft.status = taskStatusFromString(m_status->currentData().toString()).value_or(draft.status);
    draft.category = optionalText(m_category->text());
    draft.dueDate.reset();
    if (m_hasDueDate->isChecked()) {
        QDateTime due = m_dueDate->dateTime();
        due.setTime(QTime(due.time().hour(), due.time().minute()));
        draft.dueDate = due.toUTC();
    }
    const auto hours = [&](const QString& field, QLineEdit* editor) -> std::optional<double> {
        const QString text = editor->text().trimmed();
        if (text.isEmpty())
            return std::nullopt;
        if (const std::optional<double> value = parseHours(text))
            return value;
        errors->append(FieldError{QJsonArray{field}, tr("Enter a number of hours, e.g. 1.5"),
                                  u"float_parsing"_s});
        return std::nullopt;
    };
    draft.estimatedHours = hours(u"estimated_hours"_s, m_estimatedHours);
    draft.actualHours = hours(u"actual_hours"_s, m_actualHours);
    draft.tags.clear();
    for (const QString& tag : m_tags->text().split(u','))
        if (!tag.trimmed().isEmpty())
            draft.tags << tag.trimmed();
    draft.parentGoalUuid = optionalText(m_goal->currentGoalUuid());
    draft.dependencyUuids = m_dependencies->uuids();
    draft.notes = optionalText(m_notes->toPlainText());
    return draft;
}

void TaskDialog::accept() {
    if (m_editor->isSaving())
        return;
    m_errors->clear();
    FieldErrors inputErrors;
    const TaskDraft draft = readDraft(&inputErrors);
    if (!inputErrors.isEmpty()) {
        m_errors->show(inputErrors, {});
        return;
    }
    m_editor->setDraft(draft);
    setSaving(true);
    m_editor->save();
}

void TaskDialog::setSaving(bool saving) {
    m_buttons->button(QDialogButtonBox::Save)->setEnabled(!saving);
}

} // namespace bizy
