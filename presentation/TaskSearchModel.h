#pragma once

#include "LatestRead.h"
#include "model/Task.h"

#include <QAbstractListModel>
#include <QStringList>

namespace bizy {

class StoreClient;

// Tasks whose words start with what was typed (the store's full-text search,
// read on its worker), at most a dozen, for picking one by title: a row's
// display is the title, UuidRole its uuid. `excluded` tasks are never offered.
class TaskSearchModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role { UuidRole = Qt::UserRole + 1 };
    static constexpr int kShown = 12;

    explicit TaskSearchModel(QObject* parent = nullptr);

    void setStore(StoreClient* store);
    void setExcluded(const QStringList& uuids);
    void search(const QString& text);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

signals:
    // New results are in.
    void searched();

private:
    void onRead(const Result<QList<Task>>& tasks);

    LatestRead<QList<Task>> m_read;
    QString m_text;
    QStringList m_excluded;
    QList<Task> m_tasks;
};

} // namespace bizy
