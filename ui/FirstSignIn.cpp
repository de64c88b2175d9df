#include "ui/FirstSignIn.h"

#include "client/SyncController.h"
#include "ui/LoginDialog.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QMessageBox>

namespace ibc::ui {

namespace {

// Signs in once and waits for the store's answer: the user, or the problem in a sentence.
std::optional<models::User> signInOnce(sync::SyncController &controller, const QString &password, QString *problem)
{
    std::optional<models::User> user;
    QEventLoop loop;
    QObject::connect(&controller, &sync::SyncController::signedIn, &loop, [&](const sync::SessionInfo &session) {
        user = session.user;
        loop.quit();
    });
    QObject::connect(&controller, &sync::SyncController::statusChanged, &loop, [&](const sync::SyncStatus &s) {
        using State = sync::SyncStatus::State;
        if (s.state == State::NeedsSignIn || s.state == State::Offline || s.state == State::Stopped) {
            *problem = s.problem;
            loop.quit();
        }
    });
    if (controller.status().state == sync::SyncStatus::State::Starting)
        controller.start(password);
    else
        controller.signIn(password);
    loop.exec(); // the connections go with `loop`
    return user;
}

} // namespace

std::optional<models::User> firstSignIn(sync::SyncController &controller, QString password, QWidget *parent)
{
    for (;;) {
        if (password.isEmpty()) {
            const auto credentials =
                LoginDialog::ask(parent, controller.options().server, controller.options().username);
            if (!credentials)
                return std::nullopt;
            password = credentials->password;
        }
        QString problem;
        if (auto user = signInOnce(controller, password, &problem))
            return user;
        password.clear();
        QMessageBox box(QMessageBox::Warning,
                        QCoreApplication::translate("ibc::ui::FirstSignIn", "IBC Desk: cannot sign in"),
                        QCoreApplication::translate("ibc::ui::FirstSignIn", "Could not sign in to %1: %2")
                            .arg(controller.options().server, problem),
                        QMessageBox::Retry | QMessageBox::Cancel, parent);
        box.setObjectName(QStringLiteral("signInProblem"));
        if (box.exec() != QMessageBox::Retry)
            return std::nullopt;
        if (controller.status().state == sync::SyncStatus::State::Offline)
            controller.syncNow();
    }
}

} // namespace ibc::ui
