#include "QuickAddEditor.h"

#include "PresentationLog.h"
#include "TaskEditor.h"
#include "model/IsoDateTime.h"
#include "quickadd/QuickAddParser.h"
#include "store/StoreClient.h"

namespace bizy {

QuickAddEditor::QuickAddEditor(QObject* parent)
    : QObject(parent) {}

QDateTime QuickAddEditor::now() {
    return IsoDateTime::nowUtc();
}

QTimeZone QuickAddEditor::timeZone() {
    return QTimeZone::systemTimeZone();
}

void QuickAddEditor::setStore(StoreClient* store) {
    if (m_store)
        disconnect(m_store, nullptr, this, nullptr);
    delete m_taskEditor;
    m_taskEditor = nullptr;
    m_savingText = QString();
    m_store = store;
    m_goals.clear();
    if (m_store) {
        connect(m_store, &StoreClient::changed, this, &QuickAddEditor::onStoreChanged);
        m_taskEditor = new TaskEditor(m_store, this);
        connect(m_taskEditor, &TaskEditor::saved, this, [this](const Task& task) {
            emit created(task, std::exchange(m_savingText, QString()));
        });
        connect(m_taskEditor, &TaskEditor::failed, this, [this](const Error& error) {
            m_savingText = QString();
            emit failed(error.message);
        });
    }
    loadGoals();
    reparse();
}

void QuickAddEditor::setText(const QString& text) {
    if (text == m_text)
        return;
    m_text = text;
    reparse();
}

QuickAddResult QuickAddEditor::parse() const {
    return QuickAddParser(now(), timeZone(), m_goals).parse(m_text);
}

void QuickAddEditor::reparse() {
    m_result = parse();
    emit resultChanged();
}

bool QuickAddEditor::submit() {
    if (isSaving() || !m_taskEditor)
        return false;
    const QuickAddResult now = parse();
    if (now != m_result) {
        m_result = now;
        emit resultChanged();
        return false;
    }
    if (!m_result.canCreate())
        return false;
    m_savingText = m_text;
    m_taskEditor->setDraft(m_result.draft());
    m_taskEditor->save();
    return true;
}

void QuickAddEditor::loadGoals() {
    const quint64 generation = ++m_goalsGeneration;
    if (!m_store)
        return;
    m_store->run([](LocalStore& store) { return store.goals(); })
        .then(this, [this, generation](const Result<QList<Goal>>& goals) {
            if (generation != m_goalsGeneration)
                return;
            if (!goals) {
                // +word then names no goal, and the preview says so.
                qCWarning(lcPresentation).noquote()
                    << "quick add: goals could not be read:" << goals.error().message;
                return;
            }
            m_goals = *goals;
            reparse();
        });
}

void QuickAddEditor::onStoreChanged(const StoreChanges& changes) {
    if (changes.touchesGoals())
        loadGoals();
}

} // namespace bizy
