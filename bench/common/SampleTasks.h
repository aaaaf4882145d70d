#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QString>
#include <QStringList>

// Realistic task fields for the benchmarks: a verb and an object as title,
// filler-word descriptions and notes, due dates on 70 %, notes on 30 %, up to
// three tags, a goal from `goalUuids` on 60 %. The same seed gives the same tasks.
namespace SampleTasks {

QString words(QRandomGenerator& random, int count);
// Fields of one new task in the sync shape; due dates fall within the year after `base`.
QJsonObject fields(QRandomGenerator& random, const QDateTime& base, const QStringList& goalUuids);

} // namespace SampleTasks
