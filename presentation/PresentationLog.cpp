#include "PresentationLog.h"

namespace bizy {
Q_LOGGING_CATEGORY(lcPresentation, "bizy.presentation", QtInfoMsg)
} // namespace bizy
