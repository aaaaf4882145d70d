#pragma once

#include "model/FieldError.h"

#include <QStringList>
#include <QUrlQuery>
#include <optional>

namespace bizy::server {

// Reads and validates query parameters, collecting FastAPI-style errors with
// loc ["query", name]:
//
//     QueryParams params(request.query);
//     const qint64 limit = params.integer(u"limit"_s, 100, 1, 500);
//     const auto priority = params.optionalInteger(u"priority"_s, 1, 5);
//     const auto status = params.choice(u"status"_s, {u"pending"_s, u"completed"_s});
//     const auto search = params.text(u"search"_s, 200);
//     const bool counts = params.boolean(u"include_counts"_s, false);
//     if (!params.ok()) return Reply::validation(params.errors());
//
// An empty value ("?limit=") counts as absent.
class QueryParams {
public:
    explicit QueryParams(QUrlQuery query);

    qint64 integer(const QString& name, qint64 fallback, qint64 minimum, qint64 maximum);
    std::optional<qint64> optionalInteger(const QString& name, qint64 minimum, qint64 maximum);
    std::optional<QString> choice(const QString& name, const QStringList& allowed);
    std::optional<QString> text(const QString& name, qsizetype maxLength);
    bool boolean(const QString& name, bool fallback);
    std::optional<bool> optionalBoolean(const QString& name);

    bool ok() const { return m_errors.isEmpty(); }
    const bizy::FieldErrors& errors() const { return m_errors; }

private:
    std::optional<QString> raw(const QString& name) const;
    void fail(const QString& name, const QString& message, const QString& type);

    QUrlQuery m_query;
    bizy::FieldErrors m_errors;
};

} // namespace bizy::server
