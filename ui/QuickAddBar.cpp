#include "QuickAddBar.h"

#include "QuickAddEditor.h"
#include "QuickAddText.h"
#include "UiLog.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace bizy {

namespace {

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
    m_line = new QLineEdit(this);
    m_line->setObjectName(u"quickAdd"_s);
    m_line->setAccessibleName(tr("Quick add a task"));
    m_line->setPlaceholderText(QuickAddText::placeholder());
    m_line->setClearButtonEnabled(true);
    m_line->installEventFilter(this);
    setFocusProxy(m_line);

    m_title = new QLabel(this);
    m_title->setObjectName(u"quickAddTitle"_s);
    m_title->setTextFormat(Qt::PlainText);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_enterHint = new QLabel(tr("Enter adds the task"), this);
    m_enterHint->setForegroundRole(QPalette::PlaceholderText);
    m_message = new QLabel(this);
    m_message->setObjectName(u"quickAddMessage"_s);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setWordWrap(true);

    m_preview = new QWidget(this);
    m_preview->setObjectName(u"quickAddPreview"_s);
    m_preview->setAccessibleName(tr("What quick add understood"));
    auto* chipRow = new QHBoxLayout;
    chipRow->setContentsMargins(0, 0, 0, 0);
    chipRow->setSpacing(6);
    chipRow->addWidget(m_title);
    chipRow->addStretch(1);
    chipRow->addWidget(m_enterHint);
    auto* previewLayout = new QVBoxLayout(m_preview);
    // Indented like the line's text, so the preview reads as its continuation.
    previewLayout->setContentsMargins(6, 0, 4, 0);
    previewLayout->setSpacing(3);
    previewLayout->addLayout(chipRow);
    previewLayout->addWidget(m_message);

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
    if (watched == m_line) {
        if (event->type() == QEvent::KeyPress &&
            static_cast<QKeyEvent*>(event)->key() == Qt::Key_Escape) {
            if (m_line->text().isEmpty() && m_error.isEmpty()) {
                emit leaveRequested();
            } else {
                m_line->clear();
                m_error.clear();
                showResult();
            }
            return true;
        }
        if (event->type() == QEvent::FocusIn || event->type() == QEvent::FocusOut)
            showResult();
    }
    return QWidget::eventFilter(watched, event);
}

void QuickAddBar::submit() {
    if (m_editor->submit())
        return;
    // Enter did nothing: the preview says why (it may just have changed).
    showResult();
}

QLabel* QuickAddBar::chipAt(int index) {
    while (m_chips.size() <= index) {
        auto* chip = new QLabel(m_preview);
        chip->setObjectName(u"quickAddChip"_s);
        chip->setTextFormat(Qt::PlainText);
        chip->setStyleSheet(chipStyle(palette()));
        // After the title and the chips before it, before the stretch.
        static_cast<QHBoxLayout*>(m_preview->layout()->itemAt(0)->layout())
            ->insertWidget(int(m_chips.size()) + 1, chip);
        m_chips.append(chip);
    }
    return m_chips.at(index);
}

void QuickAddBar::showResult() {
    const QuickAddResult& result = m_editor->result();
    const bool typed = !result.isEmpty();
    m_preview->setVisible(typed || m_line->hasFocus() || !m_error.isEmpty());

    m_title->setText(result.title);
    m_title->setVisible(!result.title.isEmpty());
    const QList<QuickAddText::Chip> chips =
        QuickAddText::chips(result, m_editor->now(), m_editor->timeZone());
    for (int i = 0; i < chips.size(); ++i) {
        QLabel* chip = chipAt(i);
        chip->setText(chips.at(i).text);
        chip->show();
    }
    for (qsizetype i = chips.size(); i < m_chips.size(); ++i)
        m_chips.at(i)->hide();
    m_enterHint->setVisible(result.canCreate() && !m_editor->isSaving());

    QStringList lines;
    bool blocked = !m_error.isEmpty();
    if (blocked)
        lines << m_error;
    for (const QuickAddIssue& issue : result.issues) {
        blocked = blocked || issue.blocksCreation();
        lines << QuickAddText::issue(issue, result, m_editor->timeZone());
    }
    if (!typed && lines.isEmpty())
        lines << QuickAddText::grammarHint();
    m_message->setText(lines.join(u'\n'));
    m_message->setVisible(!lines.isEmpty());
    if (blocked)
        m_message->setStyleSheet(u"QLabel { color: #c62828; }"_s);
    else
        m_message->setStyleSheet(QString());
    m_message->setForegroundRole(typed ? QPalette::WindowText : QPalette::PlaceholderText);

    QStringList spoken{result.title};
    for (const QuickAddText::Chip& chip : chips)
        spoken << chip.text;
    spoken << lines;
    spoken.removeAll(QString());
    m_line->setAccessibleDescription(spoken.join(u". "_s));
}

} // namespace bizy
