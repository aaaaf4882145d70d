#include "AdminPanel.h"

#include "AdminAccess.h"
#include "AdminAuditModel.h"
#include "AdminText.h"
#include "AdminUsersModel.h"
#include "ClearButton.h"
#include "ResetPasswordDialog.h"
#include "UserDialog.h"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace bizy {

namespace {

constexpr int kSearchDelayMs = 300;

QTableView* tableView(QWidget* parent, const QString& name, const QString& accessibleName,
                      QAbstractItemModel* model) {
    auto* table = new QTableView(parent);
    table->setObjectName(name);
    table->setAccessibleName(accessibleName);
    table->setModel(model);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setTabKeyNavigation(false); // Tab leaves the table for the buttons
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    return table;
}

QLabel* statusLabel(QWidget* parent, const QString& name) {
    auto* label = new QLabel(parent);
    label->setObjectName(name);
    label->setTextInteractionFlags(Qt::TextSelectableByKeyboard | Qt::TextSelectableByMouse);
    return label;
}

// A "Load more" button that shows while the server has more rows than shown.
QPushButton* loadMoreButton(QWidget* parent, const QString& name, AdminPagedModel* model) {
    auto* button = new QPushButton(AdminPanel::tr("Load &More"), parent);
    button->setObjectName(name);
    button->setAccessibleName(AdminPanel::tr("Load more"));
    QObject::connect(button, &QPushButton::clicked, model, &AdminPagedModel::loadMore);
    return button;
}

// "1 task", "12 tasks" (plurals in code: the English .ts is not refreshed here).
QString countText(qint64 count, const QString& one, const QString& many) {
    return count == 1 ? one : many.arg(QLocale().toString(count));
}

} // namespace

AdminPanel::AdminPanel(AdminAccess* access, QWidget* parent)
    : QDialog(parent)
    , m_access(access)
    , m_users(new AdminUsersModel(this))
    , m_audit(new AdminAuditModel(this)) {
    setObjectName(u"adminPanel"_s);
    setWindowTitle(tr("Administration"));
    setAccessibleName(tr("Administration"));
    resize(900, 560);

    m_problem = new QLabel(this);
    m_problem->setObjectName(u"adminProblem"_s);
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(u"font-weight: bold;"_s);
    m_logIn = new QPushButton(tr("&Log In\u2026"), this);
    m_logIn->setObjectName(u"adminLogIn"_s);
    m_logIn->setAccessibleName(tr("Log in"));
    connect(m_logIn, &QPushButton::clicked, this, &AdminPanel::loginRequested);
    m_retry = new QPushButton(tr("&Try Again"), this);
    m_retry->setObjectName(u"adminRetry"_s);
    m_retry->setAccessibleName(tr("Try again"));
    connect(m_retry, &QPushButton::clicked, this, &AdminPanel::refresh);
    auto* banner = new QHBoxLayout;
    banner->addWidget(m_problem, 1);
    banner->addWidget(m_logIn);
    banner->addWidget(m_retry);

    m_message = new QLabel(this);
    m_message->setObjectName(u"adminMessage"_s);
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByKeyboard | Qt::TextSelectableByMouse);
    m_message->hide();

    m_newAction = addPanelAction(u"newUser"_s, tr("&New User\u2026"), QKeySequence::New);
    m_editAction = addPanelAction(u"editUser"_s, tr("&Edit\u2026"), Qt::Key_F2);
    m_resetAction =
        addPanelAction(u"resetPassword"_s, tr("Reset &Password\u2026"), Qt::CTRL | Qt::Key_P);
    m_unlockAction = addPanelAction(u"unlockUser"_s, tr("&Unlock"), Qt::CTRL | Qt::Key_U);
    m_deleteAction = addPanelAction(u"deleteUser"_s, tr("&Delete\u2026"), QKeySequence::Delete);
    m_userAuditAction =
        addPanelAction(u"showUserAudit"_s, tr("Audit &Log of User"), Qt::CTRL | Qt::Key_L);
    m_refreshAction = addPanelAction(u"refreshAdmin"_s, tr("Re&fresh"), QKeySequence::Refresh);
    connect(m_newAction, &QAction::triggered, this, &AdminPanel::newUser);
    connect(m_editAction, &QAction::triggered, this, &AdminPanel::editUser);
    connect(m_resetAction, &QAction::triggered, this, &AdminPanel::resetPassword);
    connect(m_unlockAction, &QAction::triggered, this, &AdminPanel::unlockUser);
    connect(m_deleteAction, &QAction::triggered, this, &AdminPanel::deleteUser);
    connect(m_userAuditAction, &QAction::triggered, this, &AdminPanel::showUserAudit);
    connect(m_refreshAction, &QAction::triggered, this, &AdminPanel::refresh);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(u"adminTabs"_s);
    m_tabs->setAccessibleName(tr("Administration pages"));
    m_tabs->addTab(createUsersPage(), tr("&Users"));
    m_tabs->addTab(createAuditPage(), tr("&Audit Log"));
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        // The audit log shows what happened up to now, also the changes just made.
        if (index == 1 && m_audit->client())
            m_audit->reload();
    });

    auto* closeButton = new QPushButton(tr("&Close"), this);
    closeButton->setObjectName(u"closeAdmin"_s);
    closeButton->setAccessibleName(tr("Close"));
    closeButton->setAutoDefault(false);
    connect(closeButton, &QPushButton::clicked, this, &QDialog::close);
    auto* bottom = new QHBoxLayout;
    bottom->addStretch(1);
    bottom->addWidget(closeButton);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(banner);
    layout->addWidget(m_message);
    layout->addWidget(m_tabs, 1);
    layout->addLayout(bottom);

    connect(m_access, &AdminAccess::stateChanged, this, &AdminPanel::followAccess);
    followAccess();
    m_search->setFocus();
}

QAction* AdminPanel::addPanelAction(const QString& name, const QString& text,
                                    const QKeySequence& key) {
    auto* action = new QAction(text, this);
    action->setObjectName(name);
    action->setShortcut(key);
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(action);
    return action;
}

QPushButton* AdminPanel::buttonFor(QAction* action, QWidget* parent) {
    auto* button = new QPushButton(action->text(), parent);
    button->setObjectName(action->objectName() + u"Button"_s);
    button->setAccessibleName(QString(action->text()).remove(u'&').remove(u'\u2026'));
    button->setToolTip(action->shortcut().toString(QKeySequence::NativeText));
    button->setAutoDefault(false);
    connect(button, &QPushButton::clicked, action, &QAction::trigger);
    connect(action, &QAction::enabledChanged, button, &QWidget::setEnabled);
    return button;
}

QWidget* AdminPanel::createUsersPage() {
    auto* page = new QWidget(this);
    m_search = new QLineEdit(page);
    m_search->setObjectName(u"userSearch"_s);
    m_search->setAccessibleName(tr("Search users by username or email"));
    m_search->setPlaceholderText(tr("Search username or email"));
    ClearButton::enable(m_search);
    m_search->setMaxLength(200);
    m_searchDelay = new QTimer(this);
    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(kSearchDelayMs);
    connect(m_search, &QLineEdit::textChanged, m_searchDelay, qOverload<>(&QTimer::start));
    const auto search = [this] {
        m_searchDelay->stop();
        m_users->setSearch(m_search->text().trimmed());
    };
    connect(m_searchDelay, &QTimer::timeout, this, search);
    connect(m_search, &QLineEdit::returnPressed, this, search);
    auto* searchLabel = new QLabel(tr("&Search:"), page);
    searchLabel->setBuddy(m_search);

    m_userTable = tableView(page, u"userTable"_s, tr("Users"), m_users);
    connect(m_userTable, &QTableView::activated, this, &AdminPanel::editUser);
    connect(m_userTable->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &AdminPanel::updateActions);
    connect(m_users, &QAbstractItemModel::modelReset, this, &AdminPanel::updateActions);
    m_userStatus = statusLabel(page, u"userStatus"_s);
    auto* loadMore = loadMoreButton(page, u"loadMoreUsers"_s, m_users);
    connect(m_users, &AdminPagedModel::statusChanged, this, [this, loadMore] {
        m_userStatus->setText(m_users->statusText());
        loadMore->setVisible(m_users->total() > m_users->rowCount() ||
                             !m_users->errorText().isEmpty());
    });

    auto* top = new QHBoxLayout;
    top->addWidget(searchLabel);
    top->addWidget(m_search, 1);
    auto* buttons = new QHBoxLayout;
    for (QAction* action : {m_newAction, m_editAction, m_resetAction, m_unlockAction,
                            m_deleteAction, m_userAuditAction, m_refreshAction})
        buttons->addWidget(buttonFor(action, page));
    buttons->addStretch(1);
    auto* bottom = new QHBoxLayout;
    bottom->addWidget(m_userStatus, 1);
    bottom->addWidget(loadMore);
    auto* layout = new QVBoxLayout(page);
    layout->addLayout(top);
    layout->addLayout(buttons);
    layout->addWidget(m_userTable, 1);
    layout->addLayout(bottom);
    loadMore->hide();
    return page;
}

QWidget* AdminPanel::createAuditPage() {
    auto* page = new QWidget(this);
    m_auditUser = new QLabel(page);
    m_auditUser->setObjectName(u"auditUserFilter"_s);
    m_clearAuditUser = new QPushButton(tr("Every &User"), page);
    m_clearAuditUser->setObjectName(u"clearAuditUser"_s);
    m_clearAuditUser->setAccessibleName(tr("Show every user"));
    m_clearAuditUser->setAutoDefault(false);
    connect(m_clearAuditUser, &QPushButton::clicked, this, [this] {
        AuditFilter filter = m_audit->filter();
        filter.userId.reset();
        m_auditUsername.clear();
        m_audit->setFilter(filter);
        updateAuditFilterLabel();
    });
    m_auditAction = new QComboBox(page);
    m_auditAction->setObjectName(u"auditAction"_s);
    m_auditAction->setAccessibleName(tr("Show only this action"));
    for (const auto& [action, words] : AdminText::actionChoices())
        m_auditAction->addItem(words, action);
    connect(m_auditAction, &QComboBox::currentIndexChanged, this, [this] {
        AuditFilter filter = m_audit->filter();
        filter.action = m_auditAction->currentData().toString();
        m_audit->setFilter(filter);
    });
    auto* actionLabel = new QLabel(tr("A&ction:"), page);
    actionLabel->setBuddy(m_auditAction);

    m_auditTable = tableView(page, u"auditTable"_s, tr("Audit log"), m_audit);
    m_auditTable->setWordWrap(true);
    m_auditStatus = statusLabel(page, u"auditStatus"_s);
    auto* loadMore = loadMoreButton(page, u"loadMoreAudit"_s, m_audit);
    connect(m_audit, &AdminPagedModel::statusChanged, this, [this, loadMore] {
        m_auditStatus->setText(m_audit->statusText());
        loadMore->setVisible(m_audit->total() > m_audit->rowCount() ||
                             !m_audit->errorText().isEmpty());
    });

    auto* filters = new QHBoxLayout;
    filters->addWidget(m_auditUser, 1);
    filters->addWidget(m_clearAuditUser);
    filters->addWidget(actionLabel);
    filters->addWidget(m_auditAction);
    auto* bottom = new QHBoxLayout;
    bottom->addWidget(m_auditStatus, 1);
    bottom->addWidget(loadMore);
    auto* layout = new QVBoxLayout(page);
    layout->addLayout(filters);
    layout->addWidget(m_auditTable, 1);
    layout->addLayout(bottom);
    loadMore->hide();
    updateAuditFilterLabel();
    return page;
}

void AdminPanel::followAccess() {
    using State = AdminAccess::State;
    const State state = m_access ? m_access->state() : State::NotAdmin;
    const bool usable = m_access && m_access->isAdmin();
    // Rows only while the server calls this account an admin: a lost session
    // or lost rights leave nothing of the server's users on screen.
    m_users->setClient(usable ? m_access->client() : nullptr);
    m_audit->setClient(usable ? m_access->client() : nullptr);
    const QString problem = m_access ? m_access->problemText() : QString();
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    m_logIn->setVisible(state == State::NeedsLogin);
    m_retry->setVisible(state == State::Offline);
    m_tabs->setEnabled(usable);
    if (!usable)
        m_message->hide();
    updateActions();
}

int AdminPanel::selectedRow() const {
    const QModelIndexList rows = m_userTable->selectionModel()->selectedRows();
    if (!rows.isEmpty())
        return rows.first().row();
    const QModelIndex current = m_userTable->currentIndex();
    return current.isValid() ? current.row() : -1;
}

void AdminPanel::updateActions() {
    const bool usable = m_users->client() != nullptr;
    const bool selected = usable && m_users->userAt(selectedRow()).has_value();
    m_newAction->setEnabled(usable);
    m_refreshAction->setEnabled(m_access != nullptr);
    for (QAction* action :
         {m_editAction, m_resetAction, m_unlockAction, m_deleteAction, m_userAuditAction})
        action->setEnabled(selected);
}

void AdminPanel::updateAuditFilterLabel() {
    m_auditUser->setText(m_auditUsername.isEmpty() ? tr("Every user")
                                                   : tr("User: %1").arg(m_auditUsername));
    m_clearAuditUser->setEnabled(!m_auditUsername.isEmpty());
}

void AdminPanel::say(const QString& message, bool refusal) {
    m_message->setText(message);
    m_message->setStyleSheet(refusal ? u"color: #c01c28; font-weight: bold;"_s : QString());
    m_message->setVisible(!message.isEmpty());
}

void AdminPanel::newUser() {
    if (!m_users->client())
        return;
    auto* dialog = new UserDialog(m_users, std::nullopt, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this] { say(tr("The user was created."), false); });
    dialog->open();
}

void AdminPanel::editUser() {
    const std::optional<User> user = m_users->userAt(selectedRow());
    if (!user)
        return;
    auto* dialog = new UserDialog(m_users, user, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, name = user->username] {
        say(tr("The changes to %1 were saved.").arg(name), false);
    });
    dialog->open();
}

void AdminPanel::resetPassword() {
    const std::optional<User> user = m_users->userAt(selectedRow());
    if (!user)
        return;
    auto* dialog = new ResetPasswordDialog(m_users, *user, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, name = user->username] {
        say(tr("The password of %1 was reset; their sessions have ended.").arg(name), false);
    });
    dialog->open();
}

void AdminPanel::unlockUser() {
    const std::optional<User> user = m_users->userAt(selectedRow());
    if (!user)
        return;
    say(tr("Unlocking %1\u2026").arg(user->username), false);
    m_users->unlockUser(
        user->id, this, [this, name = user->username](const std::optional<ApiError>& refusal) {
            say(refusal ? AdminText::refusal(*refusal) : tr("%1 can log in again.").arg(name),
                refusal.has_value());
        });
}

void AdminPanel::deleteUser() {
    const std::optional<User> user = m_users->userAt(selectedRow());
    if (!user)
        return;
    say(tr("Asking the server what belongs to %1\u2026").arg(user->username), false);
    m_users->deletionScope(user->id, this, [this](const AdminResult<AdminUserDetails>& scope) {
        if (!scope.ok()) {
            say(AdminText::refusal(*scope.error), true);
            return;
        }
        say({}, false);
        const User& target = scope.value->user;
        auto* box =
            new QMessageBox(QMessageBox::Warning, tr("Delete User"),
                            tr("Delete the user %1 (%2)?").arg(target.username, target.email),
                            QMessageBox::NoButton, this);
        box->setObjectName(u"confirmDelete"_s);
        box->setInformativeText(
            tr("%1, %2 and every session of %3 are deleted with them, on the server and, at "
               "their next sync, on their devices. This cannot be undone.")
                .arg(countText(scope.value->taskCount, tr("1 task"), tr("%1 tasks")),
                     countText(scope.value->goalCount, tr("1 goal"), tr("%1 goals")),
                     target.username));
        QPushButton* confirm = box->addButton(tr("&Delete User"), QMessageBox::DestructiveRole);
        confirm->setObjectName(u"confirmDeleteButton"_s);
        QPushButton* cancel = box->addButton(QMessageBox::Cancel);
        box->setDefaultButton(cancel);
        box->setEscapeButton(cancel);
        box->setAttribute(Qt::WA_DeleteOnClose);
        connect(
            box, &QMessageBox::finished, this,
            [this, box, confirm, id = target.id, name = target.username] {
                if (box->clickedButton() != confirm)
                    return;
                say(tr("Deleting %1\u2026").arg(name), false);
                m_users->deleteUser(id, this, [this, name](const std::optional<ApiError>& refusal) {
                    say(refusal ? AdminText::refusal(*refusal) : tr("%1 was deleted.").arg(name),
                        refusal.has_value());
                });
            });
        box->open();
    });
}

void AdminPanel::showUserAudit() {
    const std::optional<User> user = m_users->userAt(selectedRow());
    if (!user)
        return;
    m_auditUsername = user->username;
    AuditFilter filter = m_audit->filter();
    filter.userId = user->id;
    updateAuditFilterLabel();
    m_audit->setFilter(filter);
    m_tabs->setCurrentIndex(1);
    m_auditTable->setFocus();
}

void AdminPanel::refresh() {
    say({}, false);
    if (!m_access)
        return;
    if (m_access->state() != AdminAccess::State::Admin)
        m_access->recheck();
    if (m_users->client()) {
        m_users->reload();
        m_audit->reload();
    }
}

} // namespace bizy
