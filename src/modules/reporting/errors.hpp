#pragma once
// Error codes of the reporting module (REP-4xxx). Messages: web/i18n/{vi,en}.toml under the same
// keys.
#include "base/error.hpp"

namespace kientao::reporting::errors {
inline constexpr ErrorDef kUnknownPeriod{"REP-4001", 404};
inline constexpr ErrorDef kInvalidPeriodType{"REP-4002", 422};
inline constexpr ErrorDef kInvalidYear{"REP-4003", 422};
}  // namespace kientao::reporting::errors
