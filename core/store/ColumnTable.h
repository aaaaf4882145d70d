#pragma once

#include <QHash>
#include <QList>
#include <QSqlQuery>
#include <QString>
#include <QStringList>
#include <QVariant>

namespace bizy {

// How a column holds its value, for the set-based writes that read rows out of
// JSON inside SQLite.
enum class ColumnType { Text, Integer, Real, JsonArray, JsonObject };

// One column of an entity's table: the contract field it holds (sync shape),
// how to bind it from a row value and how to read it back.
template <typename Row> struct Column {
    QString field;
    QString name;
    ColumnType type = ColumnType::Text;
    QVariant (*bind)(const Row&) = nullptr;
    void (*read)(Row&, const QVariant&) = nullptr;
    // What a value missing from JSON becomes in set-based writes (SQL); empty: NULL.
    QString fallback = {};
};

// An entity's columns as data, and the statements generated from them, so the
// list of columns is written once (TaskTable, GoalTable) instead of in every
// statement. The first column is the key (the uuid). Columns outside the table
// (bookkeeping such as `pushed`) are added by the caller as extras.
template <typename Row> class ColumnTable {
public:
    ColumnTable(QString table, QList<Column<Row>> columns)
        : m_table(std::move(table))
        , m_columns(std::move(columns)) {
        for (const Column<Row>& column : m_columns)
            m_names << column.name;
        m_selectList = m_names.join(QStringLiteral(", "));
        m_insert =
            QStringLiteral("INSERT INTO %1 (%2, pushed) VALUES (%3?)")
                .arg(m_table, m_selectList, QStringLiteral("?, ").repeated(int(m_columns.size())));
        QStringList assignments;
        for (qsizetype i = 1; i < m_columns.size(); ++i)
            assignments << m_names.at(i) + QStringLiteral(" = ?");
        m_update = QStringLiteral("UPDATE %1 SET %2, pushed = max(pushed, ?) WHERE %3 = ?")
                       .arg(m_table, assignments.join(QStringLiteral(", ")), m_names.first());
        QStringList fromExcluded;
        for (qsizetype i = 1; i < m_columns.size(); ++i)
            fromExcluded << m_names.at(i) + QStringLiteral(" = excluded.") + m_names.at(i);
        m_upsert = QStringLiteral("ON CONFLICT(%1) DO UPDATE SET %2, pushed = 1")
                       .arg(m_names.first(), fromExcluded.join(QStringLiteral(", ")));
    }

    const QString& table() const { return m_table; }
    const QList<Column<Row>>& columns() const { return m_columns; }
    const Column<Row>* byField(QStringView field) const {
        for (const Column<Row>& column : m_columns) {
            if (column.field == field)
                return &column;
        }
        return nullptr;
    }

    // "uuid, server_id, ..."; with an alias "t.uuid, t.server_id, ...".
    QString selectList(QStringView alias = {}) const {
        if (alias.isEmpty())
            return m_selectList;
        const QString prefix = alias.toString() + QLatin1Char('.');
        return prefix + m_names.join(QStringLiteral(", ") + prefix);
    }

    // A row from the columns of selectList() starting at `first`.
    Row read(const QSqlQuery& query, int first = 0) const {
        Row row;
        for (qsizetype i = 0; i < m_columns.size(); ++i)
            m_columns.at(i).read(row, query.value(first + int(i)));
        return row;
    }

    // The row's values in column order.
    QVariantList values(const Row& row) const {
        QVariantList values;
        values.reserve(m_columns.size());
        for (const Column<Row>& column : m_columns)
            values << column.bind(row);
        return values;
    }

    // INSERT of every column and `pushed`: bind insertValues().
    const QString& insertStatement() const { return m_insert; }
    QVariantList insertValues(const Row& row, bool pushed) const {
        QVariantList all = values(row);
        all << (pushed ? 1 : 0);
        return all;
    }

    // UPDATE of every column but the key; `pushed` only ever goes up: bind updateValues().
    const QString& updateStatement() const { return m_update; }
    QVariantList updateValues(const Row& row, bool pushed) const {
        QVariantList all = values(row);
        const QVariant key = all.takeFirst();
        all << (pushed ? 1 : 0) << key;
        return all;
    }

    // The update half of an INSERT ... SELECT whose rows come from the server.
    const QString& upsertClause() const { return m_upsert; }

    // The columns read out of a JSON object `source` (an SQL expression) in the
    // sync shape, with a column's fallback where the object lacks it;
    // `overrides` replaces the expression of some columns (by column name).
    QString jsonProjection(QStringView source,
                           const QHash<QString, QString>& overrides = {}) const {
        QStringList expressions;
        for (const Column<Row>& column : m_columns) {
            if (const auto it = overrides.constFind(column.name); it != overrides.constEnd()) {
                expressions << *it;
                continue;
            }
            QString expression;
            const QString path = QStringLiteral("'$.") + column.field + QLatin1Char('\'');
            switch (column.type) {
            case ColumnType::JsonArray:
                expression =
                    QStringLiteral("CASE json_type(%1, %2) WHEN 'array' THEN %1 -> '%3' END")
                        .arg(source, path, column.field);
                break;
            case ColumnType::JsonObject:
                expression =
                    QStringLiteral("CASE json_type(%1, %2) WHEN 'object' THEN %1 -> '%3' END")
                        .arg(source, path, column.field);
                break;
            default:
                expression = QStringLiteral("%1 ->> '%2'").arg(source, column.field);
                break;
            }
            if (!column.fallback.isEmpty())
                expression = QStringLiteral("coalesce(%1, %2)").arg(expression, column.fallback);
            expressions << expression;
        }
        return expressions.join(QStringLiteral(", "));
    }

    // A JSON object of `fields` (contract names) built by SQLite from this
    // table's columns, as the sync shape has them: lists and objects as JSON,
    // NULL as null. Fields without a column are left out.
    QString jsonObject(const QList<QString>& fields) const {
        QStringList pairs;
        for (const QString& field : fields) {
            const Column<Row>* column = byField(field);
            if (!column)
                continue;
            const bool json =
                column->type == ColumnType::JsonArray || column->type == ColumnType::JsonObject;
            pairs << QStringLiteral("'%1', %2")
                         .arg(field,
                              json ? QStringLiteral("json(%1)").arg(column->name) : column->name);
        }
        return QStringLiteral("json_object(%1)").arg(pairs.join(QStringLiteral(", ")));
    }

    // The columns read out of a JSON array `source` holding values() in order.
    QString arrayProjection(QStringView source) const {
        QStringList expressions;
        for (qsizetype i = 0; i < m_columns.size(); ++i)
            expressions << QStringLiteral("%1 ->> %2").arg(source).arg(i);
        return expressions.join(QStringLiteral(", "));
    }

private:
    QString m_table;
    QList<Column<Row>> m_columns;
    QStringList m_names;
    QString m_selectList;
    QString m_insert;
    QString m_update;
    QString m_upsert;
};

} // namespace bizy
