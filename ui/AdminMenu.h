#pragma once

#include <QMenu>
#include <QPointer>

namespace bizy {

class AdminAccess;
class AdminPanel;
class Workspace;

// The Admin menu of the main window, there only while the server calls the
// logged-in account an admin (AdminAccess). Its action opens the AdminPanel;
// when the account turns out not to be an admin (a 403, a demotion seen at
// the next login or refresh) the menu goes and an open panel closes.
class AdminMenu : public QMenu {
    Q_OBJECT
public:
    explicit AdminMenu(QWidget* parent = nullptr);

    void setWorkspace(Workspace* workspace);
    AdminAccess* access() const { return m_access; }
    // The open panel, or null.
    AdminPanel* panel() const;
    QAction* openAction() const { return m_openAction; }

public slots:
    void openPanel();

signals:
    // The panel's "Log In…": the window shows its login dialog.
    void loginRequested();

private:
    void followAccess();

    AdminAccess* m_access;
    QAction* m_openAction;
    QPointer<AdminPanel> m_panel;
};

} // namespace bizy
