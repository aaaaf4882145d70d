#include "OutboxMutation.h"

using namespace Qt::StringLiterals;

namespace bizy {

QJsonObject OutboxMutation::toJson() const {
    return QJsonObject{
        {u"mid"_s, mid ? QJsonValue(*mid) : QJsonValue::Null},
        {u"entity"_s, entityName(entity)},
        {u"uuid"_s, uuid},
        {u"op"_s, op == Op::Upsert ? u"upsert"_s : u"delete"_s},
        {u"base_version"_s, baseVersion},
        {u"fields"_s, op == Op::Delete ? QJsonObject() : fields},
    };
}

} // namespace bizy
