#include "DashboardPage.h"

#include "AssistantModel.h"
#include "BriefingCard.h"
#include "GoalText.h"

#include <QAction>
#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QEvent>
#include <QGraphicsLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QLegend>
#include <QLocale>
#include <QPieSeries>
#include <QPieSlice>
#include <QProgressBar>
#include <QScrollArea>
#include <QStackedWidget>
#include <QToolButton>
#include <QVBoxLayout>
#include <QValueAxis>
#include <cmath>

using namespace Qt::StringLiterals;

namespace bizy {

namespace {

constexpr int kChartMinimumHeight = 200;

// Mid-lightness hues that read on a light and on a dark background alike.
const QList<QColor> kStatusColors{QColor(0x8a, 0x94, 0xa6), QColor(0x3d, 0x7b, 0xe0),
                                  QColor(0xd9, 0x82, 0x2b), QColor(0x2e, 0x9e, 0x5b)};

QColor mix(const QColor& a, const QColor& b, double share) {
    return QColor::fromRgbF(float(a.redF() * (1 - share) + b.redF() * share),
                            float(a.greenF() * (1 - share) + b.greenF() * share),
                            float(a.blueF() * (1 - share) + b.blueF() * share));
}

bool isDark(const QPalette& palette) {
    return palette.color(QPalette::Base).lightness() < 128;
}

// Whole numbers only, about five ticks, never an empty range.
void setCountRange(QValueAxis* axis, qint64 largest) {
    const qint64 step = std::max<qint64>(1, qint64(std::ceil(double(largest) / 5)));
    const qint64 top = std::max(step, (largest + step - 1) / step * step);
    axis->setTickType(QValueAxis::TicksDynamic);
    axis->setTickAnchor(0);
    axis->setTickInterval(double(step));
    axis->setRange(0, double(top));
}

QString number(qint64 value) {
    return QLocale().toString(value);
}

} // namespace

DashboardPage::DashboardPage(DashboardModel* model, QAction* newTaskAction, QWidget* parent)
    : QWidget(parent)
    , m_model(model) {
    setObjectName(u"dashboard"_s);
    m_pages = new QStackedWidget(this);
    m_content = createContent();
    m_empty = createEmptyState(newTaskAction);
    m_pages->addWidget(m_content);
    m_pages->addWidget(m_empty);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_pages);

    connect(m_model, &DashboardModel::changed, this, &DashboardPage::showNumbers);
    m_model->setActive(false); // until shown
    showNumbers();
}

QWidget* DashboardPage::createEmptyState(QAction* newTaskAction) {
    auto* page = new QWidget(this);
    page->setObjectName(u"dashboardEmpty"_s);
    auto* title = new QLabel(tr("Your dashboard is empty"), page);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    title->setFont(titleFont);
    title->setAlignment(Qt::AlignCenter);
    auto* hint = new QLabel(tr("Add tasks and goals. As you complete them, this page shows how "
                               "your work stands: what is open and overdue, what you finished "
                               "each day and how far your goals have come."),
                            page);
    hint->setWordWrap(true);
    hint->setAlignment(Qt::AlignCenter);
    hint->setForegroundRole(QPalette::PlaceholderText);
    // Placed by alignment, a wrapped label gets its size hint, not the height its lines need.
    const int width = fontMetrics().averageCharWidth() * 64;
    hint->setFixedWidth(width);
    hint->setMinimumHeight(hint->heightForWidth(width));
    auto* layout = new QVBoxLayout(page);
    layout->addStretch(1);
    layout->addWidget(title);
    layout->addWidget(hint, 0, Qt::AlignHCenter);
    if (newTaskAction) {
        auto* button = new QToolButton(page);
        button->setObjectName(u"dashboardNewTask"_s);
        button->setDefaultAction(newTaskAction);
        button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        layout->addSpacing(8);
        layout->addWidget(button, 0, Qt::AlignHCenter);
        page->setFocusProxy(button);
    }
    layout->addStretch(2);
    return page;
}

QWidget* DashboardPage::createContent() {
    auto* content = new QWidget;
    auto* title = new QLabel(tr("Dashboard"), content);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setBold(true);
    title->setFont(titleFont);

    auto* tiles = new QHBoxLayout;
    tiles->setSpacing(8);
    tiles->addWidget(createTile(u"open"_s, tr("Open tasks"), &m_openValue));
    tiles->addWidget(createTile(u"overdue"_s, tr("Overdue"), &m_overdueValue));
    tiles->addWidget(createTile(u"completionRate"_s, tr("Completion rate"), &m_rateValue));
    tiles->addWidget(createTile(u"completed"_s, tr("Completed in 30 days"), &m_completedValue));

    // Completions: one bar per day, a date under every seventh bar, today last.
    m_completionsView =
        createChartView(u"completionsChart"_s, tr("Completed per day, last 30 days"));
    m_completions = new QBarSet(tr("Completed"));
    auto* perDay = new QBarSeries;
    perDay->append(m_completions);
    perDay->setBarWidth(0.7);
    QChart* completions = m_completionsView->chart();
    completions->addSeries(perDay);
    completions->legend()->hide();
    m_daysAxis = new QCategoryAxis;
    m_daysAxis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    m_daysAxis->setGridLineVisible(false);
    m_completionsAxis = new QValueAxis;
    m_completionsAxis->setLabelFormat(u"%d"_s);
    completions->addAxis(m_daysAxis, Qt::AlignBottom);
    completions->addAxis(m_completionsAxis, Qt::AlignLeft);
    perDay->attachAxis(m_daysAxis);
    perDay->attachAxis(m_completionsAxis);
    m_completionsView->setMinimumHeight(230);
    completions->setMargins(QMargins(4, 4, 16, 4)); // room for today's date under the last bar

    m_statusView = createChartView(u"statusChart"_s, tr("By status"));
    m_status = new QPieSeries;
    m_status->setHoleSize(0.45);
    m_statusView->chart()->addSeries(m_status);
    m_statusView->chart()->legend()->setAlignment(Qt::AlignRight);

    const auto horizontalBars = [this](const QString& name, const QString& chartTitle,
                                       const QString& setName, QBarSet** set) {
        QChartView* view = createChartView(name, chartTitle);
        *set = new QBarSet(setName);
        auto* series = new QHorizontalBarSeries;
        series->append(*set);
        series->setLabelsVisible(true);
        series->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
        series->setBarWidth(0.6);
        QChart* chart = view->chart();
        chart->addSeries(series);
        chart->legend()->hide();
        auto* names = new QBarCategoryAxis;
        auto* counts = new QValueAxis;
        counts->setLabelFormat(u"%d"_s);
        chart->addAxis(names, Qt::AlignLeft);
        chart->addAxis(counts, Qt::AlignBottom);
        series->attachAxis(names);
        series->attachAxis(counts);
        return view;
    };
    m_priorityView =
        horizontalBars(u"priorityChart"_s, tr("By priority"), tr("Tasks"), &m_priorities);
    m_categoryView =
        horizontalBars(u"categoryChart"_s, tr("By category"), tr("Tasks"), &m_categories);

    auto* charts = new QGridLayout;
    charts->setSpacing(8);
    charts->addWidget(m_completionsView, 0, 0, 1, 2);
    charts->addWidget(m_statusView, 1, 0);
    charts->addWidget(m_priorityView, 1, 1);
    charts->addWidget(m_categoryView, 2, 0);
    charts->addWidget(createGoalsBox(), 2, 1);
    charts->setColumnStretch(0, 1);
    charts->setColumnStretch(1, 1);

    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(12, 10, 12, 12);
    layout->setSpacing(10);
    layout->addWidget(title);
    layout->addLayout(tiles);
    m_contentLayout = layout;
    layout->addLayout(charts);
    layout->addStretch(1);

    auto* scroll = new QScrollArea(this);
    scroll->setObjectName(u"dashboardScroll"_s);
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setFocusPolicy(Qt::StrongFocus); // the keys scroll it
    scroll->setAccessibleName(tr("Dashboard"));
    return scroll;
}

QWidget* DashboardPage::createTile(const QString& name, const QString& caption, QLabel** value) {
    auto* tile = new QFrame;
    tile->setObjectName(name + u"Tile"_s);
    tile->setFrameShape(QFrame::StyledPanel);
    tile->setBackgroundRole(QPalette::Base);
    tile->setAutoFillBackground(true);
    *value = new QLabel(tile);
    (*value)->setObjectName(name + u"Value"_s);
    QFont big = (*value)->font();
    big.setPointSizeF(big.pointSizeF() * 2);
    big.setBold(true);
    (*value)->setFont(big);
    auto* label = new QLabel(caption, tile);
    label->setForegroundRole(QPalette::PlaceholderText);
    label->setWordWrap(true);
    auto* layout = new QVBoxLayout(tile);
    layout->setContentsMargins(12, 8, 12, 10);
    layout->setSpacing(0);
    layout->addWidget(*value);
    layout->addWidget(label);
    tile->setProperty("caption", caption);
    m_tiles << tile;
    return tile;
}

QChartView* DashboardPage::createChartView(const QString& name, const QString& title) {
    auto* chart = new QChart;
    chart->setTitle(title);
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->setBackgroundRoundness(4);
    QFont titleFont = font();
    titleFont.setBold(true);
    chart->setTitleFont(titleFont);
    // The card's edges are the view's, level with the tiles above.
    chart->layout()->setContentsMargins(0, 0, 0, 0);
    auto* view = new QChartView(chart);
    view->setObjectName(name);
    view->setFrameShape(QFrame::NoFrame);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(kChartMinimumHeight);
    view->setAccessibleName(title);
    return view;
}

QWidget* DashboardPage::createGoalsBox() {
    // A card like the charts beside it: the title above four rows.
    auto* box = new QFrame;
    box->setObjectName(u"goalsByHorizon"_s);
    box->setFrameShape(QFrame::StyledPanel);
    box->setBackgroundRole(QPalette::Base);
    box->setAutoFillBackground(true);
    auto* title = new QLabel(tr("Goals by horizon"), box);
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);
    title->setAlignment(Qt::AlignHCenter);
    auto* grid = new QGridLayout(box);
    grid->setContentsMargins(12, 8, 12, 12);
    grid->setColumnStretch(1, 1);
    grid->setVerticalSpacing(10);
    grid->addWidget(title, 0, 0, 1, 3);
    for (GoalHorizon horizon :
         {GoalHorizon::Yearly, GoalHorizon::Quarterly, GoalHorizon::Monthly, GoalHorizon::Weekly}) {
        HorizonRow row;
        row.name = new QLabel(GoalText::horizon(horizon), box);
        row.progress = new QProgressBar(box);
        row.progress->setObjectName(u"horizonProgress_"_s + toString(horizon));
        row.progress->setRange(0, 100);
        row.progress->setFormat(u"%p %"_s);
        row.progress->setAccessibleName(
            tr("%1 goals, average progress").arg(GoalText::horizon(horizon)));
        row.detail = new QLabel(box);
        row.detail->setObjectName(u"horizonDetail_"_s + toString(horizon));
        row.detail->setForegroundRole(QPalette::PlaceholderText);
        const int line = int(m_horizons.size()) + 1;
        grid->addWidget(row.name, line, 0);
        grid->addWidget(row.progress, line, 1);
        grid->addWidget(row.detail, line, 2);
        m_horizons << row;
    }
    grid->setRowStretch(int(m_horizons.size()) + 1, 1);
    return box;
}

void DashboardPage::setAssistant(AssistantModel* assistant) {
    m_assistant = assistant;
    // Under the title, above the tiles: the first thing read in the morning.
    m_contentLayout->insertWidget(1, new BriefingCard(assistant, m_contentLayout->parentWidget()));
    m_assistant->setBriefingWanted(isVisible());
}

void DashboardPage::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    if (m_model)
        m_model->setActive(true);
    if (m_assistant)
        m_assistant->setBriefingWanted(true);
}

void DashboardPage::hideEvent(QHideEvent* event) {
    QWidget::hideEvent(event);
    if (m_model) // the window's children go in order, the model before this page
        m_model->setActive(false);
    if (m_assistant)
        m_assistant->setBriefingWanted(false);
}

void DashboardPage::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyPalette();
}

void DashboardPage::showNumbers() {
    const DashboardStats& stats = m_model->stats();
    m_pages->setCurrentWidget(m_model->isLoaded() && stats.isEmpty() ? m_empty : m_content);
    setFocusProxy(m_pages->currentWidget()); // the window focuses the page it switches to
    showTiles();
    showCompletions();
    showStatus();
    showCounts(m_priorityView, m_priorities, m_model->byPriority());
    showCounts(m_categoryView, m_categories, m_model->byCategory());
    showGoals();
    applyPalette();
}

void DashboardPage::showTiles() {
    const DashboardStats& stats = m_model->stats();
    const QString rate = QLocale().toString(stats.completionRate(), 'f', 0);
    const QList<std::pair<QLabel*, QString>> values{
        {m_openValue, number(stats.openTasks())},
        {m_overdueValue, number(stats.tasks.overdue)},
        {m_rateValue, tr("%1 %").arg(rate)},
        {m_completedValue, number(stats.completedInPeriod())}};
    for (qsizetype i = 0; i < values.size(); ++i) {
        const auto& [label, text] = values.at(i);
        label->setText(text);
        QWidget* tile = m_tiles.at(i);
        // "Overdue: 2" as one thing for a screen reader.
        tile->setAccessibleName(tr("%1: %2").arg(tile->property("caption").toString(), text));
    }
}

void DashboardPage::showCompletions() {
    const QList<DashboardStats::Day>& days = m_model->stats().completedPerDay;
    QList<qreal> values;
    qint64 largest = 0;
    const DashboardStats::Day* busiest = nullptr;
    for (const DashboardStats::Day& day : days) {
        values << qreal(day.completed);
        largest = std::max(largest, day.completed);
        if (day.completed > 0 && (!busiest || day.completed > busiest->completed))
            busiest = &day;
    }
    m_completions->remove(0, m_completions->count());
    m_completions->append(values);
    // A date under today and every seventh day before it.
    for (const QString& label : m_daysAxis->categoriesLabels())
        m_daysAxis->remove(label);
    const QString dayFormat = tr("MMM d", "a day on the dashboard's axis, without the year");
    m_daysAxis->setStartValue(-0.5);
    for (qsizetype i = std::max<qsizetype>(days.size() - 1, 0) % 7; i < days.size(); i += 7)
        m_daysAxis->append(QLocale().toString(days.at(i).date, dayFormat), qreal(i));
    m_daysAxis->setRange(-0.5, qreal(std::max<qsizetype>(days.size(), 1)) - 0.5);
    setCountRange(m_completionsAxis, largest);

    const qint64 total = m_model->stats().completedInPeriod();
    QString description = tr("%n task(s) completed in the last 30 days", nullptr, int(total));
    if (!days.isEmpty())
        description += u"; "_s + tr("today %1").arg(number(days.last().completed));
    if (busiest)
        description += u"; "_s + tr("most on %1: %2")
                                     .arg(QLocale().toString(busiest->date, QLocale::LongFormat),
                                          number(busiest->completed));
    m_completionsView->setAccessibleDescription(description);
}

void DashboardPage::showStatus() {
    const QList<DashboardModel::Count> counts = m_model->byStatus();
    m_status->clear();
    QStringList description;
    for (qsizetype i = 0; i < counts.size(); ++i) {
        const DashboardModel::Count& count = counts.at(i);
        QPieSlice* slice = m_status->append(tr("%1: %2").arg(count.label, number(count.count)),
                                            qreal(count.count));
        slice->setColor(kStatusColors.at(i % kStatusColors.size()));
        description << tr("%1 %2").arg(count.label, number(count.count));
    }
    m_statusView->setAccessibleDescription(description.join(u", "_s));
}

void DashboardPage::showCounts(QChartView* view, QBarSet* set,
                               const QList<DashboardModel::Count>& counts) {
    // Listed top down, so the axis (which counts up from the bottom) gets them reversed.
    QStringList labels;
    QList<qreal> values;
    QStringList description;
    qint64 largest = 0;
    for (auto it = counts.crbegin(); it != counts.crend(); ++it) {
        QString label = it->label;
        // The axis needs distinct names ("Other" could also be someone's category).
        while (labels.contains(label))
            label += u'\u200b';
        labels << label;
        values << qreal(it->count);
        largest = std::max(largest, it->count);
    }
    for (const DashboardModel::Count& count : counts)
        description << tr("%1 %2").arg(count.label, number(count.count));
    set->remove(0, set->count());
    set->append(values);
    QChart* chart = view->chart();
    if (auto* names = qobject_cast<QBarCategoryAxis*>(chart->axes(Qt::Vertical).value(0))) {
        names->clear();
        names->append(labels);
    }
    if (auto* axis = qobject_cast<QValueAxis*>(chart->axes(Qt::Horizontal).value(0)))
        // Room beside the longest bar for its number.
        setCountRange(axis, largest + std::max<qint64>(1, largest / 8));
    view->setAccessibleDescription(counts.isEmpty() ? tr("No tasks") : description.join(u", "_s));
    // Qt Charts elides a bar's name to "..." when its row is lower than a line of
    // text: the chart grows with its rows (the page scrolls).
    const int rowHeight = view->fontMetrics().height() + 8;
    const int titleAndAxisHeight = 4 * view->fontMetrics().height() + 16;
    view->setMinimumHeight(
        std::max(kChartMinimumHeight, titleAndAxisHeight + int(counts.size()) * rowHeight));
}

void DashboardPage::showGoals() {
    const QList<DashboardStats::Horizon>& horizons = m_model->stats().goalsByHorizon;
    for (qsizetype i = 0; i < m_horizons.size(); ++i) {
        const HorizonRow& row = m_horizons.at(i);
        const DashboardStats::Horizon horizon =
            i < horizons.size() ? horizons.at(i) : DashboardStats::Horizon{};
        row.progress->setValue(int(std::lround(horizon.averageProgress)));
        row.progress->setEnabled(horizon.active > 0);
        row.detail->setText(
            horizon.goals == 0
                ? tr("no goals")
                : tr("%1 active of %2").arg(number(horizon.active), number(horizon.goals)));
        row.progress->setAccessibleDescription(row.detail->text());
    }
}

void DashboardPage::applyPalette() {
    const QPalette& colors = palette();
    const QColor text = colors.color(QPalette::Text);
    const QColor base = colors.color(QPalette::Base);
    const QColor grid = mix(base, text, 0.15);
    const QColor accent = colors.color(QPalette::Highlight);
    for (QChartView* view : {m_completionsView, m_statusView, m_priorityView, m_categoryView}) {
        QChart* chart = view->chart();
        chart->setBackgroundBrush(base);
        chart->setBackgroundPen(QPen(grid));
        chart->setTitleBrush(text);
        chart->legend()->setLabelColor(text);
        for (QAbstractAxis* axis : chart->axes()) {
            axis->setLabelsColor(text);
            axis->setLinePenColor(grid);
            axis->setGridLineColor(grid);
        }
        view->setBackgroundBrush(colors.window());
    }
    for (QBarSet* set : {m_completions, m_priorities, m_categories}) {
        set->setColor(accent);
        set->setBorderColor(accent);
        set->setLabelColor(text);
    }
    for (QPieSlice* slice : m_status->slices())
        slice->setBorderColor(base);
    // Overdue work stands out, in a red that reads on either background.
    QPalette overdue = m_overdueValue->palette();
    const QColor red = isDark(colors) ? QColor(0xff, 0x7b, 0x72) : QColor(0xc6, 0x28, 0x28);
    // On the tile's base background a label draws in the Text role.
    overdue.setColor(QPalette::Text, m_model && m_model->stats().tasks.overdue > 0
                                         ? red
                                         : colors.color(QPalette::Text));
    m_overdueValue->setPalette(overdue);
}

} // namespace bizy
