#pragma once
// The rules module's permission names. Which roles hold them is in module.cpp.
#include <string_view>

namespace kientao::access {

inline constexpr std::string_view kRulesRead = "rules.read";  // the rule catalogue (read-only)

}  // namespace kientao::access
