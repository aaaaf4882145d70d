#include "CountDelegate.h"

#include <QApplication>
#include <QLocale>
#include <QPainter>

namespace bizy {

namespace {

constexpr int kPadding = 8;

} // namespace

CountDelegate::CountDelegate(int countRole, QObject* parent)
    : QStyledItemDelegate(parent)
    , m_countRole(countRole) {}

void CountDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                          const QModelIndex& index) const {
    QStyledItemDelegate::paint(painter, option, index);
    const QVariant value = index.data(m_countRole);
    const qsizetype count = value.toLongLong();
    if (!value.isValid() || count < 0)
        return;
    const QString text = QLocale().toString(count);
    const bool selected = option.state & QStyle::State_Selected;
    painter->save();
    painter->setPen(
        option.palette.color(selected ? QPalette::HighlightedText : QPalette::PlaceholderText));
    painter->drawText(option.rect.adjusted(0, 0, -kPadding, 0), Qt::AlignRight | Qt::AlignVCenter,
                      text);
    painter->restore();
}

QSize CountDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const {
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    // Room for the number beside the text, and rows a little taller than a list's.
    size.rwidth() += option.fontMetrics.horizontalAdvance(QStringLiteral("00000")) + kPadding;
    size.setHeight(std::max(size.height(), option.fontMetrics.height() + 10));
    return size;
}

} // namespace bizy
