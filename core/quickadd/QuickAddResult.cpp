#include "QuickAddResult.h"

namespace bizy {

bool QuickAddIssue::blocksCreation() const {
    switch (kind) {
    case Kind::NoTitle:
    case Kind::TitleTooLong:
    case Kind::TagTooLong:
    case Kind::CategoryTooLong:
    case Kind::UnknownGoal:
    case Kind::AmbiguousGoal:
        return true;
    case Kind::NotAPriority:
    case Kind::NoSuchDate:
    case Kind::NoSuchTime:
    case Kind::Repeated:
    case Kind::SkippedTime:
    case Kind::RepeatedTime:
    case Kind::DueInPast:
        return false;
    }
    return true;
}

std::optional<QuickAddIssue> QuickAddResult::blockingIssue() const {
    for (const QuickAddIssue& issue : issues) {
        if (issue.blocksCreation())
            return issue;
    }
    return std::nullopt;
}

bool QuickAddResult::canCreate() const {
    return !title.isEmpty() && !blockingIssue();
}

TaskDraft QuickAddResult::draft() const {
    TaskDraft draft;
    draft.title = title;
    draft.priority = priority.value_or(draft.priority);
    draft.tags = tags;
    draft.category = category;
    draft.dueDate = due;
    if (goal)
        draft.parentGoalUuid = goal->uuid;
    return draft;
}

} // namespace bizy
