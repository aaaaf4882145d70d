#include "AdminPagedModel.h"

#include "AdminText.h"
#include "account/AdminClient.h"

#include <QLocale>

namespace bizy {

AdminPagedModel::AdminPagedModel(QObject* parent)
    : QAbstractTableModel(parent) {}

void AdminPagedModel::setClient(AdminClient* client) {
    if (client == m_client)
        return;
    m_client = client;
    if (client)
        reload();
    else
        clear();
}

void AdminPagedModel::clear() {
    ++m_generation;
    beginResetModel();
    clearRows();
    endResetModel();
    m_nextPage = 1;
    m_total = -1;
    m_loading = false;
    m_exhausted = false;
    m_steppedBack = false;
    m_errorText.clear();
    emit statusChanged();
}

void AdminPagedModel::reload() {
    clear();
    if (m_client)
        fetchMore({});
}

QString AdminPagedModel::statusText() const {
    if (!m_errorText.isEmpty())
        return m_errorText;
    if (m_loading)
        return tr("Loading\u2026");
    if (m_total < 0)
        return {};
    const QLocale locale;
    return tr("%1 of %2 shown").arg(locale.toString(rowCount({})), locale.toString(m_total));
}

void AdminPagedModel::loadMore() {
    m_errorText.clear();
    fetchMore({});
}

bool AdminPagedModel::canFetchMore(const QModelIndex& parent) const {
    return !parent.isValid() && m_client && !m_loading && !m_exhausted && m_errorText.isEmpty() &&
           (m_total < 0 || rowCount({}) < m_total);
}

void AdminPagedModel::fetchMore(const QModelIndex& parent) {
    if (!canFetchMore(parent))
        return;
    m_loading = true;
    m_errorText.clear();
    emit statusChanged();
    requestPage(m_nextPage, m_generation);
}

void AdminPagedModel::adjustTotal(qint64 delta) {
    if (m_total < 0)
        return;
    m_total = qMax<qint64>(0, m_total + delta);
    // A row gone shifts the later pages back: the next page asked for is the
    // last one again (rows already shown are skipped), so nobody is left out.
    if (delta < 0 && m_nextPage > 1 && !m_steppedBack) {
        --m_nextPage;
        m_steppedBack = true;
    }
    emit statusChanged();
}

bool AdminPagedModel::acceptPage(quint64 generation, const std::optional<ApiError>& error,
                                 qint64 total, int received) {
    if (generation != m_generation)
        return false;
    m_loading = false;
    if (error) {
        m_errorText = AdminText::refusal(*error);
        emit statusChanged();
        return false;
    }
    ++m_nextPage;
    m_steppedBack = false;
    m_total = total;
    m_exhausted = received < kPerPage;
    return true;
}

} // namespace bizy
