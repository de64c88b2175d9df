#pragma once

#include <QDialog>

#include <optional>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace ibc::ui {

// Asks for the store's address, the username and the password. The address must be an http:// or
// https:// URL with a server name and, if it has one, a port from 1 to 65535; a wrong one is named
// in a sentence before OK is allowed. The address and the username are remembered (QSettings
// "sync/server", "sync/username"); the password never is.
class LoginDialog : public QDialog {
    Q_OBJECT
public:
    struct Credentials {
        QString server;
        QString username;
        QString password;
    };

    explicit LoginDialog(QWidget *parent = nullptr);

    // Prefills the address and username (otherwise the remembered ones).
    void setServer(const QString &server);
    void setUsername(const QString &username);
    // Signing in again after the store ended the session: the address and username are fixed,
    // `why` says what happened, and only the password is asked for.
    void setSignInAgain(const QString &why);

    QString server() const;   // trimmed, without a trailing slash
    QString username() const; // trimmed
    QString password() const;
    Credentials credentials() const { return {server(), username(), password()}; }

    QLineEdit *serverEdit() const { return m_server; }
    QLineEdit *usernameEdit() const { return m_username; }
    QLineEdit *passwordEdit() const { return m_password; }
    QString problemText() const;

    // What is wrong with a store address, in a sentence; empty when it is fine.
    static QString urlProblem(const QString &url);

    // Shows the dialog; the credentials when the user pressed Sign in.
    static std::optional<Credentials> ask(QWidget *parent, const QString &server = {}, const QString &username = {});

    void accept() override;

private:
    QString problem() const;
    void updateOk();

    QLineEdit *m_server;
    QLineEdit *m_username;
    QLineEdit *m_password;
    QLabel *m_intro;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
};

} // namespace ibc::ui
