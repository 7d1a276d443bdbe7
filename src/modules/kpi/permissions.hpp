#pragma once
// The kpi module's permission names. Which roles hold them is in the module's manifest
// (modules/kpi/module.cpp); base/access only checks them.
#include <string_view>

namespace kientao::access {

inline constexpr std::string_view kKpiRead =
    "kpi.read";  // KPI scores, the unit ranking and the annual rating list
inline constexpr std::string_view kKpiReview =
    "kpi.review";  // the unit's catalogue, assignments, confirming completions, general scores
inline constexpr std::string_view kKpiOwn =
    "kpi.own";  // one's own KPI page: the roles of those rated under Decree 335 (cadres and civil
                // servants), so the menu offers it to nobody it would refuse (village heads)
inline constexpr std::string_view kKpiRate =
    "kpi.rate";  // veto conditions, quota exceptions and the final annual rating

}  // namespace kientao::access
