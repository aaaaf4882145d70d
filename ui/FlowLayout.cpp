#include "FlowLayout.h"

#include <QWidget>

namespace bizy {

FlowLayout::FlowLayout(QWidget* parent, int spacing)
    : QLayout(parent) {
    setContentsMargins(0, 0, 0, 0);
    setSpacing(spacing);
}

FlowLayout::~FlowLayout() {
    qDeleteAll(m_items);
}

void FlowLayout::addItem(QLayoutItem* item) {
    m_items.append(item);
}

void FlowLayout::insertWidget(int index, QWidget* widget) {
    addChildWidget(widget);
    m_items.insert(qBound(0, index, int(m_items.size())), new QWidgetItem(widget));
    invalidate();
}

int FlowLayout::count() const {
    return int(m_items.size());
}

QLayoutItem* FlowLayout::itemAt(int index) const {
    return m_items.value(index);
}

QLayoutItem* FlowLayout::takeAt(int index) {
    return index >= 0 && index < m_items.size() ? m_items.takeAt(index) : nullptr;
}

int FlowLayout::heightForWidth(int width) const {
    return place(QRect(0, 0, width, 0), true);
}

QSize FlowLayout::minimumSize() const {
    // One item's height: the width is the container's to choose.
    int height = 0;
    for (const QLayoutItem* item : m_items) {
        if (!item->isEmpty())
            height = qMax(height, item->sizeHint().height());
    }
    const QMargins margins = contentsMargins();
    return QSize(margins.left() + margins.right(), height + margins.top() + margins.bottom());
}

void FlowLayout::setGeometry(const QRect& rect) {
    QLayout::setGeometry(rect);
    place(rect, false);
}

int FlowLayout::place(const QRect& rect, bool measureOnly) const {
    const QRect area = rect.marginsRemoved(contentsMargins());
    int y = area.top();
    QList<QPair<QLayoutItem*, QSize>> row;
    int rowWidth = 0;
    int rowHeight = 0;
    const auto finishRow = [&] {
        int x = area.left();
        for (const auto& [item, size] : std::as_const(row)) {
            if (!measureOnly)
                item->setGeometry(QRect(QPoint(x, y + (rowHeight - size.height()) / 2), size));
            x += size.width() + spacing();
        }
        if (!row.isEmpty())
            y += rowHeight + spacing();
        row.clear();
        rowWidth = 0;
        rowHeight = 0;
    };
    for (QLayoutItem* item : m_items) {
        if (item->isEmpty())
            continue;
        QSize size = item->sizeHint();
        size.setWidth(qMin(size.width(), area.width()));
        if (!row.isEmpty() && rowWidth + spacing() + size.width() > area.width())
            finishRow();
        rowWidth += (row.isEmpty() ? 0 : spacing()) + size.width();
        rowHeight = qMax(rowHeight, size.height());
        row.append({item, size});
    }
    finishRow();
    const int used = y - area.top() - (y > area.top() ? spacing() : 0);
    return used + contentsMargins().top() + contentsMargins().bottom();
}

} // namespace bizy
