#pragma once

#include "data/JsonText.h"
#include "data/SqlColumn.h"
#include "data/SqlValue.h"

#include <QByteArray>
#include <QString>
#include <QVariant>

namespace bizy::server {

// What a column is to its row, which decides the statements that write it.
enum class ColumnRole {
    Key,          // id: assigned by the database, read back by INSERT ... RETURNING
    Owner,        // user_id: written by the INSERT; every UPDATE is limited to it
    Identity,     // uuid: written by the INSERT, never changed
    Content,      // the user's data: written by every INSERT and UPDATE
    CreationTime, // created_at: content that only a sync push changes after the INSERT
    Revision,     // updated_at, version: set by every write
};

// One stored field of Entity: its contract name (as in Entity::schema()), its
// column, and how a value travels between the entity, a statement and JSON.
template <typename Entity> struct EntityColumn {
    QString field;
    SqlColumn sql;
    ColumnRole role = ColumnRole::Content;
    QVariant (*bind)(const Entity& entity) = nullptr;
    void (*read)(const QVariant& value, Entity& entity) = nullptr;
    void (*appendJson)(QByteArray& out, const Entity& entity) = nullptr;
};

template <typename Pointer> struct MemberOf;
template <typename Owner, typename Value> struct MemberOf<Value Owner::*> { using Entity = Owner; };

// The column of `Member` (e.g. &Task::dueDate) under its contract name
// `field`, which the migrations also gave the column. SqlValue and JsonText
// convert the member by its C++ type.
template <auto Member>
EntityColumn<typename MemberOf<decltype(Member)>::Entity>
column(const QString& field, ColumnKind kind, ColumnRole role = ColumnRole::Content) {
    using Entity = typename MemberOf<decltype(Member)>::Entity;
    EntityColumn<Entity> out;
    out.field = field;
    out.sql = {field, kind};
    out.role = role;
    out.bind = [](const Entity& entity) { return SqlValue::bind(entity.*Member); };
    out.read = [](const QVariant& value, Entity& entity) { SqlValue::read(value, entity.*Member); };
    out.appendJson = [](QByteArray& json, const Entity& entity) {
        JsonText::append(json, entity.*Member);
    };
    return out;
}

} // namespace bizy::server
