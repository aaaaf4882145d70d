#include "Error.h"

using namespace Qt::StringLiterals;

namespace bizy {

Error Error::validation(FieldErrors fields) {
    QStringList parts;
    for (const FieldError& field : fields)
        parts << field.describe();
    return Error{Code::Validation, parts.join(u"; "_s), std::move(fields)};
}

Error Error::make(Code code, QString message) {
    return Error{code, std::move(message), {}};
}

} // namespace bizy
