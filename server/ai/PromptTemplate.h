#pragma once

#include <QHash>
#include <QString>

namespace bizy::server {

// The prompts are Qt resources (server/ai/prompts/<name>.txt, compiled in
// under ":/prompts/"), so their wording changes without touching code.
// `{{key}}` marks where a value goes; values are inserted as they are, in one
// pass (a value holding "{{...}}" stays literal).
namespace PromptTemplate {

// The template `name` with every placeholder filled. Throws std::logic_error
// for a missing template or a placeholder without a value: a build mistake,
// which the route turns into a 503 and the tests catch.
QString render(const QString& name, const QHash<QString, QString>& values = {});

} // namespace PromptTemplate

} // namespace bizy::server
