#pragma once

#include <QLoggingCategory>
#include <QObject>
#include <QString>

#include <functional>

Q_DECLARE_LOGGING_CATEGORY(lcUi)

namespace ibc::ui {

// Keeps the store's session token in the desktop's keyring (Secret Service, KWallet, the macOS
// Keychain, Windows' credential store) through QtKeychain, one entry per server and user. Where
// there is no keyring, or the desk was built without QtKeychain, nothing is kept: reads find
// nothing, writes are dropped with a line in the log at info level, and the user signs in with
// their password next time. A token is never written anywhere else.
//
// The keyring answers asynchronously; each callback is called once, on the GUI thread, and not at
// all if `context` is destroyed first.
class TokenStore {
public:
    static bool builtWithKeychain();

    static void read(const QString &server, const QString &username, QObject *context,
                     std::function<void(const QString &token)> done);
    static void write(const QString &server, const QString &username, const QString &token);
    // "Log out": forgets the token. `done` (if any) is told whether the keyring confirmed it.
    static void wipe(const QString &server, const QString &username, QObject *context = nullptr,
                     std::function<void(bool ok)> done = {});

    static QString keyFor(const QString &server, const QString &username);
};

} // namespace ibc::ui
