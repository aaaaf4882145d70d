#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <memory>
#include <optional>

namespace bizy::server {

// Reads the model's JSON reply against the shape its prompt asked for, and
// keeps the first thing that does not fit ("todays_mission.1.task: expected a
// non-empty string"). Reads after a problem return empty values, so a caller
// reads everything, then asks ok(). Keys the shape does not name are ignored.
class ReplyReader {
public:
    explicit ReplyReader(QJsonObject reply);

    QString text(const QString& key);                        // a non-empty string
    std::optional<QString> optionalText(const QString& key); // a string, or absent or null
    QJsonArray texts(const QString& key);                    // a list of non-empty strings
    QJsonArray list(const QString& key);                     // a list of anything
    qint64 integer(const QString& key, qint64 minimum, qint64 maximum);
    // A reader of the object at list[index] (a problem when it is not an object),
    // naming its place as "<key>.<index>".
    ReplyReader item(const QString& key, const QJsonArray& list, qsizetype index);

    // Notes a problem at `place` (relative to this reader), unless one is noted.
    void fail(const QString& place, const QString& what);
    bool ok() const { return m_problem->isEmpty(); }
    const QString& problem() const { return *m_problem; }

private:
    ReplyReader(QJsonObject object, QString path, std::shared_ptr<QString> problem);

    QJsonObject m_object;
    QString m_path;
    std::shared_ptr<QString> m_problem;
};

} // namespace bizy::server
