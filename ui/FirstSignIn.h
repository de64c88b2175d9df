#pragma once

#include "domain/User.h"

#include <QString>

#include <optional>

class QWidget;

namespace ibc::sync {
class SyncController;
}

namespace ibc::ui {

// The first sign-in to a store from a cache, before the window opens: the store says who the user
// is (role, partners). Signs in with `password`, or asks for one (LoginDialog); on a refusal or an
// unreachable store, says why and offers to try again. Returns nullopt if the user gives up. Runs
// the event loop while it waits for the store, as a modal dialog does.
std::optional<models::User> firstSignIn(sync::SyncController &controller, QString password, QWidget *parent = nullptr);

} // namespace ibc::ui
