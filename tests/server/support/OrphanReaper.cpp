#include "OrphanReaper.h"

#include <QCoreApplication>
#include <QProcess>

using namespace Qt::StringLiterals;

namespace OrphanReaper {

QString quoted(const QString& text) {
    QString escaped = text;
    escaped.replace(u"'"_s, u"'\\''"_s);
    return u"'"_s + escaped + u"'"_s;
}

void runWhenThisProcessEnds(const QString& shellCommand) {
    const QString pid = QString::number(QCoreApplication::applicationPid());
    QProcess reaper;
    reaper.setProgram(u"sh"_s);
    reaper.setArguments({u"-c"_s, u"while kill -0 "_s + pid +
                                      u" 2>/dev/null; do sleep 1; done; "_s + shellCommand});
    reaper.setStandardInputFile(QProcess::nullDevice());
    reaper.setStandardOutputFile(QProcess::nullDevice());
    reaper.setStandardErrorFile(QProcess::nullDevice());
    reaper.startDetached();
}

} // namespace OrphanReaper
