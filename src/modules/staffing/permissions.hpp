#pragma once
// The staffing module's permission names. Which roles hold them is in the module's manifest
// (modules/staffing/module.cpp); base/access only checks them.
#include <string_view>

namespace kientao::access {

inline constexpr std::string_view kStaffingPlan =
    "staffing.plan";  // streamlining candidates, deferrals and benefit estimates

}  // namespace kientao::access
