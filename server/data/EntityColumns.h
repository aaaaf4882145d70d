#pragma once

#include "data/EntityColumn.h"

#include <QByteArray>
#include <QList>
#include <QSqlQuery>
#include <QString>
#include <QStringList>
#include <QVariantList>
#include <algorithm>
#include <numeric>

namespace bizy::server {

// Which writer an UPDATE is for: REST never changes a row's creation time.
enum class UpdateBy { Rest, Sync };

// The stored fields of one entity as data, in the table's column order, and
// what is generated from them: SELECT lists, INSERT and UPDATE statements with
// their values, the row reader and the JSON projection. No statement lists
// these columns by hand. A SELECT starting with selectList() is read back by
// read() from index 0 (the table's own index); a caller selecting more reads
// it from size() on. Statements take `?` placeholders (DbSession), filled by
// the matching *Values() in the same order.
template <typename Entity> class EntityColumns {
public:
    using Column = EntityColumn<Entity>;

    EntityColumns(QString table, QList<Column> columns);

    const QString& table() const { return m_table; }
    const QList<Column>& columns() const { return m_columns; }
    qsizetype size() const { return m_columns.size(); }

    // "t.id, t.uuid::text, ..." for alias `t`; bare names without an alias.
    QString selectList(const QString& alias = QString()) const;
    Entity read(const QSqlQuery& row) const;

    // INSERT of every column but the key, then `extra`, RETURNING the key.
    // Bind insertValues(), then the extra values.
    QString insertSql(const QList<SqlColumn>& extra = {}) const;
    QVariantList insertValues(const Entity& entity) const;
    // UPDATE of the columns `writer` writes, then `extra`, of the row with a
    // given key and owner. Bind updateValues(), the extra values, key, owner.
    QString updateSql(UpdateBy writer, const QList<SqlColumn>& extra = {}) const;
    QVariantList updateValues(const Entity& entity, UpdateBy writer) const;

    // The fields the delta sync merges one by one and field_versions stamps
    // (content and creation time); each is also its column's name.
    const QStringList& mergedFields() const { return m_mergedFields; }

    // The entity as one compact JSON object, keys sorted as QJsonDocument
    // writes them.
    void appendJson(QByteArray& out, const Entity& entity) const;

private:
    struct JsonSlot {
        QByteArray key; // `"name":`, after a comma but for the first
        qsizetype column = 0;
    };

    QVariantList values(const Entity& entity, const QList<qsizetype>& columns) const;

    QString m_table;
    QList<Column> m_columns;
    qsizetype m_key = -1;
    qsizetype m_owner = -1;
    QList<qsizetype> m_inserted;
    QList<qsizetype> m_updatedByRest;
    QList<qsizetype> m_updatedBySync;
    QStringList m_mergedFields;
    QList<JsonSlot> m_json;
};

template <typename Entity>
EntityColumns<Entity>::EntityColumns(QString table, QList<Column> columns)
    : m_table(std::move(table))
    , m_columns(std::move(columns)) {
    for (qsizetype i = 0; i < m_columns.size(); ++i) {
        const Column& column = m_columns[i];
        switch (column.role) {
        case ColumnRole::Key:
            m_key = i;
            continue; // the database assigns it
        case ColumnRole::Owner:
            m_owner = i;
            break;
        case ColumnRole::Identity:
            break;
        case ColumnRole::Content:
        case ColumnRole::Revision:
            m_updatedByRest << i;
            m_updatedBySync << i;
            break;
        case ColumnRole::CreationTime:
            m_updatedBySync << i;
            break;
        }
        m_inserted << i;
        if (column.role == ColumnRole::Content || column.role == ColumnRole::CreationTime)
            m_mergedFields << column.field;
    }
    Q_ASSERT(m_key >= 0 && m_owner >= 0); // statements need both
    QList<qsizetype> byName(m_columns.size());
    std::iota(byName.begin(), byName.end(), 0);
    std::sort(byName.begin(), byName.end(),
              [this](qsizetype a, qsizetype b) { return m_columns[a].field < m_columns[b].field; });
    for (qsizetype i : byName) {
        QByteArray key = m_json.isEmpty() ? QByteArray() : QByteArray(",");
        key += '"' + m_columns[i].field.toUtf8() + "\":";
        m_json.append({key, i});
    }
}

template <typename Entity> QString EntityColumns<Entity>::selectList(const QString& alias) const {
    QStringList expressions;
    for (const Column& column : m_columns)
        expressions << column.sql.selectExpression(alias);
    return expressions.join(QLatin1String(", "));
}

template <typename Entity> Entity EntityColumns<Entity>::read(const QSqlQuery& row) const {
    Entity entity;
    for (qsizetype i = 0; i < m_columns.size(); ++i)
        m_columns[i].read(row.value(int(i)), entity);
    return entity;
}

template <typename Entity>
QString EntityColumns<Entity>::insertSql(const QList<SqlColumn>& extra) const {
    QStringList names;
    QStringList placeholders;
    for (qsizetype i : m_inserted) {
        names << m_columns[i].sql.name;
        placeholders << m_columns[i].sql.placeholder();
    }
    for (const SqlColumn& column : extra) {
        names << column.name;
        placeholders << column.placeholder();
    }
    return QLatin1String("INSERT INTO ") + m_table + QLatin1String(" (") +
           names.join(QLatin1String(", ")) + QLatin1String(") VALUES (") +
           placeholders.join(QLatin1String(", ")) + QLatin1String(") RETURNING ") +
           m_columns[m_key].sql.name;
}

template <typename Entity>
QVariantList EntityColumns<Entity>::insertValues(const Entity& entity) const {
    return values(entity, m_inserted);
}

template <typename Entity>
QString EntityColumns<Entity>::updateSql(UpdateBy writer, const QList<SqlColumn>& extra) const {
    QStringList assignments;
    for (qsizetype i : writer == UpdateBy::Rest ? m_updatedByRest : m_updatedBySync)
        assignments << m_columns[i].sql.name + QLatin1String(" = ") +
                           m_columns[i].sql.placeholder();
    for (const SqlColumn& column : extra)
        assignments << column.name + QLatin1String(" = ") + column.placeholder();
    return QLatin1String("UPDATE ") + m_table + QLatin1String(" SET ") +
           assignments.join(QLatin1String(", ")) + QLatin1String(" WHERE ") +
           m_columns[m_key].sql.name + QLatin1String(" = ? AND ") + m_columns[m_owner].sql.name +
           QLatin1String(" = ?");
}

template <typename Entity>
QVariantList EntityColumns<Entity>::updateValues(const Entity& entity, UpdateBy writer) const {
    return values(entity, writer == UpdateBy::Rest ? m_updatedByRest : m_updatedBySync);
}

template <typename Entity>
void EntityColumns<Entity>::appendJson(QByteArray& out, const Entity& entity) const {
    out.append('{');
    for (const JsonSlot& slot : m_json) {
        out.append(slot.key);
        m_columns[slot.column].appendJson(out, entity);
    }
    out.append('}');
}

template <typename Entity>
QVariantList EntityColumns<Entity>::values(const Entity& entity,
                                           const QList<qsizetype>& columns) const {
    QVariantList out;
    out.reserve(columns.size() + 4); // room for the caller's extra, key and owner
    for (qsizetype i : columns)
        out << m_columns[i].bind(entity);
    return out;
}

} // namespace bizy::server
