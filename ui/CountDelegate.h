#pragma once

#include <QStyledItemDelegate>

namespace bizy {

// Draws an item as usual with a number at its right edge (the sidebar's task
// counts), from `countRole`; a negative number (not known yet) draws nothing.
class CountDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    CountDelegate(int countRole, QObject* parent = nullptr);

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

private:
    int m_countRole;
};

} // namespace bizy
