#include "TransferActions.h"

#include "UiLog.h"
#include "store/StoreClient.h"
#include "transfer/TransferExporter.h"
#include "transfer/TransferImporter.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QLocale>
#include <QMessageBox>
#include <QProgressDialog>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace bizy {

namespace {

QString startDirectory() {
    return QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
}

} // namespace

TransferActions::TransferActions(QWidget* window)
    : QObject(window)
    , m_window(window) {
    m_import = new QAction(tr("&Import..."), this);
    m_import->setObjectName(u"importTasks"_s);
    m_import->setToolTip(tr("Add the tasks and goals of a JSON, CSV or iCalendar file"));
    connect(m_import, &QAction::triggered, this, &TransferActions::chooseImportFile);
    m_export = new QAction(tr("&Export..."), this);
    m_export->setObjectName(u"exportTasks"_s);
    m_export->setToolTip(tr("Save your tasks and goals as a JSON, CSV or iCalendar file"));
    connect(m_export, &QAction::triggered, this, &TransferActions::chooseExportFile);
    setBusy(false);
}

void TransferActions::setStore(StoreClient* store) {
    m_store = store;
    setBusy(m_busy);
}

void TransferActions::setBusy(bool busy) {
    m_busy = busy;
    m_import->setEnabled(!busy && m_store);
    m_export->setEnabled(!busy && m_store);
}

void TransferActions::chooseImportFile() {
    auto* dialog = new QFileDialog(m_window, tr("Import Tasks"), startDirectory(),
                                   tr("Task files (*.json *.csv *.ics);;") + transferFileFilters());
    dialog->setObjectName(u"importFileDialog"_s);
    dialog->setAccessibleName(tr("Import Tasks"));
    dialog->setFileMode(QFileDialog::ExistingFile);
    dialog->setAcceptMode(QFileDialog::AcceptOpen);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, &TransferActions::importFile);
    dialog->open();
}

void TransferActions::chooseExportFile() {
    auto* dialog =
        new QFileDialog(m_window, tr("Export Tasks"), startDirectory(), transferFileFilters());
    dialog->setObjectName(u"exportFileDialog"_s);
    dialog->setAccessibleName(tr("Export Tasks"));
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(u"json"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    // A name without an extension gets the one of the format picked.
    connect(dialog, &QFileDialog::filterSelected, dialog, [dialog](const QString& filter) {
        const qsizetype star = filter.indexOf(u"*."_s);
        dialog->setDefaultSuffix(filter.mid(star + 2, filter.indexOf(u')', star) - star - 2));
    });
    connect(dialog, &QFileDialog::fileSelected, this, &TransferActions::exportFile);
    dialog->open();
}

void TransferActions::importFile(const QString& path) {
    if (!m_store || m_busy)
        return;
    setBusy(true);
    const QString name = QFileInfo(path).fileName();
    m_progress = new QProgressDialog(tr("Importing %1...").arg(name), QString(), 0, 0, m_window);
    m_progress->setObjectName(u"importProgress"_s);
    m_progress->setAccessibleName(tr("Import progress"));
    m_progress->setWindowTitle(tr("Import Tasks"));
    m_progress->setWindowModality(Qt::WindowModal);
    m_progress->setMinimumDuration(400); // a small file finishes before it would show
    m_progress->setAutoClose(false);
    m_progress->setAutoReset(false);
    // Reported on the store's thread; shown on this one.
    QPointer<QProgressDialog> progress = m_progress;
    const ImportProgress onProgress = [progress](qsizetype done, qsizetype total) {
        QMetaObject::invokeMethod(
            progress,
            [progress, done, total] {
                if (!progress)
                    return;
                progress->setMaximum(int(total));
                progress->setValue(int(done));
            },
            Qt::QueuedConnection);
    };
    m_store
        ->run([path, onProgress](LocalStore& store) {
            return TransferImporter::importFile(store, path, onProgress);
        })
        .then(this, [this, name](const Result<TransferSummary>& imported) {
            if (m_progress)
                m_progress->deleteLater();
            setBusy(false);
            if (!imported) {
                report(false, tr("Nothing was imported from %1.").arg(name),
                       imported.error().message);
                return;
            }
            const QLocale locale;
            report(
                true,
                tr("Imported from %1: tasks %2, goals %3.")
                    .arg(name, locale.toString(imported->tasks), locale.toString(imported->goals)),
                tr("They will be synced with your other devices."));
        });
}

void TransferActions::exportFile(const QString& path) {
    if (!m_store || m_busy)
        return;
    setBusy(true);
    const QString name = QFileInfo(path).fileName();
    m_store->run([path](LocalStore& store) { return TransferExporter::exportFile(store, path); })
        .then(this, [this, name, path](const Result<TransferSummary>& exported) {
            setBusy(false);
            if (!exported) {
                report(false, tr("Your tasks could not be exported."), exported.error().message);
                return;
            }
            const QLocale locale;
            report(
                true,
                exported->format == TransferFormat::Json
                    ? tr("Exported to %1: tasks %2, goals %3.")
                          .arg(name, locale.toString(exported->tasks),
                               locale.toString(exported->goals))
                    : tr("Exported to %1: tasks %2.").arg(name, locale.toString(exported->tasks)),
                QDir::toNativeSeparators(path));
        });
}

void TransferActions::report(bool ok, const QString& what, const QString& details) {
    if (ok)
        qCInfo(lcUi).noquote() << what;
    else
        qCWarning(lcUi).noquote() << what << details;
    auto* box = new QMessageBox(ok ? QMessageBox::Information : QMessageBox::Warning, tr("Bizy"),
                                what, QMessageBox::Ok, m_window);
    box->setObjectName(u"transferResult"_s);
    box->setInformativeText(details);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
    emit finished(ok, what + u'\n' + details);
}

} // namespace bizy
