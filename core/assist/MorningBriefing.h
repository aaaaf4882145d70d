#pragma once

#include "model/Result.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace bizy {

// The day's briefing from the assistant (docs/api.md 9): its words, and the
// numbers the server counted from the user's rows.
struct MorningBriefing {
    struct Mission {
        int priority = 0;
        QString task;
        QString whyItMatters;
        QString estimatedTime;
    };

    QString greeting;
    QList<Mission> mission;
    QStringList watchOutFor;
    QString proTip;
    int yesterdayCompleted = 0;
    int yesterdayDue = 0;
    int tasksToday = 0;
    int overdueTasks = 0;

    // The `morning` answer; an Error naming what is wrong with its shape.
    static Result<MorningBriefing> fromJson(const QJsonObject& json);
};

} // namespace bizy
