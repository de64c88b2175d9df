#pragma once

// Driving the desk's modal dialogs from an offscreen GUI test, which blocks in exec() meanwhile.
#include <QApplication>
#include <QPushButton>
#include <QString>
#include <QTimer>
#include <QWidget>

#include <functional>

namespace ibc::test {

// Answers the next modal dialog with `answer`, once it is up.
inline void whenModal(std::function<void(QWidget *)> answer)
{
    auto *timer = new QTimer(qApp);
    timer->setInterval(20);
    QObject::connect(timer, &QTimer::timeout, qApp, [timer, answer = std::move(answer)] {
        if (QWidget *w = QApplication::activeModalWidget()) {
            timer->stop();
            timer->deleteLater();
            answer(w);
        }
    });
    timer->start();
}

// Clicks the button of `dialog` labelled `text` (mnemonic ampersands ignored).
inline void clickButton(QWidget *dialog, const QString &text)
{
    for (QPushButton *b : dialog->findChildren<QPushButton *>())
        if (b->text().remove(QLatin1Char('&')) == text) {
            b->click();
            return;
        }
    qWarning("no button %s", qPrintable(text));
}

} // namespace ibc::test
