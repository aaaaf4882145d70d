#pragma once

#include "model/FieldError.h"

#include <QHash>
#include <QObject>
#include <QString>

class QLabel;
class QWidget;

namespace bizy {

// The error lines of an edit dialog: one under each editor ("error_<field>",
// for the contract field it edits) and one at the top ("generalError") for
// what belongs to no shown field. The store's refusals land beside the field
// they are about, and the first field at fault gets the focus.
class FieldErrorDisplay : public QObject {
    Q_OBJECT
public:
    // Labels are made as children of `dialog`; editors are found in it by
    // their object name, the contract field.
    explicit FieldErrorDisplay(QWidget* dialog);

    QLabel* generalLabel() const { return m_general; }
    // The (hidden) error line for `field`, made on first use.
    QLabel* labelFor(const QString& field);

    // Shows `errors` beside their fields and what has no field (or `general`,
    // when there are no field errors) at the top.
    void show(const FieldErrors& errors, const QString& general);
    void clear();

    // The contract field an error is about: the first part of its loc that is
    // not "body" or "query".
    static QString fieldOf(const FieldError& error);

private:
    QWidget* m_dialog;
    QLabel* m_general;
    QHash<QString, QLabel*> m_labels;
};

} // namespace bizy
