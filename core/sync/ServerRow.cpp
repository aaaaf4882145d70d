#include "ServerRow.h"

#include "model/Goal.h"
#include "model/Task.h"

#include <QUuid>

using namespace Qt::StringLiterals;

namespace bizy {

Result<ServerRow> ServerRow::fromJson(EntityKind entity, const QJsonObject& json) {
    const QString kind = entityName(entity);
    const QJsonValue uuid = json.value(u"uuid"_s);
    if (!uuid.isString() || QUuid::fromString(uuid.toString()).isNull())
        return Error::make(Error::Code::Server,
                           u"The server sent a %1 without a valid uuid."_s.arg(kind));
    const QJsonValue version = json.value(u"version"_s);
    if (!version.isDouble() || version.toDouble() < 1 ||
        version.toDouble() != double(version.toInteger()))
        return Error::make(
            Error::Code::Server,
            u"The server sent %1 %2 without a valid version."_s.arg(kind, uuid.toString()));
    ServerRow row;
    row.entity = entity;
    row.uuid = uuid.toString().toLower();
    row.version = version.toInteger();
    if (json.value(u"deleted"_s).toBool()) {
        row.deleted = true;
        return row;
    }
    // Checked in full here, and kept normalised, so that applying a page
    // never meets a bad row and need not check it again.
    const EntitySchema& schema = entity == EntityKind::Task ? Task::schema() : Goal::schema();
    ValidatedFields validated = schema.validate(json, EntitySchema::Mode::Create, FromAnywhere);
    if (!validated.ok()) {
        QStringList problems;
        for (const FieldError& field : std::as_const(validated.errors))
            problems << field.describe();
        return Error::make(Error::Code::Server,
                           u"The server sent %1 %2 in a shape this version cannot read (%3)."_s.arg(
                               kind, row.uuid, problems.join(u"; "_s)));
    }
    row.json = std::move(validated.fields);
    return row;
}

} // namespace bizy
