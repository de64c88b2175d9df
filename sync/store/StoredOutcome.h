#pragma once

#include "store/Store.h"

#include <QByteArray>

#include <string_view>

// How the SQLite store keeps a command's outcome, so that a retry of the command gets back exactly
// what the first attempt got, the item in a conflict included. A private format of the store's
// file (compact JSON, numbers for enums), not the wire's.
namespace ibc::sync::stored {

QByteArray outcomeToJson(const CommandOutcome &outcome);
// Throws StoreError("damaged_store") if the text is not an outcome this format wrote.
CommandOutcome outcomeFromJson(std::string_view json);

} // namespace ibc::sync::stored
