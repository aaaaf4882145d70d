#include "PythonRounding.h"

#include <charconv>

namespace bizy::server {

namespace PythonRounding {

// std::to_chars with a precision converts the exact binary value and rounds
// an exact tie to even, as CPython's dtoa does; unlike printf it ignores the
// locale, and from_chars reads the text back to the nearest double.

double round(double value, int places) {
    char text[400];
    const auto written =
        std::to_chars(text, text + sizeof text, value, std::chars_format::fixed, places);
    double rounded = value;
    std::from_chars(text, written.ptr, rounded);
    return rounded;
}

QString noDecimals(double value) {
    char text[400];
    const auto written =
        std::to_chars(text, text + sizeof text, value, std::chars_format::fixed, 0);
    return QString::fromLatin1(text, written.ptr - text);
}

} // namespace PythonRounding

} // namespace bizy::server
