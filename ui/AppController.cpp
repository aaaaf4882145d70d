#include "AppController.h"

#include "LoginDialog.h"
#include "MainWindow.h"
#include "SyncConnection.h"
#include "UiLog.h"
#include "auth/Session.h"
#include "store/LocalStore.h"
#include "sync/SyncEngine.h"

#include <QApplication>
#include <QFile>
#include <QFileInfo>
#include <QMessageBox>
#include <QSettings>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace bizy {

namespace {
const QString kAccountKey = u"Sync/account"_s;
const QString kServerKey = u"Sync/server"_s;
} // namespace

AppController::AppController(Options options, QObject* parent)
    : QObject(parent)
    , m_options(std::move(options)) {}

AppController::~AppController() {
    if (m_window)
        m_window->saveSettings();
    closeWindowAndStore();
}

MainWindow* AppController::window() const {
    return m_window.data();
}

SyncEngine* AppController::engine() const {
    return m_engine.data();
}

Session* AppController::session() const {
    return m_connection ? m_connection->session() : nullptr;
}

bool AppController::start(QString* error) {
    QSettings settings;
    const QString account = settings.value(kAccountKey).toString();
    const QUrl rememberedServer = settings.value(kServerKey).toUrl();
    // A --server other than the remembered one is another account's server.
    const bool restore = !account.isEmpty() && rememberedServer.isValid() &&
                         !rememberedServer.isEmpty() &&
                         (m_options.server.isEmpty() || m_options.server == rememberedServer);
    const QString path = !m_options.pinnedStore.isEmpty() ? m_options.pinnedStore
                         : restore                        ? LocalStore::defaultPath(account)
                                                          : LocalStore::defaultPath();
    if (!openStore(path, error))
        return false;
    if (restore) {
        m_accountKey = account;
        m_connection = std::make_unique<SyncConnection>(rememberedServer);
        attachEngine();
    }
    buildWindow();
    if (restore) {
        Session* session = m_connection->session();
        connect(
            session, &Session::restoreFinished, this,
            [this](bool restored) {
                qCInfo(lcUi) << "saved login restored:" << restored;
                // Not restored: the engine says "Log in to sync"; the account's store stays open.
                if (m_engine)
                    m_engine->start();
            },
            Qt::SingleShotConnection);
        session->restore(LoginDialog::rememberedUsername());
    }
    return true;
}

bool AppController::openStore(const QString& path, QString* error) {
    Result<std::unique_ptr<LocalStore>> store = LocalStore::open(path);
    if (!store) {
        qCCritical(lcUi).noquote()
            << "cannot open the store" << path << "-" << store.error().message;
        if (error)
            *error = store.error().message;
        return false;
    }
    m_store = std::move(store.value());
    qCInfo(lcUi).noquote() << "store" << path << "with" << m_store->taskCount().value_or(0)
                           << "tasks";
    return true;
}

void AppController::attachEngine() {
    delete m_engine;
    if (!m_connection || !m_store)
        return;
    m_engine = new SyncEngine(m_store.get(), m_connection->api(), m_connection->session(), this);
    if (m_window)
        m_window->setSync(m_connection->session(), m_engine);
}

void AppController::buildWindow() {
    auto* window = new MainWindow(m_store.get());
    window->setAttribute(Qt::WA_DeleteOnClose, false);
    connect(window, &MainWindow::loginRequested, this, &AppController::showLogin);
    connect(window, &MainWindow::logoutRequested, this, &AppController::logOut);
    window->setSync(session(), m_engine);
    m_window = window;
    window->show();
    emit windowChanged(window);
}

void AppController::closeWindowAndStore() {
    // The window and the engine point into the store: they go first.
    if (m_window) {
        m_window->hide(); // hiding, unlike closing, does not end the application
        delete m_window.data();
    }
    delete m_engine.data();
    m_store.reset();
}

bool AppController::useConnection(std::unique_ptr<SyncConnection> connection, QString* error) {
    Session* session = connection->session();
    const QString key = session->accountKey();
    qCInfo(lcUi).noquote() << "logged in as user" << session->claims().userId << "account" << key;
    QSettings().setValue(kAccountKey, key);
    QSettings().setValue(kServerKey, connection->server());

    const QString target =
        m_options.pinnedStore.isEmpty() ? LocalStore::defaultPath(key) : m_options.pinnedStore;
    if (m_store && QFileInfo(m_store->path()) == QFileInfo(target)) {
        // Same store (the same account again, or a pinned store): only the session changes.
        m_accountKey = key;
        std::unique_ptr<SyncConnection> old = std::exchange(m_connection, std::move(connection));
        attachEngine();
        m_engine->start();
        emit accountChanged(key);
        return true;
    }

    const bool adopt = m_accountKey.isEmpty() && !QFile::exists(target);
    const QString from = m_store ? m_store->path() : QString();
    if (m_window)
        m_window->saveSettings();
    closeWindowAndStore();
    m_connection = std::move(connection);
    if (adopt && !from.isEmpty() && QFile::exists(from)) {
        // The tasks made before the first login become this account's; the outbox
        // holds them as creates, so they sync up.
        qCInfo(lcUi).noquote() << "moving the local store" << from << "to the account" << key;
        if (!LocalStore::moveFiles(from, target))
            qCWarning(lcUi) << "the local tasks stay in the local store";
    }
    QString openError;
    if (!openStore(target, &openError)) {
        // Never leave the user without their tasks: back to the store we came from.
        if (error)
            *error = openError;
        m_connection.reset();
        QSettings().remove(kAccountKey);
        m_accountKey.clear();
        if (!openStore(from, &openError))
            return false;
        buildWindow();
        auto* box = new QMessageBox(QMessageBox::Warning, tr("Bizy"),
                                    tr("The tasks of this account could not be opened."),
                                    QMessageBox::Ok, m_window);
        box->setInformativeText(*error);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
        return false;
    }
    m_accountKey = key;
    attachEngine();
    buildWindow();
    m_engine->start();
    emit accountChanged(key);
    return true;
}

void AppController::showLogin() {
    if (!m_window)
        return;
    QUrl server = m_options.server.isEmpty() ? LoginDialog::rememberedServer() : m_options.server;
    QString username = LoginDialog::rememberedUsername();
    if (Session* current = session(); current && !current->claims().username.isEmpty())
        username = current->claims().username;
    auto* dialog = new LoginDialog(server, username, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        std::unique_ptr<SyncConnection> connection = dialog->takeConnection();
        if (!connection)
            return;
        connection->setParent(this); // kept alive until the switch below runs
        SyncConnection* pending = connection.release();
        // Later: the switch deletes the window, the dialog's parent.
        QTimer::singleShot(0, this, [this, pending] {
            pending->setParent(nullptr);
            useConnection(std::unique_ptr<SyncConnection>(pending));
        });
    });
    dialog->open();
}

void AppController::logOut() {
    Session* current = session();
    if (!current || m_loggingOut)
        return;
    m_loggingOut = true;
    if (m_engine)
        m_engine->stop();
    const bool alreadyOut = current->state() == Session::State::LoggedOut;
    connect(current, &Session::stateChanged, this, [this](Session::State state) {
        if (state == Session::State::LoggedOut)
            QTimer::singleShot(0, this, &AppController::finishLogout);
    });
    current->logout();
    // A session that was never restored does not change state; leave its account anyway.
    if (alreadyOut)
        QTimer::singleShot(0, this, &AppController::finishLogout);
}

void AppController::finishLogout() {
    if (!m_loggingOut)
        return;
    m_loggingOut = false;
    qCInfo(lcUi).noquote() << "logged out of account" << m_accountKey;
    QSettings().remove(kAccountKey);
    const QString target =
        m_options.pinnedStore.isEmpty() ? LocalStore::defaultPath() : m_options.pinnedStore;
    if (m_window)
        m_window->saveSettings();
    closeWindowAndStore();
    m_connection.reset();
    m_accountKey.clear();
    QString error;
    if (!openStore(target, &error)) {
        QMessageBox::critical(nullptr, tr("Bizy"),
                              tr("Bizy cannot open your tasks.") + u"\n"_s + error);
        QApplication::quit();
        return;
    }
    buildWindow();
    emit accountChanged(QString());
}

} // namespace bizy
