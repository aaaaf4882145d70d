#include "PushOutcome.h"

using namespace Qt::StringLiterals;

namespace bizy {
namespace {

bool isInteger(const QJsonValue& value) {
    return value.isDouble() && value.toDouble() == double(value.toInteger());
}

Error badAnswer(const QString& what) {
    return Error::make(Error::Code::Server,
                       u"The server's answer to a push could not be read: %1."_s.arg(what));
}

} // namespace

Result<PushOutcome> PushOutcome::fromJson(const QJsonObject& json) {
    const QJsonValue mid = json.value(u"mid"_s);
    if (!isInteger(mid) || mid.toInteger() < 1)
        return badAnswer(u"a result has no valid mid"_s);
    PushOutcome outcome;
    outcome.mid = mid.toInteger();
    const QString status = json.value(u"status"_s).toString();
    if (status == u"applied")
        outcome.status = Status::Applied;
    else if (status == u"merged")
        outcome.status = Status::Merged;
    else if (status == u"rejected")
        outcome.status = Status::Rejected;
    else
        return badAnswer(
            u"the result of mid %1 has the unknown status \"%2\""_s.arg(outcome.mid).arg(status));
    for (const auto& [name, target] :
         {std::pair{u"version"_s, &outcome.version}, std::pair{u"id"_s, &outcome.id}}) {
        const QJsonValue value = json.value(name);
        if (isInteger(value))
            *target = value.toInteger();
        else if (!value.isNull() && !value.isUndefined())
            return badAnswer(
                u"the result of mid %1 has a %2 that is not an integer"_s.arg(outcome.mid)
                    .arg(name));
        // A row deleted on the server has no id any more: an applied delete,
        // or a replayed edit of a row deleted since, answers id null.
        else if (outcome.status != Status::Rejected && target == &outcome.version)
            return badAnswer(u"the result of mid %1 has no %2"_s.arg(outcome.mid).arg(name));
    }
    outcome.code = json.value(u"code"_s).toString();
    outcome.message = json.value(u"message"_s).toString();
    if (outcome.status == Status::Rejected && outcome.code.isEmpty())
        return badAnswer(u"the rejection of mid %1 has no code"_s.arg(outcome.mid));
    const QJsonValue overwritten = json.value(u"overwritten"_s);
    if (overwritten.isObject())
        outcome.overwritten = overwritten.toObject();
    else if (!overwritten.isNull() && !overwritten.isUndefined())
        return badAnswer(
            u"the result of mid %1 has an overwritten that is not an object"_s.arg(outcome.mid));
    return outcome;
}

} // namespace bizy
