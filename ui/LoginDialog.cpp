#include "ui/LoginDialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QUrl>
#include <QVBoxLayout>

namespace ibc::ui {

namespace {
const QString kServerKey = QStringLiteral("sync/server");
const QString kUserKey = QStringLiteral("sync/username");
} // namespace

LoginDialog::LoginDialog(QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("loginDialog"));
    setWindowTitle(tr("Sign in to IBC Desk"));
    auto *layout = new QVBoxLayout(this);
    m_intro = new QLabel(tr("Sign in to the central store to send your changes and receive everyone else's."));
    m_intro->setWordWrap(true);
    layout->addWidget(m_intro);

    auto *form = new QFormLayout;
    m_server = new QLineEdit;
    m_server->setPlaceholderText(tr("https://store.example.org:8443"));
    m_username = new QLineEdit;
    m_password = new QLineEdit;
    m_password->setEchoMode(QLineEdit::Password);
    form->addRow(tr("&Store address:"), m_server);
    form->addRow(tr("&Username:"), m_username);
    form->addRow(tr("&Password:"), m_password);
    layout->addLayout(form);

    m_problem = new QLabel;
    m_problem->setObjectName(QStringLiteral("loginProblem"));
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #B42318;"));
    m_problem->hide();
    layout->addWidget(m_problem);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Sign in"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(m_buttons);

    const QSettings settings;
    m_server->setText(settings.value(kServerKey).toString());
    m_username->setText(settings.value(kUserKey).toString());
    for (QLineEdit *edit : {m_server, m_username, m_password})
        connect(edit, &QLineEdit::textChanged, this, &LoginDialog::updateOk);
    resize(std::max(480, sizeHint().width()), sizeHint().height());
    updateOk();
    if (!m_server->text().isEmpty() && !m_username->text().isEmpty())
        m_password->setFocus();
}

void LoginDialog::setServer(const QString &server)
{
    m_server->setText(server);
    if (!m_username->text().isEmpty())
        m_password->setFocus();
}

void LoginDialog::setUsername(const QString &username)
{
    m_username->setText(username);
    if (!m_server->text().isEmpty())
        m_password->setFocus();
}

void LoginDialog::setSignInAgain(const QString &why)
{
    m_server->setReadOnly(true);
    m_username->setReadOnly(true);
    m_intro->setText(why.isEmpty() ? tr("Your session with the store has ended. Type your password to carry on; "
                                        "your changes are kept on this computer until then.")
                                   : tr("%1\nType your password to carry on; your changes are kept on this "
                                        "computer until then.")
                                         .arg(why));
    m_password->setFocus();
}

QString LoginDialog::server() const
{
    QString s = m_server->text().trimmed();
    while (s.endsWith(QLatin1Char('/')))
        s.chop(1);
    return s;
}

QString LoginDialog::username() const { return m_username->text().trimmed(); }
QString LoginDialog::password() const { return m_password->text(); }
QString LoginDialog::problemText() const { return m_problem->isHidden() ? QString() : m_problem->text(); }

QString LoginDialog::urlProblem(const QString &text)
{
    QString t = text.trimmed();
    while (t.endsWith(QLatin1Char('/')))
        t.chop(1);
    if (t.isEmpty())
        return tr("Type the store's address, for example https://store.example.org:8443.");
    const qsizetype sep = t.indexOf(QStringLiteral("://"));
    if (sep < 0)
        return tr("The address must start with https:// or http://, for example https://%1.").arg(t);
    const QString scheme = t.left(sep).toLower();
    if (scheme != QLatin1String("http") && scheme != QLatin1String("https"))
        return tr("The address must start with https:// or http://, not %1://.").arg(t.left(sep));
    // host[:port], with nothing after it: the store's API lives at its root.
    const QString rest = t.mid(sep + 3);
    static const QRegularExpression hostPort(
        QStringLiteral(R"(^(\[[0-9A-Fa-f:.]+\]|[^:/?#@\[\]\s]*)(?::([^/?#]*))?([/?#].*)?$)"));
    const auto m = hostPort.match(rest);
    if (!m.hasMatch() || rest.contains(QLatin1Char('@')))
        return tr("The address has something after the scheme that is not a server name: %1.").arg(rest);
    if (m.captured(1).isEmpty())
        return tr("The address has no server name after %1://.").arg(scheme);
    if (m.capturedStart(2) >= 0) {
        bool ok = false;
        const int port = m.captured(2).toInt(&ok);
        if (!ok || port < 1 || port > 65535 || m.captured(2).startsWith(QLatin1Char('+')))
            return tr("The port must be a number from 1 to 65535, not “%1”.").arg(m.captured(2));
    }
    if (!m.captured(3).isEmpty())
        return tr("The address should be the server alone, without “%1” after it.").arg(m.captured(3));
    const QUrl url(t, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty())
        return tr("The server name “%1” is not valid.").arg(m.captured(1));
    return {};
}

QString LoginDialog::problem() const
{
    if (const QString p = urlProblem(m_server->text()); !p.isEmpty())
        return p;
    if (username().isEmpty())
        return tr("Type your username.");
    if (m_password->text().isEmpty())
        return tr("Type your password.");
    return {};
}

void LoginDialog::updateOk()
{
    const QString p = problem();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(p.isEmpty());
    // Name a wrong address as soon as one has been typed; missing fields only grey out the button.
    const QString shown = m_server->text().trimmed().isEmpty() ? QString() : urlProblem(m_server->text());
    m_problem->setText(shown);
    m_problem->setVisible(!shown.isEmpty());
}

void LoginDialog::accept()
{
    if (!problem().isEmpty())
        return;
    QSettings settings;
    settings.setValue(kServerKey, server());
    settings.setValue(kUserKey, username());
    QDialog::accept();
}

std::optional<LoginDialog::Credentials> LoginDialog::ask(QWidget *parent, const QString &server,
                                                         const QString &username)
{
    LoginDialog dialog(parent);
    if (!server.isEmpty())
        dialog.setServer(server);
    if (!username.isEmpty())
        dialog.setUsername(username);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    return dialog.credentials();
}

} // namespace ibc::ui
