#include "TaskSuggestion.h"

#include "model/Task.h"

using namespace Qt::StringLiterals;

namespace bizy::server::TaskSuggestion {

const QStringList& fields() {
    static const QStringList names{u"title"_s, u"description"_s, u"priority"_s,
                                   u"estimated_hours"_s, u"category"_s};
    return names;
}

bizy::ValidatedFields validate(const QJsonValue& item) {
    if (!item.isObject())
        return {{}, {{QJsonArray{}, u"Input should be a valid dictionary"_s, u"dict_type"_s}}};
    const QJsonObject object = item.toObject();
    QJsonObject suggested;
    for (const QString& name : fields()) {
        if (object.contains(name))
            suggested.insert(name, object.value(name));
    }
    bizy::ValidatedFields validated =
        bizy::Task::schema().validate(suggested, bizy::EntitySchema::Mode::Create, bizy::FromRest);
    // A task may leave priority to its default; a suggestion must say it.
    if (!suggested.contains(u"priority"_s))
        validated.errors << bizy::FieldError{QJsonArray{u"priority"_s}, u"Field required"_s,
                                             u"missing"_s};
    return validated;
}

QJsonObject toJson(const QJsonObject& validated) {
    QJsonObject json;
    for (const QString& name : fields())
        json.insert(name, validated.value(name).isUndefined() ? QJsonValue(QJsonValue::Null)
                                                              : validated.value(name));
    return json;
}

} // namespace bizy::server::TaskSuggestion
