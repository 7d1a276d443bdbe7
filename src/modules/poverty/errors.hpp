#pragma once
// The poverty module's error codes (POV-1xxx). Messages: i18n/vi.toml and i18n/en.toml.
#include "base/error.hpp"

namespace kientao::poverty::errors {

inline constexpr ErrorDef kUnknownIndicator{"POV-1001", 422};  // {value}, {standard}
inline constexpr ErrorDef kNegativeIncome{"POV-1002", 422};
inline constexpr ErrorDef kCutoffRange{"POV-1003", 422};        // {value}: k outside (0, 1]
inline constexpr ErrorDef kNoStandard{"POV-1004", 422};         // {value}: no standard for the year
inline constexpr ErrorDef kTooManyHouseholds{"POV-1005", 413};  // {max}

}  // namespace kientao::poverty::errors
