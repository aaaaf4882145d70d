#pragma once

#include <QObject>
#include <QUrl>

namespace bizy {

class ApiClient;
class Session;

// One server's client and login session, owned together: a Session is bound
// to its ApiClient's address, so another server means another connection.
class SyncConnection : public QObject {
    Q_OBJECT
public:
    explicit SyncConnection(const QUrl& server, QObject* parent = nullptr);
    ~SyncConnection() override;

    QUrl server() const;
    ApiClient* api() const { return m_api; }
    Session* session() const { return m_session; }

    // "http://localhost:8000" from what a user types ("localhost:8000",
    // " https://bizy.example.org/ "); an invalid URL when it cannot be one.
    static QUrl serverFromUserInput(const QString& text);

private:
    ApiClient* m_api;
    Session* m_session;
};

} // namespace bizy
