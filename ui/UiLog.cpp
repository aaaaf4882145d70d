#include "UiLog.h"

Q_LOGGING_CATEGORY(lcUi, "bizy.ui", QtInfoMsg)
