#include "PushRequest.h"

#include "model/EntitySchema.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace bizy::server {

namespace {

const EntitySchema& envelopeSchema() {
    static const EntitySchema schema({
        {.name = u"device_id"_s,
         .kind = FieldKind::Uuid,
         .requiredOnCreate = true,
         .nullable = false},
    });
    return schema;
}

const EntitySchema& mutationSchema() {
    static const EntitySchema schema({
        {.name = u"mid"_s,
         .kind = FieldKind::Integer,
         .requiredOnCreate = true,
         .nullable = false,
         .minimum = 1},
        {.name = u"entity"_s,
         .kind = FieldKind::Enum,
         .requiredOnCreate = true,
         .nullable = false,
         .choices = {u"task"_s, u"goal"_s}},
        {.name = u"uuid"_s, .kind = FieldKind::Uuid, .requiredOnCreate = true, .nullable = false},
        {.name = u"op"_s,
         .kind = FieldKind::Enum,
         .requiredOnCreate = true,
         .nullable = false,
         .choices = {u"upsert"_s, u"delete"_s}},
        {.name = u"base_version"_s, .kind = FieldKind::Integer, .nullable = false, .minimum = 0},
        {.name = u"fields"_s, .kind = FieldKind::Object},
    });
    return schema;
}

bizy::FieldError under(const bizy::FieldError& error, const QJsonArray& prefix) {
    QJsonArray loc = prefix;
    for (const QJsonValue& part : error.loc)
        loc.append(part);
    return {loc, error.msg, error.type};
}

} // namespace

bool PushRequest::tooManyMutations(const QJsonObject& body) {
    return body.value(u"mutations"_s).toArray().size() > kMaxMutations;
}

bizy::Result<PushRequest> PushRequest::parse(const QJsonObject& body) {
    bizy::FieldErrors errors;
    PushRequest request;

    const bizy::ValidatedFields envelope =
        envelopeSchema().validate(body, EntitySchema::Mode::Create, bizy::FromAnywhere);
    for (const bizy::FieldError& error : envelope.errors)
        errors << error.under(u"body"_s);
    request.deviceId = envelope.fields.value(u"device_id"_s).toString();

    const QJsonValue mutations = body.value(u"mutations"_s);
    if (mutations.isUndefined()) {
        errors << bizy::FieldError{{u"body"_s, u"mutations"_s}, u"Field required"_s, u"missing"_s};
    } else if (!mutations.isArray()) {
        errors << bizy::FieldError{
            {u"body"_s, u"mutations"_s}, u"Input should be a valid list"_s, u"list_type"_s};
    } else {
        const QJsonArray list = mutations.toArray();
        for (qsizetype i = 0; i < list.size(); ++i) {
            const QJsonArray prefix{u"body"_s, u"mutations"_s, i};
            if (!list.at(i).isObject()) {
                errors << bizy::FieldError{prefix, u"Input should be a valid dictionary"_s,
                                           u"dict_type"_s};
                continue;
            }
            const bizy::ValidatedFields checked = mutationSchema().validate(
                list.at(i).toObject(), EntitySchema::Mode::Create, bizy::FromAnywhere);
            for (const bizy::FieldError& error : checked.errors)
                errors << under(error, prefix);
            if (!checked.ok())
                continue;
            const QJsonObject& fields = checked.fields;
            Mutation mutation;
            mutation.mid = fields.value(u"mid"_s).toInteger();
            mutation.entity = fields.value(u"entity"_s).toString();
            mutation.uuid = fields.value(u"uuid"_s).toString();
            mutation.isDelete = fields.value(u"op"_s).toString() == u"delete"_s;
            mutation.baseVersion = fields.value(u"base_version"_s).toInteger();
            mutation.fields = fields.value(u"fields"_s).toObject();
            request.mutations << mutation;
        }
    }
    if (!errors.isEmpty())
        return bizy::Error::validation(errors);
    return request;
}

} // namespace bizy::server
