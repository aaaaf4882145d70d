#pragma once

#include <QHash>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <optional>

// sync_device (one device as its own process) run by a test: started with
// arguments and extra environment, its stdout read line by line as it comes,
// so the test can SIGKILL it at a chosen step.
class ChildDevice {
public:
    // sync_device beside the test executable.
    static QString toolPath();

    explicit ChildDevice(QStringList arguments, QHash<QString, QString> environment = {});
    ~ChildDevice();
    ChildDevice(const ChildDevice&) = delete;
    ChildDevice& operator=(const ChildDevice&) = delete;

    bool start(QString* error = nullptr);
    // The next line of stdout; nullopt when the process ended or `timeoutMs` passed.
    std::optional<QString> nextLine(int timeoutMs = 60000);
    // Reads lines until one starts with `prefix`; nullopt if none came.
    std::optional<QString> waitForLine(const QString& prefix, int timeoutMs = 60000);
    // SIGKILL, then reaps the process.
    void kill();
    // Waits for the end: the exit code, or -1 when it crashed or did not end in time.
    int wait(int timeoutMs = 300000);
    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }
    // Everything it wrote (stdout and stderr) so far, for failure messages.
    QString output();

    // Starts, waits, returns the exit code; `output` gets what it wrote.
    static int run(const QStringList& arguments, const QHash<QString, QString>& environment,
                   QString* output = nullptr);

private:
    void readAvailable();

    QStringList m_arguments;
    QHash<QString, QString> m_environment;
    QProcess m_process;
    QByteArray m_partial;
    QStringList m_lines; // complete lines not yet returned by nextLine()
    QString m_log;
};
