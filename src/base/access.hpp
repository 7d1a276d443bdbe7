#pragma once
// Roles and the permission checker. A role is held over an org subtree; a
// permission is granted when some role of the principal carries it and the target lies in that
// role's subtree.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/principal.hpp"

namespace kientao::access {

// Role codes, as stored and as given to `kientao user add --role`.
inline constexpr std::string_view kAdmin = "admin";               // quản trị
inline constexpr std::string_view kLeader = "leader";             // lãnh đạo
inline constexpr std::string_view kOffice = "office";             // văn phòng
inline constexpr std::string_view kUnitHead = "unit_head";        // trưởng đơn vị
inline constexpr std::string_view kStaff = "staff";               // công chức
inline constexpr std::string_view kVillageHead = "village_head";  // trưởng thôn
inline constexpr std::string_view kSupervisor = "supervisor";     // giám sát (read-only)

const std::vector<std::string_view>& AllRoles();
bool IsRole(std::string_view role);

// Permissions are named by the modules (modules/<m>/permissions.hpp) and granted to roles by their
// manifests at start (Grant); this file only checks them.

// Gives `role` the permission (idempotent). Done at start, before any request is served.
void Grant(std::string_view role, std::string_view permission);
// Every permission granted to some role, and the roles holding one (for the permission table).
std::vector<std::string> Permissions();

bool RoleHas(std::string_view role, std::string_view permission);
// True when some grant of `p` carries `permission` (anywhere).
bool HasPermission(const Principal& p, std::string_view permission);
// True when some grant carrying `permission` covers the org unit at `unit_path` ("/1/4/9/").
bool Permits(const Principal& p, std::string_view permission, std::string_view unit_path);
// The subtree roots (paths) over which `p` holds `permission`, without nested duplicates.
std::vector<std::string> ScopePaths(const Principal& p, std::string_view permission);

}  // namespace kientao::access
