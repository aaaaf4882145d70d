#include "ProgressDelegate.h"

#include <QApplication>
#include <QLocale>
#include <QStyleOptionProgressBar>

namespace bizy {

ProgressDelegate::ProgressDelegate(int percentRole, QObject* parent)
    : QStyledItemDelegate(parent)
    , m_percentRole(percentRole) {}

void ProgressDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                             const QModelIndex& index) const {
    // The row's background (selection, alternate colour) first, without text.
    QStyleOptionViewItem background = option;
    initStyleOption(&background, index);
    background.text.clear();
    const QWidget* widget = option.widget;
    QStyle* style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &background, painter, widget);

    const double percent = std::clamp(index.data(m_percentRole).toDouble(), 0.0, 100.0);
    QStyleOptionProgressBar bar;
    bar.initFrom(widget);
    bar.rect = option.rect.adjusted(3, 3, -3, -3);
    bar.minimum = 0;
    bar.maximum = 100;
    bar.progress = int(percent + 0.5);
    bar.text = QLocale().toString(bar.progress) + QStringLiteral(" %");
    bar.textVisible = true;
    bar.textAlignment = Qt::AlignCenter;
    bar.state = option.state | QStyle::State_Horizontal;
    style->drawControl(QStyle::CE_ProgressBar, &bar, painter, widget);
}

QSize ProgressDelegate::sizeHint(const QStyleOptionViewItem& option,
                                 const QModelIndex& index) const {
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.setHeight(std::max(size.height(), option.fontMetrics.height() + 12));
    return size;
}

} // namespace bizy
