#include "AccountManager.h"

#include "AccountLog.h"
#include "RememberedLogin.h"
#include "SyncConnection.h"
#include "Workspace.h"
#include "auth/Session.h"
#include "store/LocalStore.h"
#include "sync/SyncScheduler.h"

#include <QFile>
#include <QFileInfo>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace bizy {

AccountManager::AccountManager(Options options, QObject* parent)
    : QObject(parent)
    , m_options(std::move(options)) {}

AccountManager::~AccountManager() {
    closeWorkspace();
}

QString AccountManager::accountKey() const {
    return m_workspace ? m_workspace->accountKey() : QString();
}

QUrl AccountManager::loginServer() const {
    return m_options.server.isEmpty() ? RememberedLogin::server() : m_options.server;
}

QString AccountManager::storePathFor(const QString& accountKey) const {
    if (!m_options.pinnedStore.isEmpty())
        return m_options.pinnedStore;
    return accountKey.isEmpty() ? LocalStore::defaultPath() : LocalStore::defaultPath(accountKey);
}

Status AccountManager::openWorkspace(const QString& path,
                                     std::unique_ptr<SyncConnection> connection,
                                     const QString& accountKey) {
    Result<std::unique_ptr<Workspace>> opened =
        Workspace::open(path, std::move(connection), accountKey);
    if (!opened) {
        qCCritical(lcAccount).noquote()
            << "cannot open the store" << path << "-" << opened.error().message;
        return opened.error();
    }
    m_workspace = std::move(opened).value();
    qCInfo(lcAccount).noquote() << "workspace" << (accountKey.isEmpty() ? u"local"_s : accountKey)
                                << "on" << path;
    emit workspaceChanged(m_workspace.get());
    return Done{};
}

void AccountManager::closeWorkspace() {
    if (!m_workspace)
        return;
    // Told first, so nobody holds on to what goes.
    std::unique_ptr<Workspace> closing = std::move(m_workspace);
    emit workspaceChanged(nullptr);
    closing.reset();
}

Status AccountManager::start() {
    const QString account = RememberedLogin::account();
    const QUrl rememberedServer = RememberedLogin::server();
    // A --server other than the remembered one is another account's server.
    const bool restore =
        !account.isEmpty() && (m_options.server.isEmpty() || m_options.server == rememberedServer);
    std::unique_ptr<SyncConnection> connection;
    if (restore)
        connection = std::make_unique<SyncConnection>(rememberedServer);
    if (Status s = openWorkspace(storePathFor(restore ? account : QString()), std::move(connection),
                                 restore ? account : QString());
        !s)
        return s;
    if (Session* session = m_workspace->session()) {
        Workspace* workspace = m_workspace.get();
        connect(
            session, &Session::restoreFinished, workspace,
            [workspace](bool restored) {
                qCInfo(lcAccount) << "saved login restored:" << restored;
                // Not restored: the engine says "Log in to sync"; the account's store stays open.
                workspace->startSync();
            },
            Qt::SingleShotConnection);
        session->restore(RememberedLogin::username());
    }
    return Done{};
}

Status AccountManager::useConnection(std::unique_ptr<SyncConnection> connection) {
    Session* session = connection->session();
    const QString key = session->accountKey();
    qCInfo(lcAccount).noquote() << "logged in as user" << session->claims().userId << "account"
                                << key;
    RememberedLogin::rememberAccount(key, connection->server());

    const QString target = storePathFor(key);
    const bool wasLocal = !m_workspace || m_workspace->isLocal();
    const QString from = m_workspace ? m_workspace->storePath() : QString();
    const bool samePlace = !from.isEmpty() && QFileInfo(from) == QFileInfo(target);
    const bool adopt = wasLocal && !samePlace && !QFile::exists(target);
    closeWorkspace();
    bool moved = false;
    if (adopt && !from.isEmpty() && QFile::exists(from)) {
        // The tasks made before the first login become this account's; the
        // outbox holds them as creates, so they sync up.
        qCInfo(lcAccount).noquote() << "moving the local store" << from << "to the account" << key;
        moved = LocalStore::moveFiles(from, target);
        if (!moved)
            qCWarning(lcAccount) << "the local tasks stay in the local store";
    }
    if (Status opened = openWorkspace(target, std::move(connection), key); !opened) {
        // Never leave the user without their tasks: back to the store we came from.
        RememberedLogin::forgetAccount();
        if (moved)
            LocalStore::moveFiles(target, from);
        if (!from.isEmpty())
            (void)openWorkspace(from, nullptr, QString());
        return opened;
    }
    m_workspace->startSync();
    emit accountChanged(key);
    return Done{};
}

void AccountManager::logOut() {
    Session* session = m_workspace ? m_workspace->session() : nullptr;
    if (!session || m_loggingOut)
        return;
    m_loggingOut = true;
    if (SyncScheduler* scheduler = m_workspace->scheduler())
        scheduler->stop();
    const bool alreadyOut = session->state() == Session::State::LoggedOut;
    connect(session, &Session::stateChanged, this, [this](Session::State state) {
        if (state == Session::State::LoggedOut)
            QTimer::singleShot(0, this, &AccountManager::finishLogout);
    });
    session->logout();
    // A session that was never restored does not change state; leave its account anyway.
    if (alreadyOut)
        QTimer::singleShot(0, this, &AccountManager::finishLogout);
}

void AccountManager::finishLogout() {
    if (!m_loggingOut)
        return;
    m_loggingOut = false;
    qCInfo(lcAccount).noquote() << "logged out of account" << accountKey();
    RememberedLogin::forgetAccount();
    closeWorkspace();
    if (Status opened = openWorkspace(storePathFor(QString()), nullptr, QString()); !opened) {
        emit errorOccurred(opened.error().message);
        return;
    }
    emit accountChanged(QString());
}

} // namespace bizy
