#pragma once
// The auth module's permission names. Which roles hold them is in the module's manifest
// (modules/auth/module.cpp); base/access only checks them.
#include <string_view>

namespace kientao::access {

inline constexpr std::string_view kUsersAdmin = "users.admin";  // users, roles, API tokens
inline constexpr std::string_view kAuditRead = "audit.read";    // the audit log

}  // namespace kientao::access
