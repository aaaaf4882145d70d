#pragma once

#include "model/Result.h"
#include "store/StoreClient.h"

#include <QObject>
#include <QPointer>
#include <functional>
#include <utility>

namespace bizy {

// One read of the store at a time for a model that reads again after every
// change: a request made while a read runs is folded into one more read after
// it (so a burst of changes costs two reads, not one each), and an answer from
// a store that was replaced in the meantime is dropped. The job is made anew
// for each read, so it sees the clock of its own time. Answers arrive on
// `context`'s thread, never after `context` is gone.
template <typename T> class LatestRead {
public:
    using Job = std::function<Result<T>(LocalStore&)>;
    using Answer = std::function<void(const Result<T>&)>;

    LatestRead(QObject* context, std::function<Job()> makeJob, Answer answer)
        : m_context(context)
        , m_makeJob(std::move(makeJob))
        , m_answer(std::move(answer)) {}

    void setStore(StoreClient* store) {
        m_store = store;
        ++m_generation;
        m_reading = false;
        m_readAgain = false;
    }
    StoreClient* store() const { return m_store; }

    void request() {
        if (!m_store)
            return;
        if (m_reading) {
            m_readAgain = true;
            return;
        }
        m_reading = true;
        const quint64 generation = m_generation;
        m_store->run(m_makeJob()).then(m_context, [this, generation](const Result<T>& result) {
            if (generation != m_generation)
                return;
            m_reading = false;
            m_answer(result);
            if (std::exchange(m_readAgain, false))
                request();
        });
    }

private:
    QObject* m_context;
    std::function<Job()> m_makeJob;
    Answer m_answer;
    QPointer<StoreClient> m_store;
    bool m_reading = false;
    bool m_readAgain = false;
    quint64 m_generation = 0;
};

} // namespace bizy
