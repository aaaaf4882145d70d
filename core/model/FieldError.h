#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace bizy {

// One validation failure, in the shape of a FastAPI 422 entry: `loc` names the
// place (["body","title"], ["query","limit"], ["body","tags",2]).
struct FieldError {
    QJsonArray loc;
    QString msg;
    QString type;

    // A rule on one field's value failed (type "value_error").
    static FieldError valueError(const QString& field, QString msg);

    QJsonObject toJson() const;
    // The same error under a prefix, e.g. "body" for a request body.
    FieldError under(const QString& head) const;
    // "title: String should have at least 1 character", for logs and dialogs.
    QString describe() const;

    bool operator==(const FieldError&) const = default;
};

using FieldErrors = QList<FieldError>;

QJsonArray toJson(const FieldErrors& errors);

} // namespace bizy
