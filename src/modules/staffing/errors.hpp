#pragma once
// Error codes of the staffing module (STF-6xxx). Messages: web/i18n/{vi,en}.toml under the same
// keys.
#include "base/error.hpp"

namespace kientao::staffing::errors {
inline constexpr ErrorDef kBirthOutOfRange{"STF-6001", 422};
inline constexpr ErrorDef kYearRange{"STF-6002", 422};
inline constexpr ErrorDef kQuotaNegative{"STF-6003", 422};
inline constexpr ErrorDef kUnitNotFound{"STF-6004", 404};
}  // namespace kientao::staffing::errors
