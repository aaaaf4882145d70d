#include "TaskText.h"

#include <QCoreApplication>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace bizy {

QString TaskText::status(TaskStatus status) {
    switch (status) {
    case TaskStatus::Pending:
        return QCoreApplication::translate("TaskText", "Pending");
    case TaskStatus::InProgress:
        return QCoreApplication::translate("TaskText", "In progress");
    case TaskStatus::Completed:
        return QCoreApplication::translate("TaskText", "Completed");
    case TaskStatus::Blocked:
        return QCoreApplication::translate("TaskText", "Blocked");
    }
    return {};
}

QString TaskText::priority(int priority) {
    switch (priority) {
    case 1:
        return QCoreApplication::translate("TaskText", "1 - Highest");
    case 2:
        return QCoreApplication::translate("TaskText", "2 - High");
    case 3:
        return QCoreApplication::translate("TaskText", "3 - Normal");
    case 4:
        return QCoreApplication::translate("TaskText", "4 - Low");
    case 5:
        return QCoreApplication::translate("TaskText", "5 - Lowest");
    }
    return QString::number(priority);
}

QString TaskText::dateTimeFormat() {
    return QLocale().dateFormat(QLocale::ShortFormat) + u' ' + timeFormat();
}

QString TaskText::timeFormat() {
    // Without seconds: nobody plans to the second.
    QString format = QLocale().timeFormat(QLocale::ShortFormat);
    format.remove(u":ss"_s);
    return format;
}

QString TaskText::dateTime(const QDateTime& utc) {
    return QLocale().toString(utc.toLocalTime(), dateTimeFormat());
}

QString TaskText::date(const QDateTime& utc) {
    return QLocale().toString(utc.toLocalTime().date(), QLocale::ShortFormat);
}

} // namespace bizy
