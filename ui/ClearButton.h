#pragma once

class QLineEdit;

namespace bizy {

// The clear button of a line edit, with a name: Qt leaves the button unnamed,
// so a screen reader would announce a nameless button beside every field that
// has one (tests/ui/accessibility_check.py).
namespace ClearButton {

void enable(QLineEdit* edit);

} // namespace ClearButton

} // namespace bizy
