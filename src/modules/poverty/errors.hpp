#pragma once
// The poverty module's error codes (POV-1xxx). Messages: i18n/vi.toml and i18n/en.toml.
#include "base/error.hpp"

namespace kientao::poverty::errors {

inline constexpr ErrorDef kUnknownIndicator{"POV-1001", 422};  // {value}, {standard}
inline constexpr ErrorDef kNegativeIncome{"POV-1002", 422};
inline constexpr ErrorDef kCutoffRange{"POV-1003", 422};        // {value}: k outside (0, 1]
inline constexpr ErrorDef kNoStandard{"POV-1004", 422};         // {value}: no standard for the year
inline constexpr ErrorDef kTooManyHouseholds{"POV-1005", 413};  // {max}
inline constexpr ErrorDef kNotOneHead{"POV-1006", 422};         // {count}: heads in the household
inline constexpr ErrorDef kBornInFuture{"POV-1007", 422};       // {date}
inline constexpr ErrorDef kNegativeFact{"POV-1008", 422};       // a negative floor area or income
inline constexpr ErrorDef kCitizenIdTaken{"POV-1009", 409};  // in another household of the commune
inline constexpr ErrorDef kNotAVillage{"POV-1010", 422};  // {value}: not a village of the commune
inline constexpr ErrorDef kHouseholdCodeTaken{"POV-1011", 409};  // {value}
inline constexpr ErrorDef kHouseholdNotFound{"POV-1012", 404};
inline constexpr ErrorDef kNoMembers{"POV-1013", 422};
inline constexpr ErrorDef kUnknownChoice{"POV-1014", 422};  // {value}: a relationship, work …

}  // namespace kientao::poverty::errors
