#include "AdminMenu.h"

#include "AdminAccess.h"
#include "AdminPanel.h"
#include "UiLog.h"

using namespace Qt::StringLiterals;

namespace bizy {

AdminMenu::AdminMenu(QWidget* parent)
    : QMenu(tr("&Admin"), parent)
    , m_access(new AdminAccess(this))
    , m_openAction(new QAction(tr("&Users and Audit Log\u2026"), this)) {
    setObjectName(u"adminMenu"_s);
    menuAction()->setObjectName(u"adminMenuAction"_s);
    m_openAction->setObjectName(u"openAdminPanel"_s);
    m_openAction->setShortcut(Qt::CTRL | Qt::SHIFT | Qt::Key_A);
    m_openAction->setToolTip(tr("Manage the server's users and read the audit log"));
    addAction(m_openAction);
    // The shortcut works from the whole window, not only with the menu open.
    if (parent)
        parent->addAction(m_openAction);
    connect(m_openAction, &QAction::triggered, this, &AdminMenu::openPanel);
    connect(m_access, &AdminAccess::stateChanged, this, &AdminMenu::followAccess);
    followAccess();
}

AdminPanel* AdminMenu::panel() const {
    return m_panel;
}

void AdminMenu::setWorkspace(Workspace* workspace) {
    m_access->setWorkspace(workspace);
}

void AdminMenu::openPanel() {
    if (!m_access->isAdmin())
        return;
    if (!m_panel) {
        m_panel = new AdminPanel(m_access, parentWidget());
        m_panel->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_panel, &AdminPanel::loginRequested, this, &AdminMenu::loginRequested);
    }
    m_panel->show();
    m_panel->raise();
    m_panel->activateWindow();
}

void AdminMenu::followAccess() {
    const bool admin = m_access->isAdmin();
    menuAction()->setVisible(admin);
    m_openAction->setEnabled(admin);
    // Not an admin at all (not merely logged out or offline): the panel goes.
    if (m_access->state() == AdminAccess::State::NotAdmin && m_panel) {
        qCInfo(lcUi) << "Not an admin (any more): the admin panel closes";
        m_panel->close();
    }
}

} // namespace bizy
