#pragma once

#include "model/Goal.h"

#include <QCoreApplication>
#include <QString>

namespace bizy {

// How goal values read on screen, translated.
class GoalText {
    Q_DECLARE_TR_FUNCTIONS(GoalText)
public:
    static QString horizon(GoalHorizon horizon);
    static QString status(GoalStatus status);
};

} // namespace bizy
