#pragma once

#include <QLayout>
#include <QList>

namespace bizy {

// Lays its widgets out left to right and wraps to a new row when the next
// one does not fit, each row centred vertically; its height follows its
// width (heightForWidth). What is wider than a whole row gets the row.
class FlowLayout : public QLayout {
public:
    explicit FlowLayout(QWidget* parent = nullptr, int spacing = 6);
    ~FlowLayout() override;

    void addItem(QLayoutItem* item) override;
    void insertWidget(int index, QWidget* widget);
    int count() const override;
    QLayoutItem* itemAt(int index) const override;
    QLayoutItem* takeAt(int index) override;

    Qt::Orientations expandingDirections() const override { return {}; }
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;
    QSize sizeHint() const override { return minimumSize(); }
    QSize minimumSize() const override;
    void setGeometry(const QRect& rect) override;

private:
    // Places the items in `rect` (or only measures) and returns the height used.
    int place(const QRect& rect, bool measureOnly) const;

    QList<QLayoutItem*> m_items;
};

} // namespace bizy
