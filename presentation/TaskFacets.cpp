#include "TaskFacets.h"

#include "store/StoreClient.h"

namespace bizy {

TaskFacets::TaskFacets(QObject* parent)
    : QObject(parent)
    , m_read(
          this,
          [] {
              return [](LocalStore& store) -> Result<Facets> {
                  Result<QStringList> categories = store.taskCategories();
                  if (!categories)
                      return categories.error();
                  Result<QStringList> tags = store.taskTags();
                  if (!tags)
                      return tags.error();
                  return Facets{std::move(*categories), std::move(*tags)};
              };
          },
          [this](const Result<Facets>& facets) { onRead(facets); }) {}

void TaskFacets::setStore(StoreClient* store) {
    if (m_read.store())
        disconnect(m_read.store(), nullptr, this, nullptr);
    m_read.setStore(store);
    m_facets = {};
    emit changed();
    if (!store)
        return;
    connect(store, &StoreClient::changed, this, &TaskFacets::onStoreChanged);
    m_read.request();
}

void TaskFacets::onStoreChanged(const StoreChanges& changes) {
    if (changes.touchesTasks())
        m_read.request();
}

void TaskFacets::onRead(const Result<Facets>& facets) {
    if (!facets) {
        emit errorOccurred(facets.error().message);
        return;
    }
    if (*facets == m_facets)
        return;
    m_facets = *facets;
    emit changed();
}

} // namespace bizy
