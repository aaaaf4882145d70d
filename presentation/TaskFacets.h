#pragma once

#include "LatestRead.h"

#include <QObject>
#include <QStringList>

namespace bizy {

class StoreClient;
struct StoreChanges;

// The categories and tags in use in a store, for the task list's filters:
// read on the store's worker, again after each change of tasks (a burst of
// changes folds into one more read).
class TaskFacets : public QObject {
    Q_OBJECT
public:
    explicit TaskFacets(QObject* parent = nullptr);

    void setStore(StoreClient* store);

    QStringList categories() const { return m_facets.categories; }
    QStringList tags() const { return m_facets.tags; }

signals:
    // The lists changed (or the store went away).
    void changed();
    void errorOccurred(const QString& message);

private:
    struct Facets {
        QStringList categories;
        QStringList tags;
        bool operator==(const Facets&) const = default;
    };
    void onStoreChanged(const StoreChanges& changes);
    void onRead(const Result<Facets>& facets);

    LatestRead<Facets> m_read;
    Facets m_facets;
};

} // namespace bizy
