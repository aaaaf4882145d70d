#pragma once

#include "ServerContext.h"
#include "http/HttpRequest.h"
#include "http/Router.h"
#include "model/EntitySchema.h"

#include <QHttpServerResponse>
#include <QJsonObject>
#include <functional>
#include <memory>
#include <optional>

namespace bizy::server {

class AiAssistant;
class DbSession;
class ReplyReader;

// One request to a route that asks the AI provider (goal breakdown,
// briefings), worked in two stages so no worker thread waits for the provider:
//   on a worker:     authentication, validate(), 503 without a provider,
//                    gather() (the caller's rows, the prompt);
//   on the event loop: the user's rate limit (429), the provider call,
//                    finish() on its JSON reply.
// A provider failure or an unusable reply answers the contract's 500s.
class AssistedRequest {
public:
    virtual ~AssistedRequest() = default;

    // The path and body: the 422 answer when they are wrong.
    virtual std::optional<QHttpServerResponse> validate(const HttpRequest& request) = 0;
    // Reads the caller's rows and renders the prompt; an answer (404) ends here.
    virtual std::optional<QHttpServerResponse> gather(DbSession& db, qint64 userId) = 0;
    // The prompt gather() rendered.
    virtual QString prompt() const = 0;
    // The answer's body from the model's reply; reader problems make it a 500.
    virtual QJsonObject finish(ReplyReader& reply) const = 0;

    using Factory = std::function<std::unique_ptr<AssistedRequest>()>;
    // The route handler that runs a fresh request from `make` through both stages.
    static Router::Handler handler(const ServerContext& context, AiAssistant& ai, Factory make);

protected:
    // Checks a JSON object body against `schema` (errors under "body"); an
    // empty body is allowed when `required` is false. The fields, normalised.
    static bizy::FieldErrors readBody(const HttpRequest& request, const bizy::EntitySchema& schema,
                                      bool required, QJsonObject* fields);
    // Rows and request values go into prompts as compact JSON.
    static QString promptJson(const QJsonValue& value);
};

} // namespace bizy::server
