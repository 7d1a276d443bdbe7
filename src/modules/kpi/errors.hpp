#pragma once
// Error codes of the KPI module (KPI-7xxx). Messages: web/i18n/{vi,en}.toml under the same keys.
#include "base/error.hpp"

namespace kientao::kpi::errors {
inline constexpr ErrorDef kScoreOutOfRange{"KPI-7001", 422};
inline constexpr ErrorDef kNegative{"KPI-7002", 422};
inline constexpr ErrorDef kBeforeAssignment{"KPI-7003", 422};
inline constexpr ErrorDef kSelf{"KPI-7004", 403};
inline constexpr ErrorDef kOutsideWindow{"KPI-7005", 422};
inline constexpr ErrorDef kNotFound{"KPI-7006", 404};
inline constexpr ErrorDef kNoStaffRecord{"KPI-7007", 422};
inline constexpr ErrorDef kState{"KPI-7008", 409};
inline constexpr ErrorDef kQuotaExceeded{"KPI-7009", 409};
inline constexpr ErrorDef kObjectiveCause{"KPI-7010", 403};
inline constexpr ErrorDef kNotRated{"KPI-7011", 422};
inline constexpr ErrorDef kAlreadyApproved{"KPI-7012", 409};
inline constexpr ErrorDef kImportRefused{"KPI-7013", 422};
inline constexpr ErrorDef kFactorRange{"KPI-7014", 422};
inline constexpr ErrorDef kFuture{"KPI-7015", 422};
inline constexpr ErrorDef kQuantityRange{"KPI-7016", 422};
inline constexpr ErrorDef kProductPosition{"KPI-7017", 422};
inline constexpr ErrorDef kPeriodKind{"KPI-7018", 422};
inline constexpr ErrorDef kMissingColumn{"KPI-7019", 422};
inline constexpr ErrorDef kClockTime{"KPI-7020", 422};        // a time of day that is not one
inline constexpr ErrorDef kEndsBeforeStart{"KPI-7021", 422};  // a meeting ending before it starts
}  // namespace kientao::kpi::errors
