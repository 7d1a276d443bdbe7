#pragma once
// The poverty module's permission names. Which roles hold them is in the module's manifest
// (modules/poverty/module.cpp); base/access only checks them.
#include <string_view>

namespace kientao::access {

// The poverty standards and the calculators built on them (no household's data): everyone.
inline constexpr std::string_view kPovertyRead = "poverty.read";
// The household registry (personal data): reading it, in the villages of one's scope.
inline constexpr std::string_view kHouseholdRead = "poverty.households.read";
// Entering a household: the office, and a village head in their village.
inline constexpr std::string_view kHouseholdWrite = "poverty.households.write";

}  // namespace kientao::access
