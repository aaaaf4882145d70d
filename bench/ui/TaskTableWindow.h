#pragma once

#include <QTableView>

class QAbstractItemModel;

// The task table as the window shows it (rows selected whole, no grid,
// alternating colours, no row header, 1000 x 640), as a window of its own so
// a benchmark can bind any task model to it and have it laid out and painted.
class TaskTableWindow : public QTableView {
    Q_OBJECT
public:
    explicit TaskTableWindow(QAbstractItemModel* model, QWidget* parent = nullptr);
};
