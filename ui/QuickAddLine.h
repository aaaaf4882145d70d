#pragma once

#include <QColor>
#include <QLineEdit>
#include <QList>

namespace bizy {

// The quick-add line edit, which underlines the words it understood. Marks
// are painted over the text rather than set as text formats, so an input
// method's composition (CJK, dead keys) is never disturbed.
class QuickAddLine : public QLineEdit {
    Q_OBJECT
public:
    struct Mark {
        qsizetype start = 0; // UTF-16 offsets into text()
        qsizetype length = 0;
        QColor color;
        bool dotted = false;

        bool operator==(const Mark&) const = default;
    };

    explicit QuickAddLine(QWidget* parent = nullptr);

    void setMarks(const QList<Mark>& marks);
    QList<Mark> marks() const { return m_marks; }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    QList<Mark> m_marks;
};

} // namespace bizy
