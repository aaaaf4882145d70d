#pragma once

#include "DashboardModel.h"

#include <QList>
#include <QPointer>
#include <QWidget>

class QAction;
class QBarSet;
class QCategoryAxis;
class QChartView;
class QLabel;
class QPieSeries;
class QProgressBar;
class QStackedWidget;
class QValueAxis;
class QVBoxLayout;

namespace bizy {

class AssistantModel;
class DashboardModel;

// How the work stands, from the local store: number tiles (open tasks
// "openValue", overdue "overdueValue", completion rate "completionRateValue",
// completed in the last 30 days "completedValue"), the tasks completed on each
// of the last 30 days ("completionsChart"), the tasks by status
// ("statusChart"), priority ("priorityChart") and category ("categoryChart"),
// and the goals of each horizon with the average progress of the active ones
// ("horizonProgress_yearly" ...). A new user sees a hint instead
// ("dashboardEmpty"). Charts take their colours from the palette, so they read
// in light and dark; each chart's accessible description says its numbers.
// The model reads only while the page is shown.
class DashboardPage : public QWidget {
    Q_OBJECT
public:
    // `newTaskAction` is offered on the empty page.
    DashboardPage(DashboardModel* model, QAction* newTaskAction, QWidget* parent = nullptr);
    // Shows the assistant's morning briefing under the title (BriefingCard),
    // asked for while the page is shown.
    void setAssistant(AssistantModel* assistant);

protected:
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    struct HorizonRow {
        QLabel* name = nullptr;
        QProgressBar* progress = nullptr;
        QLabel* detail = nullptr;
    };

    QWidget* createEmptyState(QAction* newTaskAction);
    QWidget* createContent();
    QWidget* createTile(const QString& name, const QString& caption, QLabel** value);
    QChartView* createChartView(const QString& name, const QString& title);
    QWidget* createGoalsBox();
    void showNumbers();
    void showTiles();
    void showCompletions();
    void showStatus();
    void showCounts(QChartView* view, QBarSet* set, const QList<DashboardModel::Count>& counts);
    void showGoals();
    void applyPalette();

    QPointer<DashboardModel> m_model;
    QPointer<AssistantModel> m_assistant;
    QVBoxLayout* m_contentLayout = nullptr;
    QStackedWidget* m_pages = nullptr;
    QWidget* m_content = nullptr;
    QWidget* m_empty = nullptr;
    QList<QWidget*> m_tiles;
    QLabel* m_openValue = nullptr;
    QLabel* m_overdueValue = nullptr;
    QLabel* m_rateValue = nullptr;
    QLabel* m_completedValue = nullptr;
    QChartView* m_completionsView = nullptr;
    QBarSet* m_completions = nullptr;
    QCategoryAxis* m_daysAxis = nullptr;
    QValueAxis* m_completionsAxis = nullptr;
    QChartView* m_statusView = nullptr;
    QPieSeries* m_status = nullptr;
    QChartView* m_priorityView = nullptr;
    QBarSet* m_priorities = nullptr;
    QChartView* m_categoryView = nullptr;
    QBarSet* m_categories = nullptr;
    QList<HorizonRow> m_horizons;
};

} // namespace bizy
