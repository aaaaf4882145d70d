#pragma once

#include <QList>
#include <QWidget>

class QLabel;

namespace bizy {

class QuickAddEditor;
class QuickAddLine;
class StoreClient;

// A line above the task list ("quickAdd", a QuickAddLine that underlines the
// words it understood) that turns what is typed into a task. Under it, what
// the line will make ("quickAddChip" labels: due, priority, tags, category,
// goal, after the title in "quickAddTitle"), or the grammar while it is
// empty ("quickAddHint"); then why Enter does nothing or a store error
// ("quickAddProblems", in red) and notes on what was done ("quickAddNotes"). Enter creates the task
// and clears the line, Escape clears it (and, when it is empty, hands the focus back). A failed
// save keeps the text.
class QuickAddBar : public QWidget {
    Q_OBJECT
public:
    explicit QuickAddBar(QWidget* parent = nullptr);

    void setStore(StoreClient* store);
    QuickAddEditor* editor() const { return m_editor; }

public slots:
    // Ctrl+L: the focus to the line, its text selected.
    void focusLine();

signals:
    void taskCreated(const QString& uuid);
    // Escape on an empty line.
    void leaveRequested();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void submit();
    void showResult();
    void markLine();
    void fitTitle();
    QLabel* chipAt(int index);

    QuickAddEditor* m_editor = nullptr;
    QuickAddLine* m_line = nullptr;
    QWidget* m_preview = nullptr;
    QLabel* m_hint = nullptr;
    QWidget* m_chipRow = nullptr;
    QLabel* m_title = nullptr;
    QList<QLabel*> m_chips;
    QLabel* m_enterHint = nullptr;
    QLabel* m_problems = nullptr;
    QLabel* m_notes = nullptr;
    QString m_error; // the last save's failure, until the text changes
};

} // namespace bizy
