#pragma once
// The sipas module's permission names. Which roles hold them is in the module's manifest
// (modules/sipas/module.cpp); base/access only checks them.
#include <string_view>

namespace kientao::access {

// The survey's indices, its answers and its report.
inline constexpr std::string_view kSipasRead = "sipas.read";
// Entering paper questionnaires and managing the counter tablets (the commune's office).
inline constexpr std::string_view kSipasWrite = "sipas.write";

}  // namespace kientao::access
