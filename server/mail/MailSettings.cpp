#include "MailSettings.h"

#include <QUrl>

using namespace Qt::StringLiterals;

namespace bizy::server {

namespace {

bizy::Error settingError(const QString& message) {
    return bizy::Error::make(bizy::Error::Code::Incompatible, message);
}

} // namespace

QString MailSettings::describe() const {
    return enabled() ? smtpHost + u':' + QString::number(smtpPort) : u"none"_s;
}

bool MailSettings::isPlainAddress(const QString& address) {
    const qsizetype at = address.lastIndexOf(u'@');
    if (at <= 0 || at == address.size() - 1 || address.size() > 254)
        return false;
    for (const QChar c : address) {
        if (c.unicode() <= 0x20 || c == u'<' || c == u'>' || c.unicode() == 0x7f)
            return false;
    }
    return true;
}

bizy::Result<MailSettings> MailSettings::fromVariables(const QHash<QString, QString>& variables) {
    MailSettings settings;
    const QString urlText = variables.value(u"BIZY_SMTP_URL"_s).trimmed();
    if (urlText.isEmpty())
        return settings;
    const QUrl url(urlText, QUrl::StrictMode);
    if (!url.isValid() || url.scheme() != u"smtp"_s || url.host().isEmpty() ||
        !url.userInfo().isEmpty() || (!url.path().isEmpty() && url.path() != u"/"_s) ||
        url.hasQuery())
        return settingError(u"BIZY_SMTP_URL must look like smtp://host:port (plain SMTP, no "
                            "user or password), got \""_s +
                            urlText + u"\""_s);
    settings.smtpHost = url.host();
    const int port = url.port(25);
    if (port < 1 || port > 65535)
        return settingError(u"BIZY_SMTP_URL has an invalid port"_s);
    settings.smtpPort = quint16(port);

    settings.from = variables.value(u"BIZY_MAIL_FROM"_s).trimmed();
    if (!isPlainAddress(settings.from))
        return settingError(u"BIZY_MAIL_FROM must be set to the sender address (such as "
                            "bizy@example.com) when BIZY_SMTP_URL is set"_s);
    return settings;
}

} // namespace bizy::server
