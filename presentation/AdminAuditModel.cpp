#include "AdminAuditModel.h"

#include "AdminText.h"
#include "account/AdminClient.h"

#include <QLocale>

namespace bizy {

AdminAuditModel::AdminAuditModel(QObject* parent)
    : AdminPagedModel(parent) {}

void AdminAuditModel::setFilter(const AuditFilter& filter) {
    if (filter == m_filter)
        return;
    m_filter = filter;
    reload();
}

std::optional<AuditEntry> AdminAuditModel::entryAt(int row) const {
    if (row < 0 || row >= m_entries.size())
        return std::nullopt;
    return m_entries.at(row);
}

void AdminAuditModel::requestPage(int page, quint64 generation) {
    client()->audit(m_filter, page, kPerPage, this,
                    [this, generation](const AdminResult<AuditPage>& answer) {
                        const qint64 total = answer.ok() ? answer.value->total : 0;
                        const int received = answer.ok() ? answer.value->entries.size() : 0;
                        if (!acceptPage(generation, answer.error, total, received))
                            return;
                        // Newer rows push the pages down; what was shown already is skipped.
                        QList<AuditEntry> fresh;
                        for (const AuditEntry& entry : answer.value->entries)
                            if (!m_ids.contains(entry.id))
                                fresh.append(entry);
                        appendRows(fresh.size(), [&] {
                            for (const AuditEntry& entry : fresh) {
                                m_ids.insert(entry.id);
                                m_entries.append(entry);
                            }
                        });
                    });
}

void AdminAuditModel::clearRows() {
    m_entries.clear();
    m_ids.clear();
}

int AdminAuditModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_entries.size());
}

int AdminAuditModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : Count;
}

QVariant AdminAuditModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= m_entries.size())
        return {};
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole && role != Qt::AccessibleTextRole)
        return {};
    const AuditEntry& entry = m_entries.at(index.row());
    switch (index.column()) {
    case When:
        return QLocale().toString(entry.at.toLocalTime(), QLocale::ShortFormat);
    case Actor:
        return AdminText::who(entry.actorId, entry.actorUsername);
    case Action:
        return AdminText::action(entry.action);
    case Target:
        return entry.targetId ? AdminText::who(entry.targetId, entry.targetUsername) : QString();
    case Changes:
        return AdminText::changes(entry);
    default:
        return {};
    }
}

QVariant AdminAuditModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case When:
        return tr("When");
    case Actor:
        return tr("By");
    case Action:
        return tr("Action");
    case Target:
        return tr("User");
    case Changes:
        return tr("What changed");
    default:
        return {};
    }
}

} // namespace bizy
