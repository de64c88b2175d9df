#pragma once

#include "store/Store.h"

#include <QJsonObject>

namespace ibc::sync::server {

// GET /v1/reference: the partners, the queues (kinds with their subtypes, fields and outcomes),
// the service-level rules in force (SlaRules::toJson: bank holidays, partners' calendars, policies
// and usual handling times) and, for team leaders, the people work may be assigned to.
QJsonObject referenceJson(const Reference &fromStore, const models::User &user);

} // namespace ibc::sync::server
