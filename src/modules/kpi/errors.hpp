#pragma once
// Error codes of the KPI module (KPI-7xxx). Messages: web/i18n/{vi,en}.toml under the same keys.
#include "base/error.hpp"

namespace kientao::kpi::errors {
inline constexpr ErrorDef kScoreOutOfRange{"KPI-7001", 422};
inline constexpr ErrorDef kNegative{"KPI-7002", 422};
}  // namespace kientao::kpi::errors
