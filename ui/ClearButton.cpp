#include "ClearButton.h"

#include <QAction>
#include <QCoreApplication>
#include <QLineEdit>

using namespace Qt::StringLiterals;

namespace bizy {

namespace ClearButton {

void enable(QLineEdit* edit) {
    edit->setClearButtonEnabled(true);
    // QLineEdit's own clear action (named so since Qt 5.2); its button takes
    // its accessible name from the action's text.
    if (auto* clear = edit->findChild<QAction*>(u"_q_qlineeditclearaction"_s))
        clear->setText(QCoreApplication::translate("ClearButton", "Clear"));
}

} // namespace ClearButton

} // namespace bizy
