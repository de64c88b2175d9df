#include "domain/Partner.h"

#include <array>

namespace ibc::models {

namespace {
constexpr std::array<Partner, 8> kPartners{{
    {"HCC", "Hampshire County Council", "Hampshire CC"},
    {"OCC", "Oxfordshire County Council", "Oxfordshire CC"},
    {"HIWC", "Hampshire & Isle of Wight Constabulary", "Constabulary"},
    {"OPCC", "Office of the Police and Crime Commissioner for Hampshire and Isle of Wight",
     "Police & Crime Commissioner"},
    {"HIWFRS", "Hampshire & Isle of Wight Fire & Rescue Service", "Fire & Rescue"},
    {"LBHF", "London Borough of Hammersmith and Fulham", "Hammersmith & Fulham"},
    {"RBKC", "Royal Borough of Kensington and Chelsea", "Kensington & Chelsea"},
    {"WCC", "Westminster City Council", "Westminster"},
}};
} // namespace

std::span<const Partner> partners() { return kPartners; }

bool isPartnerCode(const QString &code)
{
    for (const auto &p : kPartners)
        if (code == QLatin1String(p.code))
            return true;
    return false;
}

QString partnerName(const QString &code)
{
    for (const auto &p : kPartners)
        if (code == QLatin1String(p.code))
            return QString::fromUtf8(p.name);
    return code;
}

QStringList partnerCodes()
{
    QStringList codes;
    for (const auto &p : kPartners)
        codes << QLatin1String(p.code);
    return codes;
}

} // namespace ibc::models
