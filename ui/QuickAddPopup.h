#pragma once

#include <QWidget>

namespace bizy {

class QuickAddBar;
class StoreClient;

// The tray's quick add: a small window of its own holding the quick-add line
// (QuickAddBar), so a task can be added without bringing up the main window.
// Enter adds the task and closes it; Escape on an empty line closes it.
class QuickAddPopup : public QWidget {
    Q_OBJECT
public:
    explicit QuickAddPopup(QWidget* parent = nullptr);

    void setStore(StoreClient* store);
    QuickAddBar* bar() const { return m_bar; }

public slots:
    // Shown, raised, with the focus in the line.
    void popUp();

private:
    QuickAddBar* m_bar = nullptr;
};

} // namespace bizy
