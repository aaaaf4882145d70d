#include "PromptTemplate.h"

#include <QFile>
#include <QRegularExpression>
#include <stdexcept>

using namespace Qt::StringLiterals;

namespace bizy::server::PromptTemplate {

QString render(const QString& name, const QHash<QString, QString>& values) {
    QFile file(u":/prompts/"_s + name + u".txt"_s);
    if (!file.open(QIODevice::ReadOnly))
        throw std::logic_error("no prompt template " + name.toStdString());
    const QString text = QString::fromUtf8(file.readAll());

    static const QRegularExpression placeholder(uR"(\{\{([a-z_]+)\}\})"_s);
    QString rendered;
    qsizetype copied = 0;
    for (const QRegularExpressionMatch& match : placeholder.globalMatch(text)) {
        const auto value = values.constFind(match.captured(1));
        if (value == values.constEnd())
            throw std::logic_error("prompt " + name.toStdString() + " has no value for " +
                                   match.captured(0).toStdString());
        rendered += QStringView(text).mid(copied, match.capturedStart() - copied);
        rendered += *value;
        copied = match.capturedEnd();
    }
    rendered += QStringView(text).mid(copied);
    return rendered.trimmed();
}

} // namespace bizy::server::PromptTemplate
