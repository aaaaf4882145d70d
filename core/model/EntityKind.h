#pragma once

#include <QString>
#include <optional>

namespace bizy {

// The two kinds of rows Bizy keeps and syncs. Their names are the contract's
// ("task", "goal"), as the outbox, the journal and the sync protocol spell them.
enum class EntityKind { Task, Goal };

QString entityName(EntityKind kind);
std::optional<EntityKind> entityKindFromName(QStringView name);

} // namespace bizy
