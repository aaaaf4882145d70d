#include "TransferText.h"

#include <QByteArrayView>
#include <QList>
#include <QStringDecoder>

using namespace Qt::StringLiterals;

namespace bizy {

namespace {

// The first line of `bytes` that is not valid UTF-8.
qsizetype firstBadLine(const QByteArray& bytes) {
    const QList<QByteArray> lines = bytes.split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        QStringDecoder decoder(QStringDecoder::Utf8);
        // decode() is lazy: the text must be made for the decoder to see the bytes.
        [[maybe_unused]] const QString text = decoder.decode(lines.at(i));
        if (decoder.hasError())
            return i + 1;
    }
    return lines.size();
}

} // namespace

Error transferLineError(qsizetype line, const QString& message) {
    return Error::make(Error::Code::Validation, u"line %1: %2"_s.arg(line).arg(message));
}

Result<QString> readUtf8Text(const QByteArray& bytes, const QString& advice) {
    QByteArrayView body(bytes);
    if (body.startsWith("\xEF\xBB\xBF"))
        body = body.sliced(3);
    QStringDecoder decoder(QStringDecoder::Utf8);
    QString text = decoder.decode(body);
    if (decoder.hasError())
        return transferLineError(firstBadLine(body.toByteArray()),
                                 advice.isEmpty() ? u"not UTF-8 text"_s
                                                  : u"not UTF-8 text; "_s + advice);
    return text;
}

} // namespace bizy
