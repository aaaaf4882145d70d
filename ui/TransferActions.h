#pragma once

#include <QObject>
#include <QPointer>

class QAction;
class QProgressDialog;
class QWidget;

namespace bizy {

class StoreClient;

// File > Import... and Export...: a file dialog picks the file (its extension
// picks the format: JSON, CSV or iCalendar), then the import or export runs as
// one store job on the worker (core/transfer's TransferImporter and
// TransferExporter), so the window stays responsive. A long import shows a
// progress dialog; the end says in words what was done, or which line or
// record of the file was refused and why (nothing of a refused file is kept).
class TransferActions : public QObject {
    Q_OBJECT
public:
    explicit TransferActions(QWidget* window);

    void setStore(StoreClient* store);
    QAction* importAction() const { return m_import; }
    QAction* exportAction() const { return m_export; }

    // The same without the file dialog.
    void importFile(const QString& path);
    void exportFile(const QString& path);

signals:
    // After each import or export, with the words shown.
    void finished(bool ok, const QString& message);

private:
    void chooseImportFile();
    void chooseExportFile();
    void setBusy(bool busy);
    void report(bool ok, const QString& what, const QString& details);

    QWidget* m_window;
    QPointer<StoreClient> m_store;
    QAction* m_import;
    QAction* m_export;
    QPointer<QProgressDialog> m_progress;
    bool m_busy = false;
};

} // namespace bizy
