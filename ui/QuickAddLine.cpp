#include "QuickAddLine.h"

#include <QPainter>

namespace bizy {

QuickAddLine::QuickAddLine(QWidget* parent)
    : QLineEdit(parent) {}

void QuickAddLine::setMarks(const QList<Mark>& marks) {
    if (marks == m_marks)
        return;
    m_marks = marks;
    update();
}

void QuickAddLine::paintEvent(QPaintEvent* event) {
    QLineEdit::paintEvent(event);
    // Right-to-left text would need the layout's own positions; it goes unmarked.
    if (m_marks.isEmpty() || text().isRightToLeft())
        return;
    // Where the text starts, scrolling included: the cursor's place on screen
    // minus the width of the text before it. cursorRect() is centred on the
    // cursor's x (QLineEdit draws it 5 pixels left, 9 wide).
    const QFontMetrics metrics(font());
    const QRect cursor = cursorRect();
    const int origin = cursor.left() + 5 - metrics.horizontalAdvance(text().left(cursorPosition()));
    const int y = cursor.top() + metrics.ascent() + qMax(2, metrics.descent() / 2);

    QPainter painter(this);
    painter.setClipRect(contentsRect().marginsRemoved(textMargins()));
    for (const Mark& mark : m_marks) {
        const int from = origin + metrics.horizontalAdvance(text().left(mark.start));
        const int to = origin + metrics.horizontalAdvance(text().left(mark.start + mark.length));
        QPen pen(mark.color, 2);
        if (mark.dotted)
            pen.setStyle(Qt::DotLine);
        painter.setPen(pen);
        painter.drawLine(from, y, to - 1, y);
    }
}

} // namespace bizy
