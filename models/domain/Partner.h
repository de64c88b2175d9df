#pragma once

#include <QString>
#include <QStringList>

#include <span>

namespace ibc::models {

struct Partner {
    const char *code;
    const char *name;
    const char *shortName; // for narrow places: the navigator, the queue's tooltip
};

// The eight partners of the IBC, in the order the desk lists them.
std::span<const Partner> partners();
bool isPartnerCode(const QString &code);
QString partnerName(const QString &code);
QStringList partnerCodes();

} // namespace ibc::models
