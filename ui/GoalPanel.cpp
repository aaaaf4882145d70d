#include "GoalPanel.h"

#include "GoalText.h"
#include "GoalTreeModel.h"
#include "TaskText.h"

#include <QAction>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace bizy {

GoalPanel::GoalPanel(GoalTreeModel* goals, const QList<QAction*>& actions, QWidget* parent)
    : QWidget(parent)
    , m_goals(goals) {
    setObjectName(u"goalPanel"_s);
    m_title = new QLabel(this);
    m_title->setObjectName(u"goalTitle"_s);
    m_title->setTextFormat(Qt::PlainText);
    m_title->setWordWrap(true);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setBold(true);
    m_title->setFont(titleFont);

    m_facts = new QLabel(this);
    m_facts->setObjectName(u"goalFacts"_s);
    m_facts->setTextFormat(Qt::PlainText);
    m_facts->setForegroundRole(QPalette::PlaceholderText);

    m_progress = new QProgressBar(this);
    m_progress->setObjectName(u"goalProgress"_s);
    m_progress->setAccessibleName(tr("Goal progress"));
    m_progress->setRange(0, 100);
    m_progress->setFormat(u"%p %"_s);
    m_progress->setMaximumWidth(320);

    m_about = new QLabel(this);
    m_about->setObjectName(u"goalAbout"_s);
    m_about->setTextFormat(Qt::PlainText);
    m_about->setWordWrap(true);

    auto* buttons = new QHBoxLayout;
    buttons->setSpacing(2);
    for (QAction* action : actions) {
        auto* button = new QToolButton(this);
        button->setDefaultAction(action);
        button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        button->setAutoRaise(true);
        // A button follows its action's visibility (QToolButton does not by itself).
        button->setVisible(action->isVisible());
        connect(action, &QAction::visibleChanged, button,
                [button, action] { button->setVisible(action->isVisible()); });
        buttons->addWidget(button);
    }
    buttons->addStretch(1);

    auto* progressRow = new QHBoxLayout;
    progressRow->addWidget(m_facts);
    progressRow->addStretch(1);
    progressRow->addWidget(m_progress, 1);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 4);
    layout->setSpacing(4);
    layout->addWidget(m_title);
    layout->addLayout(progressRow);
    layout->addWidget(m_about);
    layout->addLayout(buttons);

    connect(m_goals, &QAbstractItemModel::dataChanged, this, &GoalPanel::refresh);
    connect(m_goals, &QAbstractItemModel::modelReset, this, &GoalPanel::refresh);
    connect(m_goals, &QAbstractItemModel::rowsRemoved, this, &GoalPanel::refresh);
    hide();
}

void GoalPanel::showGoal(const QString& uuid) {
    m_uuid = uuid;
    refresh();
}

void GoalPanel::refresh() {
    const std::optional<Goal> goal = m_goals->goalAt(m_goals->indexOf(m_uuid));
    setVisible(goal.has_value());
    if (!goal)
        return;
    m_title->setText(goal->title);
    QStringList facts{GoalText::horizon(goal->horizon), GoalText::status(goal->status)};
    if (goal->targetDate)
        facts << tr("target %1").arg(TaskText::date(*goal->targetDate));
    m_facts->setText(facts.join(u"  \u00b7  "_s));
    m_progress->setValue(int(goal->progressPercentage + 0.5));
    QStringList about;
    if (goal->description && !goal->description->isEmpty())
        about << *goal->description;
    if (goal->successCriteria && !goal->successCriteria->isEmpty())
        about << tr("Done when: %1").arg(*goal->successCriteria);
    m_about->setText(about.join(u'\n'));
    m_about->setVisible(!about.isEmpty());
}

} // namespace bizy
