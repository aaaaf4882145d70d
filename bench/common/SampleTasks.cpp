#include "SampleTasks.h"

#include "model/IsoDateTime.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace {

const QStringList kVerbs{u"Write"_s,   u"Review"_s, u"Call"_s,     u"Plan"_s,     u"Fix"_s,
                         u"Prepare"_s, u"Send"_s,   u"Update"_s,   u"Book"_s,     u"Clean"_s,
                         u"Draft"_s,   u"Check"_s,  u"Organise"_s, u"Research"_s, u"Pay"_s};
const QStringList kObjects{
    u"quarterly report"_s, u"budget"_s,         u"dentist appointment"_s, u"garden shed"_s,
    u"tax return"_s,       u"release notes"_s,  u"team offsite"_s,        u"flight to Lisbon"_s,
    u"invoice 2231"_s,     u"kitchen"_s,        u"presentation slides"_s, u"insurance"_s,
    u"birthday party"_s,   u"code review"_s,    u"c++ migration"_s,       u"newsletter"_s,
    u"car service"_s,      u"grant proposal"_s, u"reading list"_s,        u"backup drive"_s};
const QStringList kFiller{u"before"_s,   u"the"_s,      u"meeting"_s,  u"with"_s,    u"Ana"_s,
                          u"and"_s,      u"follow"_s,   u"up"_s,       u"on"_s,      u"notes"_s,
                          u"from"_s,     u"last"_s,     u"week"_s,     u"numbers"_s, u"draft"_s,
                          u"customer"_s, u"feedback"_s, u"deadline"_s, u"café"_s,    u"office"_s};
const QStringList kCategories{u"work"_s,   u"home"_s,     u"health"_s, u"finance"_s,
                              u"travel"_s, u"learning"_s, u"family"_s};
const QStringList kTags{u"urgent"_s, u"waiting"_s, u"phone"_s, u"errand"_s, u"deep-work"_s,
                        u"q1"_s,     u"q2"_s,      u"q3"_s,    u"q4"_s,     u"someday"_s};
const QStringList kStatuses{u"pending"_s, u"pending"_s, u"in_progress"_s, u"completed"_s,
                            u"blocked"_s};

QString pick(QRandomGenerator& random, const QStringList& list) {
    return list.at(random.bounded(int(list.size())));
}

} // namespace

namespace SampleTasks {

QString words(QRandomGenerator& random, int count) {
    QStringList parts;
    for (int i = 0; i < count; ++i)
        parts << pick(random, kFiller);
    return parts.join(u' ');
}

QJsonObject fields(QRandomGenerator& random, const QDateTime& base, const QStringList& goalUuids) {
    QJsonObject task{
        {u"title"_s, QString(pick(random, kVerbs) + u' ' + pick(random, kObjects))},
        {u"description"_s, words(random, random.bounded(4, 20))},
        {u"priority"_s, random.bounded(1, 6)},
        {u"status"_s, pick(random, kStatuses)},
        {u"category"_s, pick(random, kCategories)},
        {u"estimated_hours"_s, random.bounded(1, 40) / 4.0},
    };
    if (random.bounded(10) < 7)
        task.insert(u"due_date"_s, bizy::IsoDateTime::format(
                                       base.addSecs(qint64(random.bounded(365 * 24)) * 3600)));
    if (random.bounded(10) < 3)
        task.insert(u"notes"_s, words(random, random.bounded(5, 30)));
    QJsonArray tags;
    for (int t = random.bounded(4); t > 0; --t) {
        const QString tag = pick(random, kTags);
        if (!tags.contains(tag))
            tags.append(tag);
    }
    if (!tags.isEmpty())
        task.insert(u"tags"_s, tags);
    if (!goalUuids.isEmpty() && random.bounded(10) < 6)
        task.insert(u"parent_goal_uuid"_s, pick(random, goalUuids));
    return task;
}

} // namespace SampleTasks
