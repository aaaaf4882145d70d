#include "SmtpSink.h"

#include "OrphanReaper.h"
#include "PgCluster.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTcpSocket>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

// Debian's interpreter, where python3-aiosmtpd is installed; a python3 found
// earlier on PATH (a pyenv one, say) does not see Debian's packages.
const QString kPython = u"/usr/bin/python3"_s;

SmtpSink::Mail parseMail(const QByteArray& raw) {
    SmtpSink::Mail mail;
    const QString text = QString::fromUtf8(raw).replace(u"\r\n"_s, u"\n"_s);
    const qsizetype split = text.indexOf(u"\n\n"_s);
    const QString head = split < 0 ? text : text.left(split);
    mail.body = split < 0 ? QString() : text.mid(split + 2);
    QByteArray lastName;
    for (const QString& line : head.split(u'\n')) {
        if ((line.startsWith(u' ') || line.startsWith(u'\t')) && !lastName.isEmpty()) {
            mail.headers[lastName] += u' ' + line.trimmed(); // a folded header
            continue;
        }
        const qsizetype colon = line.indexOf(u':');
        if (colon <= 0)
            continue;
        lastName = line.left(colon).trimmed().toLower().toLatin1();
        mail.headers.insert(lastName, line.mid(colon + 1).trimmed());
    }
    return mail;
}

} // namespace

SmtpSink::~SmtpSink() {
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(5000)) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

QString SmtpSink::maildir() const {
    // Not made yet: aiosmtpd makes a maildir's folders only when it makes the maildir.
    return m_dir.path() + u"/maildir"_s;
}

QString SmtpSink::url() const {
    return u"smtp://127.0.0.1:%1"_s.arg(m_port);
}

bool SmtpSink::start(QString* error) {
    auto failed = [&](const QString& why) {
        if (error)
            *error = why + u": "_s + QString::fromUtf8(m_process.readAll());
        return false;
    };
    if (!QFileInfo::exists(kPython))
        return failed(kPython +
                      u" is missing (scripts/install-deps.sh installs python3-aiosmtpd)"_s);
    m_port = PgCluster::freePort();
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    m_process.start(kPython,
                    {u"-m"_s, u"aiosmtpd"_s, u"-n"_s, u"-l"_s, u"127.0.0.1:%1"_s.arg(m_port),
                     u"-c"_s, u"aiosmtpd.handlers.Mailbox"_s, maildir()});
    if (!m_process.waitForStarted(10000))
        return failed(u"cannot start aiosmtpd"_s);
    // Only if that pid is still our sink: pids are reused, ports are unique.
    OrphanReaper::runWhenThisProcessEnds(
        u"tr '\\0' ' ' < /proc/%2/cmdline 2>/dev/null | grep -q 127.0.0.1:%1 && kill -9 %2"_s
            .arg(m_port)
            .arg(m_process.processId()));

    const QDeadlineTimer deadline(20000);
    while (!deadline.hasExpired()) {
        if (m_process.state() == QProcess::NotRunning)
            return failed(u"aiosmtpd exited with %1"_s.arg(m_process.exitCode()));
        QTcpSocket probe;
        probe.connectToHost(u"127.0.0.1"_s, m_port);
        if (probe.waitForConnected(500) && probe.waitForReadyRead(2000) &&
            probe.readAll().startsWith("220"))
            return true;
        QTest::qWait(100);
    }
    return failed(u"aiosmtpd did not greet on port %1"_s.arg(m_port));
}

QList<SmtpSink::Mail> SmtpSink::messages() const {
    // Maildir keeps new messages in new/, each file written whole before it
    // lands there; names start with the arrival time.
    QDir folder(maildir() + u"/new"_s);
    QList<Mail> mails;
    const QFileInfoList files = folder.entryInfoList(QDir::Files, QDir::Time | QDir::Reversed);
    for (const QFileInfo& file : files) {
        QFile in(file.filePath());
        if (in.open(QIODevice::ReadOnly))
            mails << parseMail(in.readAll());
    }
    return mails;
}

bool SmtpSink::waitForMessages(int count, int timeoutMs) const {
    const QDeadlineTimer deadline(timeoutMs);
    while (messages().size() < count) {
        if (deadline.hasExpired())
            return false;
        QTest::qWait(50);
    }
    return true;
}
