#include "SyncStatusWidget.h"

#include "SyncStatusModel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QStyle>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace bizy {

SyncStatusWidget::SyncStatusWidget(SyncStatusModel* model, QWidget* parent)
    : QWidget(parent)
    , m_model(model) {
    setObjectName(u"syncStatus"_s);
    m_busy = new QProgressBar(this);
    m_busy->setObjectName(u"syncBusy"_s);
    m_busy->setAccessibleName(tr("Syncing"));
    m_busy->setRange(0, 0); // a pull does not know its total
    m_busy->setTextVisible(false);
    m_busy->setMaximumWidth(fontMetrics().averageCharWidth() * 10);
    m_busy->setMaximumHeight(fontMetrics().height());
    m_busy->hide();
    m_label = new QLabel(this);
    m_label->setObjectName(u"syncState"_s);
    m_label->setTextFormat(Qt::PlainText);
    m_conflicts = new QToolButton(this);
    m_conflicts->setObjectName(u"syncConflicts"_s);
    m_conflicts->setAutoRaise(true);
    m_conflicts->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_conflicts->setIcon(style()->standardIcon(QStyle::SP_MessageBoxWarning));
    m_conflicts->setToolTip(tr("Some changes did not survive sync. Click to review them."));
    m_conflicts->hide();
    connect(m_conflicts, &QToolButton::clicked, this, &SyncStatusWidget::conflictsRequested);

    auto* layout = new QHBoxLayout(this);
    // Apart from the pending count that follows in the status bar.
    layout->setContentsMargins(0, 0, fontMetrics().averageCharWidth() * 2, 0);
    layout->addWidget(m_conflicts);
    layout->addWidget(m_busy);
    layout->addWidget(m_label);

    connect(m_model, &SyncStatusModel::changed, this, &SyncStatusWidget::refresh);
    refresh();
}

void SyncStatusWidget::refresh() {
    m_label->setText(m_model->text());
    m_label->setToolTip(m_model->details());
    m_label->setAccessibleName(m_model->text());
    m_busy->setVisible(m_model->isBusy());
    const QString conflicts = m_model->conflictText();
    m_conflicts->setVisible(!conflicts.isEmpty());
    m_conflicts->setText(conflicts);
}

} // namespace bizy
