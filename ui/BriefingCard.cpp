#include "BriefingCard.h"

#include "AssistantModel.h"

#include <QLabel>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace bizy {

namespace {

QLabel* addLine(QWidget* parent, QLayout* layout, const QString& name) {
    auto* label = new QLabel(parent);
    label->setObjectName(name);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(label);
    return label;
}

// "<b>Heading</b><ul><li>...</li></ul>" with the items escaped.
QString listHtml(const QString& heading, const QStringList& items) {
    QString html = u"<b>%1</b><ul style=\"margin-top:2px\">"_s.arg(heading.toHtmlEscaped());
    for (const QString& item : items)
        html += u"<li>%1</li>"_s.arg(item);
    return html + u"</ul>"_s;
}

} // namespace

BriefingCard::BriefingCard(AssistantModel* assistant, QWidget* parent)
    : QFrame(parent)
    , m_assistant(assistant) {
    setObjectName(u"briefingCard"_s);
    setAccessibleName(tr("Morning briefing"));
    setFrameShape(QFrame::StyledPanel);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 10, 12, 10);
    layout->setSpacing(6);
    m_greeting = addLine(this, layout, u"briefingGreeting"_s);
    QFont greetingFont = m_greeting->font();
    greetingFont.setBold(true);
    greetingFont.setPointSizeF(greetingFont.pointSizeF() * 1.1);
    m_greeting->setFont(greetingFont);
    m_greeting->setTextFormat(Qt::PlainText);
    m_recap = addLine(this, layout, u"briefingRecap"_s);
    m_recap->setTextFormat(Qt::PlainText);
    m_recap->setForegroundRole(QPalette::PlaceholderText);
    m_mission = addLine(this, layout, u"briefingMission"_s);
    m_mission->setTextFormat(Qt::RichText);
    m_watchOut = addLine(this, layout, u"briefingWatchOut"_s);
    m_watchOut->setTextFormat(Qt::RichText);
    m_tip = addLine(this, layout, u"briefingTip"_s);
    m_tip->setTextFormat(Qt::PlainText);
    connect(m_assistant, &AssistantModel::briefingChanged, this, &BriefingCard::refresh);
    refresh();
}

void BriefingCard::refresh() {
    const std::optional<MorningBriefing>& briefing = m_assistant->briefing();
    setVisible(briefing.has_value());
    if (!briefing)
        return;
    m_greeting->setText(briefing->greeting);
    m_recap->setText(tr("Yesterday: %1 of %2 due tasks done. Today: %3 open, %4 overdue.")
                         .arg(briefing->yesterdayCompleted)
                         .arg(briefing->yesterdayDue)
                         .arg(briefing->tasksToday)
                         .arg(briefing->overdueTasks));
    QStringList mission;
    for (const MorningBriefing::Mission& item : briefing->mission) {
        QString line = u"<b>%1</b>"_s.arg(item.task.toHtmlEscaped());
        if (!item.estimatedTime.isEmpty())
            line += u" (%1)"_s.arg(item.estimatedTime.toHtmlEscaped());
        if (!item.whyItMatters.isEmpty())
            line += u" \u2013 "_s + item.whyItMatters.toHtmlEscaped();
        mission << line;
    }
    m_mission->setText(listHtml(tr("Today's mission"), mission));
    m_mission->setVisible(!mission.isEmpty());
    QStringList watchOut;
    for (const QString& item : briefing->watchOutFor)
        watchOut << item.toHtmlEscaped();
    m_watchOut->setText(listHtml(tr("Watch out for"), watchOut));
    m_watchOut->setVisible(!watchOut.isEmpty());
    m_tip->setText(tr("Tip: %1").arg(briefing->proTip));
    m_tip->setVisible(!briefing->proTip.isEmpty());
}

} // namespace bizy
