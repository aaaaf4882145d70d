#include "QuickAddPopup.h"

#include "QuickAddBar.h"

#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace bizy {

QuickAddPopup::QuickAddPopup(QWidget* parent)
    : QWidget(parent, Qt::Tool | Qt::WindowStaysOnTopHint) {
    setObjectName(u"quickAddPopup"_s);
    setWindowTitle(tr("Quick Add"));
    setAccessibleName(tr("Quick add a task"));
    m_bar = new QuickAddBar(this);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_bar);
    resize(480, sizeHint().height());
    connect(m_bar, &QuickAddBar::taskCreated, this, &QWidget::hide);
    connect(m_bar, &QuickAddBar::leaveRequested, this, &QWidget::hide);
}

void QuickAddPopup::setStore(StoreClient* store) {
    m_bar->setStore(store);
}

void QuickAddPopup::popUp() {
    show();
    raise();
    activateWindow();
    m_bar->focusLine();
}

} // namespace bizy
