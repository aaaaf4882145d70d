#pragma once

#include <QString>

namespace bizy::server {

// Numbers as the existing backend (Python) prints them, so every analytics
// figure matches it to the last digit: round(x, n) and f"{x:.0f}" both round
// the double's exact binary value, and an exact tie goes to the even digit
// (round(1.125, 2) is 1.12, round(2.675, 2) is 2.67 because 2.675 is stored
// as 2.67499..., f"{70.5:.0f}" is "70"). Rounding in SQL (numeric, half away
// from zero on a 15-digit decimal) or with Qt's formatting (half up) would not.
namespace PythonRounding {

// round(value, places), as a double.
double round(double value, int places);
// f"{value:.0f}".
QString noDecimals(double value);

} // namespace PythonRounding

} // namespace bizy::server
