#include "ConflictsDialog.h"

#include "ConflictListModel.h"
#include "TaskText.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace bizy {

ConflictsDialog::ConflictsDialog(StoreClient* store, QWidget* parent)
    : QDialog(parent)
    , m_model(new ConflictListModel(this)) {
    setObjectName(u"conflictsDialog"_s);
    setWindowTitle(tr("Sync Conflicts"));

    m_summary = new QLabel(this);
    m_summary->setObjectName(u"conflictSummary"_s);
    m_summary->setWordWrap(true);
    m_error = new QLabel(this);
    m_error->setObjectName(u"conflictError"_s);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(u"color: #c01c28;"_s);
    m_error->hide();

    m_table = new QTableView(this);
    m_table->setObjectName(u"conflictTable"_s);
    m_table->setAccessibleName(tr("Conflicts"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    // Rows grow to show a whole server message rather than hide it behind "...".
    m_table->setWordWrap(true);
    m_table->setAlternatingRowColors(true);
    m_table->setShowGrid(false);
    m_table->verticalHeader()->hide();
    QHeaderView* header = m_table->horizontalHeader();
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    header->setHighlightSections(false);
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(ConflictListModel::ValueColumn, QHeaderView::Stretch);
    const int charWidth = fontMetrics().averageCharWidth();
    m_table->setColumnWidth(ConflictListModel::KindColumn, charWidth * 36);
    m_table->setColumnWidth(ConflictListModel::ItemColumn, charWidth * 26);
    m_table->setColumnWidth(ConflictListModel::FieldColumn, charWidth * 16);
    m_table->setColumnWidth(ConflictListModel::WhenColumn,
                            fontMetrics().horizontalAdvance(TaskText::dateTime(
                                QDateTime(QDate(2030, 12, 28), QTime(22, 58), Qt::UTC))) +
                                charWidth * 3);

    m_restore = new QPushButton(tr("&Restore"), this);
    m_restore->setObjectName(u"restore"_s);
    m_restore->setToolTip(tr("Bring the lost value back as a new change; it syncs again."));
    m_dismiss = new QPushButton(tr("&Dismiss"), this);
    m_dismiss->setObjectName(u"dismiss"_s);
    m_dismiss->setToolTip(tr("Keep things as they are and remove this entry."));
    connect(m_restore, &QPushButton::clicked, this, [this] { m_model->restore(selectedId()); });
    connect(m_dismiss, &QPushButton::clicked, this, [this] { m_model->dismiss(selectedId()); });

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_restore, QDialogButtonBox::ActionRole);
    buttons->addButton(m_dismiss, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    resize(charWidth * 170, fontMetrics().height() * 26);

    connect(m_model, &ConflictListModel::loaded, this, [this] {
        m_summary->setText(m_model->summary());
        m_table->resizeRowsToContents();
        if (!m_table->currentIndex().isValid() && m_model->rowCount() > 0)
            m_table->selectRow(0);
        updateButtons();
    });
    connect(m_model, &ConflictListModel::entryHandled, this, [this] { m_error->hide(); });
    connect(m_model, &ConflictListModel::errorOccurred, this, &ConflictsDialog::showError);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &ConflictsDialog::updateButtons);
    m_model->setStore(store);
    updateButtons();
}

qint64 ConflictsDialog::selectedId() const {
    const QModelIndex current = m_table->currentIndex();
    return current.isValid() ? current.data(ConflictListModel::IdRole).toLongLong() : 0;
}

void ConflictsDialog::updateButtons() {
    const bool selected = selectedId() != 0;
    m_restore->setEnabled(selected);
    m_dismiss->setEnabled(selected);
}

void ConflictsDialog::showError(const QString& message) {
    m_error->setText(message);
    m_error->show();
}

} // namespace bizy
