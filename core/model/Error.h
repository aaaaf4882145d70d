#pragma once

#include "FieldError.h"

#include <QString>

namespace bizy {

// What went wrong, as a value that crosses module borders. Every message is a
// sentence a person can act on.
struct Error {
    enum class Code {
        Validation, // fields carries one entry per bad field
        NotFound,
        Conflict,
        Cycle,        // a goal would end up under its own descendant
        Storage,      // the local database failed or is unusable
        Incompatible, // a file or answer from a newer version
        Network,
        Unauthorized,
        Forbidden,
        Server,
    };

    Code code = Code::Storage;
    QString message;
    FieldErrors fields;

    static Error validation(FieldErrors fields);
    static Error make(Code code, QString message);
};

} // namespace bizy
