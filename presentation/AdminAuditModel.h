#pragma once

#include "AdminPagedModel.h"
#include "account/AdminValues.h"

#include <QSet>

namespace bizy {

// The admin audit trail, newest first, page by page from the server, filtered
// by user (as actor or target) and action on the server; each row says who
// did what to whom and what changed (AdminText).
class AdminAuditModel : public AdminPagedModel {
    Q_OBJECT
public:
    enum Column { When, Actor, Action, Target, Changes, Count };

    explicit AdminAuditModel(QObject* parent = nullptr);

    void setFilter(const AuditFilter& filter);
    AuditFilter filter() const { return m_filter; }
    std::optional<AuditEntry> entryAt(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

protected:
    void requestPage(int page, quint64 generation) override;
    void clearRows() override;

private:
    AuditFilter m_filter;
    QList<AuditEntry> m_entries;
    QSet<qint64> m_ids;
};

} // namespace bizy
