#include "FieldError.h"

using namespace Qt::StringLiterals;

namespace bizy {

FieldError FieldError::valueError(const QString& field, QString msg) {
    return FieldError{QJsonArray{field}, std::move(msg), u"value_error"_s};
}

QJsonObject FieldError::toJson() const {
    return QJsonObject{{u"loc"_s, loc}, {u"msg"_s, msg}, {u"type"_s, type}};
}

FieldError FieldError::under(const QString& head) const {
    FieldError copy = *this;
    copy.loc.prepend(head);
    return copy;
}

QString FieldError::describe() const {
    QStringList parts;
    for (const QJsonValue& part : loc) {
        if (part.isDouble())
            parts << QString::number(part.toInteger());
        else if (part.toString() != u"body"_s && part.toString() != u"query"_s)
            parts << part.toString();
    }
    return parts.isEmpty() ? msg : parts.join(u'.') + u": "_s + msg;
}

QJsonArray toJson(const FieldErrors& errors) {
    QJsonArray array;
    for (const FieldError& error : errors)
        array.append(error.toJson());
    return array;
}

} // namespace bizy
