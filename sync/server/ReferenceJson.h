#pragma once

#include "Store.h"

#include <QJsonArray>
#include <QJsonObject>

namespace ibc::sync::server {

// GET /v1/reference: the partners, the queues (kinds with their subtypes, fields and outcomes),
// the SLA policies with their working calendar (GOV.UK's England and Wales bank holidays), and,
// for team leaders, the people work may be assigned to (from the store).
QJsonObject referenceJson(const Reference &fromStore, const models::User &user);

// The England and Wales bank holidays shipped with ibc-store, as ISO dates with their titles.
QJsonArray bankHolidays();

} // namespace ibc::sync::server
