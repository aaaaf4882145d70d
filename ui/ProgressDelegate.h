#pragma once

#include <QStyledItemDelegate>

namespace bizy {

// Draws a percentage (0-100, from `percentRole`) as the style's progress bar
// with the number on it: a goal's progress in the tree.
class ProgressDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    ProgressDelegate(int percentRole, QObject* parent = nullptr);

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    // Tall enough for the bar and its number, whatever the row's text needs.
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

private:
    int m_percentRole;
};

} // namespace bizy
