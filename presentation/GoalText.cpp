#include "GoalText.h"

namespace bizy {

QString GoalText::horizon(GoalHorizon horizon) {
    switch (horizon) {
    case GoalHorizon::Yearly:
        return tr("Yearly");
    case GoalHorizon::Quarterly:
        return tr("Quarterly");
    case GoalHorizon::Monthly:
        return tr("Monthly");
    case GoalHorizon::Weekly:
        return tr("Weekly");
    }
    return {};
}

QString GoalText::status(GoalStatus status) {
    switch (status) {
    case GoalStatus::Active:
        return tr("Active");
    case GoalStatus::Completed:
        return tr("Completed");
    case GoalStatus::OnHold:
        return tr("On hold");
    case GoalStatus::Cancelled:
        return tr("Cancelled");
    }
    return {};
}

} // namespace bizy
