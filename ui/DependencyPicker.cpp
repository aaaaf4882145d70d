#include "DependencyPicker.h"

#include "TaskSearchModel.h"
#include "store/StoreClient.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace bizy {

namespace {
constexpr int kUuidRole = Qt::UserRole + 1;
} // namespace

DependencyPicker::DependencyPicker(StoreClient* store, const QString& taskUuid, QWidget* parent)
    : QWidget(parent)
    , m_store(store)
    , m_taskUuid(taskUuid)
    , m_search(new TaskSearchModel(this)) {
    m_search->setStore(store);
    m_list = new QListWidget(this);
    m_list->setObjectName(u"dependencies"_s);
    m_list->setAccessibleName(tr("Tasks this task waits for"));
    // Room for three titles; the dialog stays compact without dependencies.
    m_list->setMaximumHeight(m_list->fontMetrics().height() * 5);
    m_list->installEventFilter(this);

    m_field = new QLineEdit(this);
    m_field->setObjectName(u"addDependency"_s);
    m_field->setAccessibleName(tr("Add a task this task waits for"));
    m_field->setPlaceholderText(tr("Type part of a task's title to add it"));
    m_completer = new QCompleter(m_search, this);
    // The store already searched: show its answer as it is.
    m_completer->setCompletionMode(QCompleter::UnfilteredPopupCompletion);
    m_completer->setMaxVisibleItems(TaskSearchModel::kShown);
    m_completer->setWidget(m_field);
    m_field->installEventFilter(this);
    connect(m_field, &QLineEdit::textEdited, m_search, &TaskSearchModel::search);
    connect(m_search, &TaskSearchModel::searched, this, [this] {
        // An answer to a search typed before a pick cleared the field is stale.
        if (m_field->hasFocus() && !m_field->text().trimmed().isEmpty() && m_search->rowCount() > 0)
            m_completer->complete();
        else
            m_completer->popup()->hide();
    });
    connect(m_completer, qOverload<const QModelIndex&>(&QCompleter::activated), this,
            [this](const QModelIndex& index) {
                add(index.data(TaskSearchModel::UuidRole).toString(), index.data().toString());
                // After the completer wrote the title into the field.
                QMetaObject::invokeMethod(m_field, &QLineEdit::clear, Qt::QueuedConnection);
            });

    m_remove = new QPushButton(tr("Remove"), this);
    m_remove->setObjectName(u"removeDependency"_s);
    m_remove->setAccessibleName(tr("Remove the selected dependency"));
    m_remove->setEnabled(false);
    connect(m_remove, &QPushButton::clicked, this, &DependencyPicker::removeCurrent);
    connect(m_list, &QListWidget::currentRowChanged, this,
            [this](int row) { m_remove->setEnabled(row >= 0); });

    auto* fieldRow = new QHBoxLayout;
    fieldRow->setContentsMargins(0, 0, 0, 0);
    fieldRow->addWidget(m_field, 1);
    fieldRow->addWidget(m_remove);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_list);
    layout->addLayout(fieldRow);
    setFocusProxy(m_field);
    updateExcluded();
}

void DependencyPicker::setUuids(const QStringList& uuids) {
    m_list->clear();
    for (const QString& uuid : uuids)
        add(uuid, tr("(reading\u2026)"));
    if (!m_store || uuids.isEmpty())
        return;
    m_store
        ->run([uuids](LocalStore& store) {
            QHash<QString, QString> titles;
            for (const QString& uuid : uuids)
                if (const Result<Task> task = store.task(uuid))
                    titles.insert(uuid, task->title);
            return titles;
        })
        .then(this, [this](const QHash<QString, QString>& titles) {
            for (int row = 0; row < m_list->count(); ++row) {
                QListWidgetItem* item = m_list->item(row);
                const QString uuid = item->data(kUuidRole).toString();
                // A task deleted meanwhile (or not here yet) keeps its place, named so.
                item->setText(titles.value(uuid, tr("A task not on this computer")));
            }
        });
}

QStringList DependencyPicker::uuids() const {
    QStringList uuids;
    for (int row = 0; row < m_list->count(); ++row)
        uuids << m_list->item(row)->data(kUuidRole).toString();
    return uuids;
}

void DependencyPicker::add(const QString& uuid, const QString& title) {
    if (uuid.isEmpty() || uuid == m_taskUuid || uuids().contains(uuid))
        return;
    // Picked: the suggestions go (an open popup would keep the keyboard after the dialog).
    m_completer->popup()->hide();
    auto* item = new QListWidgetItem(title, m_list);
    item->setData(kUuidRole, uuid);
    updateExcluded();
    emit changed();
}

void DependencyPicker::removeCurrent() {
    const int row = m_list->currentRow();
    if (row < 0)
        return;
    delete m_list->takeItem(row);
    updateExcluded();
    emit changed();
}

void DependencyPicker::updateExcluded() {
    QStringList excluded = uuids();
    if (!m_taskUuid.isEmpty())
        excluded << m_taskUuid;
    m_search->setExcluded(excluded);
}

bool DependencyPicker::eventFilter(QObject* watched, QEvent* event) {
    if (event->type() != QEvent::KeyPress)
        return QWidget::eventFilter(watched, event);
    const int key = static_cast<QKeyEvent*>(event)->key();
    if (watched == m_list && (key == Qt::Key_Delete || key == Qt::Key_Backspace)) {
        removeCurrent();
        return true;
    }
    // Enter in the field adds the best match rather than saving the dialog
    // with a half-typed title in it (the popup handles Enter while it is open).
    if (watched == m_field && (key == Qt::Key_Return || key == Qt::Key_Enter) &&
        !m_field->text().trimmed().isEmpty()) {
        if (m_search->rowCount() > 0) {
            const QModelIndex best = m_search->index(0);
            add(best.data(TaskSearchModel::UuidRole).toString(), best.data().toString());
            m_field->clear();
        }
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace bizy
