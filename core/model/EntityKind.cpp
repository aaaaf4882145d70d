#include "EntityKind.h"

using namespace Qt::StringLiterals;

namespace bizy {

QString entityName(EntityKind kind) {
    return kind == EntityKind::Task ? u"task"_s : u"goal"_s;
}

std::optional<EntityKind> entityKindFromName(QStringView name) {
    if (name == u"task")
        return EntityKind::Task;
    if (name == u"goal")
        return EntityKind::Goal;
    return std::nullopt;
}

} // namespace bizy
