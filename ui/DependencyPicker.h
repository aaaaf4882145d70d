#pragma once

#include <QPointer>
#include <QStringList>
#include <QWidget>

class QCompleter;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace bizy {

class StoreClient;
class TaskSearchModel;

// The tasks a task waits for: a list of their titles ("dependencies"), a
// field to find another by typing part of its title ("addDependency", with
// suggestions from the store's search as you type; Enter or a click adds the
// one picked) and Remove ("removeDependency", or Delete in the list). The
// task itself and the ones already listed are never offered.
class DependencyPicker : public QWidget {
    Q_OBJECT
public:
    DependencyPicker(StoreClient* store, const QString& taskUuid, QWidget* parent = nullptr);

    // The dependencies to show; their titles are read from the store.
    void setUuids(const QStringList& uuids);
    QStringList uuids() const;

signals:
    void changed();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void add(const QString& uuid, const QString& title);
    void removeCurrent();
    void updateExcluded();

    QPointer<StoreClient> m_store;
    QString m_taskUuid;
    TaskSearchModel* m_search;
    QListWidget* m_list = nullptr;
    QLineEdit* m_field = nullptr;
    QCompleter* m_completer = nullptr;
    QPushButton* m_remove = nullptr;
};

} // namespace bizy
