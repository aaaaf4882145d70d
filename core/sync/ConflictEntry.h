#pragma once

#include "model/EntityKind.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace bizy {

// One entry of the local conflict journal: a value or a change that did not
// survive sync, kept with enough data to bring it back.
struct ConflictEntry {
    enum class Kind {
        Overwritten, // our push won a field another device had changed: `fields` holds their value
        Rejected,    // the server refused our change (`code`): `fields` holds what we sent
        DeletedElsewhere // unsent edits of a row another device deleted: `fields` holds them
    };

    qint64 id = 0;
    Kind kind = Kind::Overwritten;
    EntityKind entity = EntityKind::Task;
    QString uuid;
    QString code;         // Rejected: validation, deleted, cycle, forbidden
    QString message;      // the server's message, or ours
    QJsonObject fields;   // the values that lost (sync shape)
    QJsonObject snapshot; // the whole local row just before it changed; {} if there was none
    QDateTime createdAt;
};

} // namespace bizy
