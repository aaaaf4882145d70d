#pragma once

#include <QList>
#include <QWidget>

class QLabel;
class QLineEdit;

namespace bizy {

class QuickAddEditor;
class StoreClient;

// A line above the task list ("quickAdd") that turns what is typed into a
// task: under it, what the line will make ("quickAddChip" labels: due,
// priority, tags, category, goal, after the title in "quickAddTitle") and
// what the user should know ("quickAddMessage": notes, the reason Enter does
// nothing, a store error). Enter creates the task and clears the line,
// Escape clears it (and, when it is empty, hands the focus back). A failed
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
    QLabel* chipAt(int index);

    QuickAddEditor* m_editor = nullptr;
    QLineEdit* m_line = nullptr;
    QWidget* m_preview = nullptr;
    QLabel* m_title = nullptr;
    QList<QLabel*> m_chips;
    QLabel* m_enterHint = nullptr;
    QLabel* m_message = nullptr;
    QString m_error; // the last save's failure, until the text changes
};

} // namespace bizy
