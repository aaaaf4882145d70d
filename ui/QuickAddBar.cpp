#include "QuickAddBar.h"

#include "ActionIcons.h"
#include "ClearButton.h"
#include "FlowLayout.h"
#include "QuickAddEditor.h"
#include "QuickAddLine.h"
#include "QuickAddText.h"
#include "UiLog.h"

#include <QEvent>
#include <QIcon>
#include <QKeyEvent>
#include <QLabel>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace bizy {

namespace {

// Red that reads on light and dark windows alike.
QColor errorColor() {
    return QColor(0xc6, 0x28, 0x28);
}

QString chipStyle(const QPalette& palette) {
    QColor fill = palette.color(QPalette::Highlight);
    fill.setAlpha(38);
    QColor border = palette.color(QPalette::Highlight);
    border.setAlpha(110);
    return u"QLabel { background-color: %1; border: 1px solid %2; border-radius: 8px; "
           u"padding: 1px 7px; }"_s.arg(fill.name(QColor::HexArgb), border.name(QColor::HexArgb));
}

} // namespace

QuickAddBar::QuickAddBar(QWidget* parent)
    : QWidget(parent)
    , m_editor(new QuickAddEditor(this)) {
    setObjectName(u"quickAddBar"_s);
    m_line = new QuickAddLine(this);
    m_line->setObjectName(u"quickAdd"_s);
    m_line->setAccessibleName(tr("Quick add a task"));
    m_line->setPlaceholderText(QuickAddText::placeholder());
    ClearButton::enable(m_line);
    // The icon's button is read by screen readers too: it is named after the line.
    QAction* mark = m_line->addAction(ActionIcons::icon(u"list-add"_s), QLineEdit::LeadingPosition);
    mark->setText(tr("Quick add a task"));
    m_line->installEventFilter(this);
    setFocusProxy(m_line);

    m_hint = new QLabel(QuickAddText::grammarHint(), this);
    m_hint->setObjectName(u"quickAddHint"_s);
    m_hint->setTextFormat(Qt::PlainText);
    m_hint->setForegroundRole(QPalette::PlaceholderText);
    m_hint->setToolTip(QuickAddText::grammarHint()); // cut short in a narrow window
    m_title = new QLabel(this);
    m_title->setObjectName(u"quickAddTitle"_s);
    m_title->setTextFormat(Qt::PlainText);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_enterHint = new QLabel(tr("Enter adds the task"), this);
    m_enterHint->setForegroundRole(QPalette::PlaceholderText);
    m_problems = new QLabel(this);
    m_problems->setObjectName(u"quickAddProblems"_s);
    m_problems->setStyleSheet(u"QLabel { color: %1; }"_s.arg(errorColor().name()));
    m_notes = new QLabel(this);
    m_notes->setObjectName(u"quickAddNotes"_s);
    for (QLabel* label : {m_problems, m_notes}) {
        label->setTextFormat(Qt::PlainText);
        label->setWordWrap(true);
    }

    m_preview = new QWidget(this);
    m_preview->setObjectName(u"quickAddPreview"_s);
    m_preview->setAccessibleName(tr("What quick add understood"));
    // The title and the chips wrap onto more rows in a narrow window rather
    // than widening it; a title longer than a row is shortened (fitTitle).
    m_chipRow = new QWidget(m_preview);
    m_chipRow->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_chipRow->installEventFilter(this);
    auto* chipRow = new FlowLayout(m_chipRow);
    for (QLabel* label : {m_hint, m_title, m_enterHint})
        chipRow->addWidget(label);
    auto* previewLayout = new QVBoxLayout(m_preview);
    // Indented like the line's text, so the preview reads as its continuation.
    previewLayout->setContentsMargins(6, 0, 4, 0);
    previewLayout->setSpacing(3);
    previewLayout->addWidget(m_chipRow);
    previewLayout->addWidget(m_problems);
    previewLayout->addWidget(m_notes);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 2);
    layout->setSpacing(4);
    layout->addWidget(m_line);
    layout->addWidget(m_preview);

    connect(m_line, &QLineEdit::textChanged, this, [this](const QString& text) {
        m_error.clear();
        m_editor->setText(text);
    });
    connect(m_line, &QLineEdit::returnPressed, this, &QuickAddBar::submit);
    connect(m_editor, &QuickAddEditor::resultChanged, this, &QuickAddBar::showResult);
    connect(m_editor, &QuickAddEditor::created, this,
            [this](const Task& task, const QString& line) {
                m_error.clear();
                // Text typed while the task was saved is the next task: keep it.
                if (m_line->text() == line)
                    m_line->clear();
                showResult();
                emit taskCreated(task.uuid);
            });
    connect(m_editor, &QuickAddEditor::failed, this, [this](const QString& message) {
        qCWarning(lcUi).noquote() << "quick add: the task could not be added:" << message;
        m_error = tr("The task could not be added: %1").arg(message);
        showResult();
    });
    setStore(nullptr);
}

void QuickAddBar::setStore(StoreClient* store) {
    m_editor->setStore(store);
    setEnabled(store != nullptr);
}

void QuickAddBar::focusLine() {
    m_line->setFocus(Qt::ShortcutFocusReason);
    m_line->selectAll();
}

bool QuickAddBar::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_chipRow && event->type() == QEvent::Resize)
        fitTitle();
    if (watched != m_line || event->type() != QEvent::KeyPress ||
        static_cast<QKeyEvent*>(event)->key() != Qt::Key_Escape)
        return QWidget::eventFilter(watched, event);
    if (m_line->text().isEmpty() && m_error.isEmpty()) {
        emit leaveRequested();
    } else {
        m_line->clear();
        m_error.clear();
        showResult();
    }
    return true;
}

void QuickAddBar::submit() {
    if (m_editor->submit())
        return;
    // Enter did nothing: the preview says why (it may just have changed).
    showResult();
}

QLabel* QuickAddBar::chipAt(int index) {
    while (m_chips.size() <= index) {
        auto* chip = new QLabel(m_chipRow);
        chip->setObjectName(u"quickAddChip"_s);
        chip->setTextFormat(Qt::PlainText);
        chip->setStyleSheet(chipStyle(palette()));
        // After the hint, the title and the chips before it; before the Enter hint.
        static_cast<FlowLayout*>(m_chipRow->layout())->insertWidget(int(m_chips.size()) + 2, chip);
        m_chips.append(chip);
    }
    return m_chips.at(index);
}

void QuickAddBar::showResult() {
    const QuickAddResult& result = m_editor->result();
    const bool typed = !result.isEmpty();
    // Always there, the grammar while the line is empty, so the list below
    // does not jump as the user starts typing.
    m_hint->setVisible(!typed);
    m_title->setVisible(!result.title.isEmpty());
    const QStringList chips = QuickAddText::chips(result, m_editor->now(), m_editor->timeZone());
    for (int i = 0; i < chips.size(); ++i) {
        QLabel* chip = chipAt(i);
        chip->setText(chips.at(i));
        chip->show();
    }
    for (qsizetype i = chips.size(); i < m_chips.size(); ++i)
        m_chips.at(i)->hide();
    m_enterHint->setVisible(result.canCreate() && !m_editor->isSaving());
    fitTitle();

    QStringList problems, notes;
    if (!m_error.isEmpty())
        problems << m_error;
    for (const QuickAddIssue& issue : result.issues)
        (issue.blocksCreation() ? problems : notes)
            << QuickAddText::issue(issue, result, m_editor->timeZone());
    m_problems->setText(problems.join(u'\n'));
    m_problems->setVisible(!problems.isEmpty());
    m_notes->setText(notes.join(u'\n'));
    m_notes->setVisible(!notes.isEmpty());
    markLine();

    QStringList spoken = QStringList{result.title} + chips + problems + notes;
    spoken.removeAll(QString());
    m_line->setAccessibleDescription(spoken.join(u". "_s));
}

void QuickAddBar::fitTitle() {
    const QString title = m_editor->result().title;
    const QString shown =
        m_title->fontMetrics().elidedText(title, Qt::ElideRight, qMax(m_chipRow->width(), 80));
    m_title->setText(shown);
    m_title->setToolTip(shown == title ? QString() : title);
}

void QuickAddBar::markLine() {
    const QuickAddResult& result = m_editor->result();
    const QColor understood = palette().color(QPalette::Highlight);
    QList<QuickAddLine::Mark> marks;
    for (const QuickAddToken& token : result.tokens) {
        QuickAddLine::Mark mark{token.start, token.length, understood};
        if (token.kind == QuickAddToken::Kind::Literal) {
            mark.color = palette().color(QPalette::PlaceholderText);
            mark.dotted = true;
        }
        for (const QuickAddIssue& issue : result.issues) {
            if (issue.blocksCreation() && issue.start == token.start && issue.length > 0)
                mark.color = errorColor();
        }
        marks.append(mark);
    }
    m_line->setMarks(marks);
}

} // namespace bizy
