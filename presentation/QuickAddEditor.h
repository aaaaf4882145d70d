#pragma once

#include "model/Goal.h"
#include "model/Task.h"
#include "quickadd/QuickAddResult.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QTimeZone>

namespace bizy {

class StoreClient;
class TaskEditor;
struct StoreChanges;

// The quick-add line without its widget: the text as typed, what it means
// (QuickAddParser, read again on every change, against the store's goals and
// the user's zone), and creating the task through a TaskEditor. A line whose
// meaning has an issue that blocks creation (an unknown or ambiguous goal, no
// title, a field over the contract's limit) creates nothing; the preview says
// why, and the text stays for the user to fix.
class QuickAddEditor : public QObject {
    Q_OBJECT
public:
    explicit QuickAddEditor(QObject* parent = nullptr);

    // The store whose goals `+word` names and where tasks are created (null: none).
    void setStore(StoreClient* store);
    // What lines are read with: the clock, and the zone the user lives in
    // now (asked each time, so a change of the system's zone is followed).
    static QDateTime now();
    static QTimeZone timeZone();

    QString text() const { return m_text; }
    const QuickAddResult& result() const { return m_result; }
    bool isSaving() const { return !m_savingText.isNull(); }

public slots:
    void setText(const QString& text);
    // Creates the task when the line allows it and returns whether it started.
    // The line is read once more first: when the clock or the goals changed
    // what it means since it was shown, the new meaning is shown instead and
    // nothing is created, so the task made is always the one the user saw.
    bool submit();

signals:
    void resultChanged();
    // The task was stored; `line` is the text it came from.
    void created(const bizy::Task& task, const QString& line);
    void failed(const QString& message);

private:
    QuickAddResult parse() const;
    void reparse();
    void loadGoals();
    void onStoreChanged(const StoreChanges& changes);

    QPointer<StoreClient> m_store;
    TaskEditor* m_taskEditor = nullptr;
    QList<Goal> m_goals;
    quint64 m_goalsGeneration = 0;
    QString m_text;
    QString m_savingText; // null unless a save is under way
    QuickAddResult m_result;
};

} // namespace bizy
