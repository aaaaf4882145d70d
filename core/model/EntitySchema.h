#pragma once

#include "FieldError.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace bizy {

enum class FieldKind {
    String,
    Email,
    Integer,
    Number,
    Boolean,
    DateTime,
    Enum,
    Uuid,
    StringList,
    IntegerList,
    UuidList,
    Object,
};

// Where a field may be written from. REST bodies and sync pushes accept
// different relation fields (ids versus uuids); answers from a server carry the
// read-only ones too.
enum FieldOrigin : unsigned {
    FromRest = 1u << 0,
    FromSync = 1u << 1,
    FromServer = 1u << 2,
    FromAnywhere = FromRest | FromSync | FromServer,
};

struct FieldSpec {
    QString name;
    FieldKind kind = FieldKind::String;
    unsigned origins = FromAnywhere;
    bool requiredOnCreate = false;
    bool nullable = true;     // an explicit null is accepted (and clears the field)
    qsizetype minLength = 0;  // strings, in characters
    qsizetype maxLength = -1; // strings and each string of a list; -1 = no limit
    std::optional<double> minimum;
    std::optional<double> maximum;
    QStringList choices; // Enum
    QString pattern;     // String: a full-match regular expression
};

// Fields that passed validation, normalised (times in IsoDateTime::format,
// uuids lower-case without braces), plus the errors of those that did not.
struct ValidatedFields {
    QJsonObject fields;
    FieldErrors errors;
    bool ok() const { return errors.isEmpty(); }
};

// The table of an entity's fields and the one place their rules are checked,
// shared by the server's REST and sync endpoints and the client's store.
class EntitySchema {
public:
    enum class Mode { Create, Patch };

    explicit EntitySchema(QList<FieldSpec> fields);

    // Unknown fields and fields not writable from `origin` are ignored; on
    // Create, required fields must be present. Errors carry loc [field(, index)].
    ValidatedFields validate(const QJsonObject& input, Mode mode, unsigned origin) const;
    // Validates one value; returns the normalised value or the error.
    std::optional<FieldError> check(const FieldSpec& spec, const QJsonValue& value,
                                    QJsonValue* normalised) const;

    // The fields of `json` that may be written from `origin`, unchecked: what a
    // row as it stands would send (e.g. a task's sync-writable fields).
    QJsonObject writableFields(const QJsonObject& json, unsigned origin) const;

    const FieldSpec* field(QStringView name) const;
    const QList<FieldSpec>& fields() const { return m_fields; }

private:
    QList<FieldSpec> m_fields;
};

} // namespace bizy
