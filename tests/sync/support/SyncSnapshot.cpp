#include "SyncSnapshot.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace {

QString show(const QJsonValue& value) {
    if (value.isUndefined())
        return u"(absent)"_s;
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    if (value.isString())
        return u"\"%1\""_s.arg(value.toString());
    return QString::fromUtf8(
        QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact).mid(1).chopped(1));
}

void compareRows(const QString& entity, const SyncSnapshot& a, const SyncSnapshot& b,
                 const QMap<QString, QJsonObject>& left, const QMap<QString, QJsonObject>& right,
                 QStringList& lines) {
    QStringList uuids = left.keys() + right.keys();
    uuids.removeDuplicates();
    uuids.sort();
    for (const QString& uuid : std::as_const(uuids)) {
        const auto l = left.constFind(uuid);
        const auto r = right.constFind(uuid);
        if (r == right.constEnd()) {
            lines << u"%1 %2 ('%3'): only on %4"_s.arg(entity, uuid,
                                                       l->value(u"title"_s).toString(), a.side);
            continue;
        }
        if (l == left.constEnd()) {
            lines << u"%1 %2 ('%3'): only on %4"_s.arg(entity, uuid,
                                                       r->value(u"title"_s).toString(), b.side);
            continue;
        }
        QStringList fields = l->keys() + r->keys();
        fields.removeDuplicates();
        fields.sort();
        for (const QString& field : std::as_const(fields)) {
            const QJsonValue lv = l->value(field);
            const QJsonValue rv = r->value(field);
            if (lv != rv)
                lines << u"%1 %2 ('%3') %4: %5=%6 %7=%8"_s.arg(
                    entity, uuid, l->value(u"title"_s).toString(), field, a.side, show(lv), b.side,
                    show(rv));
        }
    }
}

} // namespace

QString SyncSnapshot::differences(const SyncSnapshot& a, const SyncSnapshot& b) {
    QStringList lines;
    if (!a.ok())
        lines << a.side + u" could not be read: "_s + a.error;
    if (!b.ok())
        lines << b.side + u" could not be read: "_s + b.error;
    compareRows(u"task"_s, a, b, a.tasks, b.tasks, lines);
    compareRows(u"goal"_s, a, b, a.goals, b.goals, lines);
    return lines.join(u'\n');
}

QString SyncSnapshot::cycles() const {
    QStringList lines;
    for (auto it = goals.constBegin(); it != goals.constEnd(); ++it) {
        QSet<QString> seen{it.key()};
        QString at = it.value().value(u"parent_goal_uuid"_s).toString();
        while (!at.isEmpty()) {
            if (seen.contains(at)) {
                lines << u"%1: goal %2 ('%3') reaches %4 again going up"_s.arg(
                    side, it.key(), it.value().value(u"title"_s).toString(), at);
                break;
            }
            seen.insert(at);
            at = goals.value(at).value(u"parent_goal_uuid"_s).toString();
        }
    }
    return lines.join(u'\n');
}
