#pragma once

#include "account/AdminClient.h"
#include "net/ApiError.h"

#include <QAbstractTableModel>
#include <QPointer>
#include <optional>

namespace bizy {

// A table of the admin API's pages (users, audit), loaded page by page as
// the view scrolls (fetchMore) or asks for more. Rows are only ever what the
// server answered: a new search or filter forgets the old rows, an answer to
// an older question is dropped, and a row already shown is not shown twice
// when the pages shifted under a change.
class AdminPagedModel : public QAbstractTableModel {
    Q_OBJECT
public:
    static constexpr int kPerPage = 50;

    explicit AdminPagedModel(QObject* parent = nullptr);

    // Null forgets every row (the account is no longer an admin).
    void setClient(AdminClient* client);
    AdminClient* client() const { return m_client; }

    // Forgets the rows and loads the first page again.
    void reload();
    // Forgets the rows without asking the server.
    void clear();

    bool isLoading() const { return m_loading; }
    // The rows the server has for the current search or filter; -1 before the first page.
    qint64 total() const { return m_total; }
    // Why the last page did not arrive; empty after a page did.
    QString errorText() const { return m_errorText; }
    // "12 of 140 shown", "Loading…", or the error.
    QString statusText() const;

    // The next page, also after a page failed (the view stops asking on its own then).
    void loadMore();

    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

signals:
    // Loading started or ended, a page arrived or failed.
    void statusChanged();

protected:
    // Asks for `page`; the answer goes to acceptPage(generation, ...) then appendRows.
    virtual void requestPage(int page, quint64 generation) = 0;
    virtual void clearRows() = 0;
    // Whether the answer (`received` items) is still wanted; records total or error.
    bool acceptPage(quint64 generation, const std::optional<ApiError>& error, qint64 total,
                    int received);
    // A row the server confirmed gone (or made) changes the total without a reload.
    void adjustTotal(qint64 delta);
    // After an accepted page: inserts `count` new rows at the end around
    // `insert` (which appends them).
    template <typename F> void appendRows(int count, F insert) {
        if (count > 0) {
            beginInsertRows({}, rowCount({}), rowCount({}) + count - 1);
            insert();
            endInsertRows();
        }
        emit statusChanged();
    }

private:
    QPointer<AdminClient> m_client;
    quint64 m_generation = 0;
    int m_nextPage = 1;
    qint64 m_total = -1;
    bool m_loading = false;
    bool m_exhausted = false;   // a short page came: there is no next one
    bool m_steppedBack = false; // a delete moved the next page back already
    QString m_errorText;
};

} // namespace bizy
