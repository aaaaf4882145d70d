// The never-answering Secret Service of with-silent-keyring.sh: owns
// org.freedesktop.secrets on the session bus until it is killed.
#include "SilentSecretService.h"

#include <QCoreApplication>
#include <cstdio>

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    SilentSecretService service;
    QString error;
    if (!service.registerOn(QDBusConnection::sessionBus(), &error)) {
        std::fprintf(stderr, "silent-secret-service: %s\n", qPrintable(error));
        return 1;
    }
    return app.exec();
}
