#pragma once
// Error codes of the staffing module (STF-6xxx). Messages: web/i18n/{vi,en}.toml under the same keys.
#include "base/error.hpp"

namespace kientao::staffing::errors {
inline constexpr ErrorDef kBirthOutOfRange{"STF-6001", 422};
inline constexpr ErrorDef kYearRange{"STF-6002", 422};
}  // namespace kientao::staffing::errors
