#include "ChildDevice.h"

#include <QCoreApplication>
#include <QDeadlineTimer>

using namespace Qt::StringLiterals;

QString ChildDevice::toolPath() {
    return QCoreApplication::applicationDirPath() + u"/sync_device"_s;
}

ChildDevice::ChildDevice(QStringList arguments, QHash<QString, QString> environment)
    : m_arguments(std::move(arguments))
    , m_environment(std::move(environment)) {}

ChildDevice::~ChildDevice() {
    if (isRunning())
        kill();
}

bool ChildDevice::start(QString* error) {
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (auto it = m_environment.begin(); it != m_environment.end(); ++it)
        env.insert(it.key(), it.value());
    m_process.setProcessEnvironment(env);
    m_process.start(toolPath(), m_arguments);
    if (m_process.waitForStarted(10000))
        return true;
    if (error)
        *error = u"cannot start "_s + toolPath() + u": "_s + m_process.errorString();
    return false;
}

void ChildDevice::readAvailable() {
    m_log += QString::fromUtf8(m_process.readAllStandardError());
    m_partial += m_process.readAllStandardOutput();
    qsizetype end = 0;
    while ((end = m_partial.indexOf('\n')) >= 0) {
        const QString line = QString::fromUtf8(m_partial.left(end));
        m_partial.remove(0, end + 1);
        m_lines << line;
        m_log += line + u'\n';
    }
}

std::optional<QString> ChildDevice::nextLine(int timeoutMs) {
    const QDeadlineTimer deadline(timeoutMs);
    readAvailable();
    while (m_lines.isEmpty() && isRunning() && !deadline.hasExpired()) {
        m_process.waitForReadyRead(int(qMin<qint64>(deadline.remainingTime(), 1000)));
        readAvailable();
    }
    readAvailable();
    if (m_lines.isEmpty())
        return std::nullopt;
    return m_lines.takeFirst();
}

std::optional<QString> ChildDevice::waitForLine(const QString& prefix, int timeoutMs) {
    const QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        const auto line = nextLine(int(qMax<qint64>(deadline.remainingTime(), 1)));
        if (!line)
            return std::nullopt;
        if (line->startsWith(prefix))
            return line;
    }
    return std::nullopt;
}

void ChildDevice::kill() {
    m_process.kill(); // SIGKILL on Unix
    m_process.waitForFinished(10000);
    readAvailable();
}

int ChildDevice::wait(int timeoutMs) {
    if (!m_process.waitForFinished(timeoutMs) && isRunning()) {
        kill();
        return -1;
    }
    readAvailable();
    return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
}

QString ChildDevice::output() {
    readAvailable();
    return m_log;
}

int ChildDevice::run(const QStringList& arguments, const QHash<QString, QString>& environment,
                     QString* output) {
    ChildDevice child(arguments, environment);
    QString error;
    if (!child.start(&error)) {
        if (output)
            *output = error;
        return -1;
    }
    const int code = child.wait();
    if (output)
        *output = child.output();
    return code;
}
