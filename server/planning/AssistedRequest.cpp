#include "AssistedRequest.h"

#include "ai/AiAssistant.h"
#include "ai/ReplyReader.h"
#include "auth/AuthGuard.h"
#include "db/DbRunner.h"
#include "http/Reply.h"

#include <QFutureInterface>
#include <QJsonDocument>
#include <atomic>

using namespace Qt::StringLiterals;

namespace bizy::server {

namespace {

// Carried from the worker stage to the event loop stage.
struct Exchange {
    std::unique_ptr<AssistedRequest> request;
    qint64 userId = 0;
    bool askProvider = false; // the worker stage ended with a prompt, not an answer
};

// The answer a route hands out before it has it (Qt 6.4's QFuture::unwrap()
// cannot carry a move-only answer). A QFutureInterface, not a QPromise: in
// 6.4 a QPromise whose result was taken (the dispatcher takes it) runs its
// continuation again when destroyed. An answer never delivered (a stage that
// threw) becomes a 503 rather than a request that hangs.
class PendingAnswer {
public:
    PendingAnswer() { m_interface.reportStarted(); }
    ~PendingAnswer() { deliver(Reply::detail(503, u"Service temporarily unavailable"_s)); }
    PendingAnswer(const PendingAnswer&) = delete;
    PendingAnswer& operator=(const PendingAnswer&) = delete;

    QFuture<QHttpServerResponse> future() { return m_interface.future(); }
    void deliver(QHttpServerResponse answer) {
        if (m_delivered.exchange(true))
            return;
        m_interface.reportAndMoveResult(std::move(answer));
        m_interface.reportFinished();
    }

private:
    QFutureInterface<QHttpServerResponse> m_interface;
    std::atomic<bool> m_delivered{false};
};

QHttpServerResponse answerFor(const AssistedRequest& request,
                              const bizy::Result<QJsonObject>& reply) {
    if (!reply)
        return Reply::detail(500, reply.error().message);
    ReplyReader reader(*reply);
    const QJsonObject body = request.finish(reader);
    if (!reader.ok())
        return Reply::detail(500, AiAssistant::serviceError(reader.problem()));
    return Reply::json(200, body);
}

} // namespace

Router::Handler AssistedRequest::handler(const ServerContext& context, AiAssistant& ai,
                                         Factory make) {
    return [&context, &ai, make](const HttpRequest& request) {
        auto exchange = std::make_shared<Exchange>();
        exchange->request = make();
        QFuture<QHttpServerResponse> prepared = context.db.run(
            [&context, &ai, exchange, request](DbSession& db) -> QHttpServerResponse {
                const auto user = AuthGuard::requireUser(request, db, context);
                if (!user)
                    return Reply::fromError(user.error());
                request.noteUserId(user->id);
                if (auto refusal = exchange->request->validate(request))
                    return std::move(*refusal);
                if (!ai.configured())
                    return AiAssistant::notConfigured();
                if (auto answer = exchange->request->gather(db, user->id))
                    return std::move(*answer);
                exchange->userId = user->id;
                exchange->askProvider = true;
                return Reply::noContent(); // never sent: the provider stage answers
            });
        auto pending = std::make_shared<PendingAnswer>();
        prepared.then(&ai, [&ai, exchange, pending](QFuture<QHttpServerResponse> done) {
            QHttpServerResponse answer = done.takeResult();
            if (!exchange->askProvider)
                return pending->deliver(std::move(answer));
            if (auto refusal = ai.admit(exchange->userId))
                return pending->deliver(std::move(*refusal));
            ai.askForJson(exchange->request->prompt())
                .then(&ai, [exchange, pending](const bizy::Result<QJsonObject>& reply) {
                    pending->deliver(answerFor(*exchange->request, reply));
                });
        });
        return pending->future();
    };
}

bizy::FieldErrors AssistedRequest::readBody(const HttpRequest& request,
                                            const bizy::EntitySchema& schema, bool required,
                                            QJsonObject* fields) {
    if (!required && request.body.trimmed().isEmpty())
        return {};
    const auto body = request.jsonObject();
    if (!body)
        return body.error().fields;
    const bizy::ValidatedFields validated =
        schema.validate(body.value(), bizy::EntitySchema::Mode::Create, bizy::FromRest);
    bizy::FieldErrors errors;
    for (const bizy::FieldError& error : validated.errors)
        errors << error.under(u"body"_s);
    *fields = validated.fields;
    return errors;
}

QString AssistedRequest::promptJson(const QJsonValue& value) {
    const QJsonDocument document =
        value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
    return QString::fromUtf8(document.toJson(QJsonDocument::Compact));
}

} // namespace bizy::server
