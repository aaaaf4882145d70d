#include "FieldErrorDisplay.h"

#include <QJsonArray>
#include <QLabel>

using namespace Qt::StringLiterals;

namespace bizy {

namespace {

// Red that reads on light and dark palettes alike.
const QString errorColor = u"color: #c01c28;"_s;

} // namespace

FieldErrorDisplay::FieldErrorDisplay(QWidget* dialog)
    : QObject(dialog)
    , m_dialog(dialog)
    , m_general(new QLabel(dialog)) {
    m_general->setObjectName(u"generalError"_s);
    m_general->setWordWrap(true);
    m_general->setTextFormat(Qt::PlainText);
    m_general->setStyleSheet(errorColor + u" font-weight: bold;"_s);
    m_general->hide();
}

QLabel* FieldErrorDisplay::labelFor(const QString& field) {
    if (QLabel* label = m_labels.value(field))
        return label;
    auto* label = new QLabel(m_dialog);
    label->setObjectName(u"error_"_s + field);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setStyleSheet(errorColor);
    label->hide();
    m_labels.insert(field, label);
    return label;
}

QString FieldErrorDisplay::fieldOf(const FieldError& error) {
    for (const QJsonValue& part : error.loc) {
        if (part.isString() && part.toString() != u"body"_s && part.toString() != u"query"_s)
            return part.toString();
    }
    return {};
}

void FieldErrorDisplay::show(const FieldErrors& errors, const QString& general) {
    QStringList unplaced;
    QWidget* firstBad = nullptr;
    for (const FieldError& error : errors) {
        const QString field = fieldOf(error);
        QLabel* label = m_labels.value(field);
        if (!label) {
            unplaced << error.describe();
            continue;
        }
        label->setText(label->text().isEmpty() ? error.msg : label->text() + u'\n' + error.msg);
        label->show();
        if (!firstBad)
            firstBad = m_dialog->findChild<QWidget*>(field);
    }
    if (errors.isEmpty() && !general.isEmpty())
        unplaced << general;
    if (!unplaced.isEmpty()) {
        m_general->setText(unplaced.join(u'\n'));
        m_general->show();
    }
    if (firstBad)
        firstBad->setFocus();
    m_dialog->adjustSize();
}

void FieldErrorDisplay::clear() {
    m_general->clear();
    m_general->hide();
    for (QLabel* label : std::as_const(m_labels)) {
        label->clear();
        label->hide();
    }
}

} // namespace bizy
