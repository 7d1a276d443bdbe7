#pragma once
// The org module's permission names. Which roles hold them is in the module's manifest
// (modules/org/module.cpp); base/access only checks them.
#include <string_view>

namespace kientao::access {

inline constexpr std::string_view kOrgRead = "org.read";
inline constexpr std::string_view kOrgWrite = "org.write";
inline constexpr std::string_view kStaffRead = "staff.read";
inline constexpr std::string_view kStaffReadFull =
    "staff.read_full";  // unmasked citizen IDs (audited)
inline constexpr std::string_view kStaffWrite = "staff.write";
inline constexpr std::string_view kStaffImport = "staff.import";  // CSV import and export

}  // namespace kientao::access
