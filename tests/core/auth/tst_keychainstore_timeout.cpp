#include "SilentKeyring.h"
#include "auth/KeychainStore.h"

#include <QScopeGuard>
#include <QTest>
#include <memory>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using bizy::KeychainStore;
using Outcome = KeychainStore::Outcome;

namespace {

enum class Call { Read, Write, Delete };

constexpr auto kTestTimeout = 500ms;
constexpr int kGenerousMs = 30000;

void start(KeychainStore& store, Call call, KeychainStore::Done done) {
    switch (call) {
    case Call::Read:
        store.read(u"tokens"_s, std::move(done));
        return;
    case Call::Write:
        store.write(u"tokens"_s, "secret"_ba, std::move(done));
        return;
    case Call::Delete:
        store.remove(u"tokens"_s, std::move(done));
        return;
    }
}

// Appends each answer a call gets to `outcomes`.
KeychainStore::Done recordInto(QList<Outcome>& outcomes) {
    return [&outcomes](Outcome outcome, const QByteArray&, const QString&) { outcomes << outcome; };
}

} // namespace

Q_DECLARE_METATYPE(Call)

// Runs inside with-silent-keyring.sh: the Secret Service takes every call and
// never answers. Calls give up after half a second here instead of ten.
class TestKeychainStoreTimeout : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QVERIFY2(SilentKeyring::isRunning(), "run through tests/support/with-silent-keyring.sh");
        KeychainStore::setTimeout(kTestTimeout);
    }

    void init() {
        QString error;
        QVERIFY2(SilentKeyring::startAfresh(&error), qPrintable(error));
        QVERIFY(!KeychainStore::hasTimedOut());
    }

    void call_timesOutOnce_andIgnoresTheLateAnswer_data() {
        QTest::addColumn<Call>("call");
        QTest::newRow("read") << Call::Read;
        QTest::newRow("write") << Call::Write;
        QTest::newRow("delete") << Call::Delete;
    }

    void call_timesOutOnce_andIgnoresTheLateAnswer() {
        QFETCH(Call, call);
        // given a keychain that takes calls and never answers
        KeychainStore store(u"bizy-test"_s);
        const qsizetype receivedBefore = SilentKeyring::receivedCalls().size();
        QList<Outcome> outcomes;
        // when the call is made
        start(store, call, recordInto(outcomes));
        // then it reaches the keychain, and gives up once, saying it timed out
        QTRY_VERIFY_WITH_TIMEOUT(SilentKeyring::receivedCalls().size() > receivedBefore,
                                 kGenerousMs);
        QTRY_COMPARE_WITH_TIMEOUT(outcomes.size(), 1, kGenerousMs);
        QCOMPARE(outcomes.first(), Outcome::TimedOut);
        QVERIFY(KeychainStore::hasTimedOut());
        // when the keychain answers after all
        QString error;
        QVERIFY2(SilentKeyring::startAfresh(&error), qPrintable(error));
        // then that answer is not passed on
        QCOMPARE(outcomes, QList<Outcome>{Outcome::TimedOut});
    }

    void afterATimeout_everyStoreAnswersAtOnce_withoutAskingTheKeychain() {
        // given a read that timed out
        KeychainStore store(u"bizy-test"_s);
        const qsizetype receivedBefore = SilentKeyring::receivedCalls().size();
        QList<Outcome> first;
        store.read(u"tokens"_s, recordInto(first));
        QTRY_VERIFY_WITH_TIMEOUT(SilentKeyring::receivedCalls().size() > receivedBefore,
                                 kGenerousMs);
        QTRY_COMPARE_WITH_TIMEOUT(first.size(), 1, kGenerousMs);
        QCOMPARE(first.first(), Outcome::TimedOut);
        const qsizetype receivedAfterTimeout = SilentKeyring::receivedCalls().size();
        // when this store and another one (a second session) call again, with a
        // timeout far beyond the test's bound
        KeychainStore::setTimeout(10min);
        const auto restoreTimeout = qScopeGuard([] { KeychainStore::setTimeout(kTestTimeout); });
        KeychainStore other(u"bizy-test"_s);
        QList<Outcome> again;
        QList<Outcome> fromOther;
        store.write(u"tokens"_s, "secret"_ba, recordInto(again));
        other.read(u"tokens"_s, recordInto(fromOther));
        other.remove(u"tokens"_s, recordInto(fromOther));
        // then each answers Unavailable, once, without waiting
        QTRY_COMPARE_WITH_TIMEOUT(again.size() + fromOther.size(), 3, kGenerousMs);
        QCOMPARE(again, QList<Outcome>{Outcome::Unavailable});
        QCOMPARE(fromOther, (QList<Outcome>{Outcome::Unavailable, Outcome::Unavailable}));
        // and the keychain was not asked again
        QCOMPARE(SilentKeyring::receivedCalls().size(), receivedAfterTimeout);
    }

    void callsWaitingTogether_allEndAtTheFirstTimeout() {
        // given a read with the short timeout, and a write started after it with a
        // timeout far beyond the test's bound (QtKeychain runs them one at a time)
        KeychainStore store(u"bizy-test"_s);
        KeychainStore other(u"bizy-test"_s);
        QList<Outcome> read;
        QList<Outcome> write;
        store.read(u"tokens"_s, recordInto(read));
        KeychainStore::setTimeout(10min);
        const auto restoreTimeout = qScopeGuard([] { KeychainStore::setTimeout(kTestTimeout); });
        other.write(u"tokens"_s, "secret"_ba, recordInto(write));
        // when the read times out
        QTRY_COMPARE_WITH_TIMEOUT(read.size(), 1, kGenerousMs);
        QCOMPARE(read.first(), Outcome::TimedOut);
        // then the write stops waiting too, once
        QTRY_COMPARE_WITH_TIMEOUT(write.size(), 1, kGenerousMs);
        QCOMPARE(write.first(), Outcome::TimedOut);
        QString error;
        QVERIFY2(SilentKeyring::startAfresh(&error), qPrintable(error));
        QCOMPARE(read.size(), 1);
        QCOMPARE(write.size(), 1);
    }

    void storeDestroyedWhileWaiting_reportsNothing_evenAfterTheTimeout() {
        // given a read waiting at the keychain
        auto store = std::make_unique<KeychainStore>(u"bizy-test"_s);
        const qsizetype receivedBefore = SilentKeyring::receivedCalls().size();
        QList<Outcome> outcomes;
        store->read(u"tokens"_s, recordInto(outcomes));
        QTRY_VERIFY_WITH_TIMEOUT(SilentKeyring::receivedCalls().size() > receivedBefore,
                                 kGenerousMs);
        // when its store goes away (the session closed), the timeout passes and
        // the keychain answers after all
        store.reset();
        QTest::qWait(int(3 * kTestTimeout.count()));
        QString error;
        QVERIFY2(SilentKeyring::startAfresh(&error), qPrintable(error));
        // then nobody is called back
        QVERIFY2(outcomes.isEmpty(), "a callback ran after its store was destroyed");
    }

    void storeDestroyedAfterTheTimeout_theLateAnswerIsIgnored() {
        // given a read that timed out
        auto store = std::make_unique<KeychainStore>(u"bizy-test"_s);
        QList<Outcome> outcomes;
        store->read(u"tokens"_s, recordInto(outcomes));
        QTRY_COMPARE_WITH_TIMEOUT(outcomes.size(), 1, kGenerousMs);
        // when its store goes away and then the keychain answers
        store.reset();
        QString error;
        QVERIFY2(SilentKeyring::startAfresh(&error), qPrintable(error));
        // then the answer goes nowhere
        QCOMPARE(outcomes, QList<Outcome>{Outcome::TimedOut});
    }
};

QTEST_GUILESS_MAIN(TestKeychainStoreTimeout)
#include "tst_keychainstore_timeout.moc"
