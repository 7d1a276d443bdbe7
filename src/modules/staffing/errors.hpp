#pragma once
// Error codes of the staffing module (STF-6xxx). Messages: web/i18n/{vi,en}.toml under the same
// keys.
#include "base/error.hpp"

namespace kientao::staffing::errors {
inline constexpr ErrorDef kBirthOutOfRange{"STF-6001", 422};
inline constexpr ErrorDef kYearRange{"STF-6002", 422};
inline constexpr ErrorDef kQuotaNegative{"STF-6003", 422};
inline constexpr ErrorDef kUnitNotFound{"STF-6004", 404};
inline constexpr ErrorDef kNegativeInput{"STF-6005", 422};
inline constexpr ErrorDef kStaffNotFound{"STF-6006", 404};
inline constexpr ErrorDef kGround{"STF-6007", 422};
inline constexpr ErrorDef kDeferred{"STF-6008", 409};
inline constexpr ErrorDef kPlanYear{"STF-6009", 422};
inline constexpr ErrorDef kDeferralDates{"STF-6010", 422};
}  // namespace kientao::staffing::errors
