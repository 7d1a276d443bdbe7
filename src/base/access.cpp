#include "base/access.hpp"

#include <algorithm>
#include <map>
#include <mutex>
#include <set>

namespace kientao::access {

const std::vector<std::string_view>& AllRoles() {
  static const std::vector<std::string_view> kAll = {kAdmin, kLeader,      kOffice,    kUnitHead,
                                                     kStaff, kVillageHead, kSupervisor};
  return kAll;
}

bool IsRole(std::string_view role) {
  const auto& all = AllRoles();
  return std::find(all.begin(), all.end(), role) != all.end();
}

namespace {
// Filled at start by the modules' manifests, read-only afterwards.
std::map<std::string, std::set<std::string, std::less<>>, std::less<>>& Table() {
  static std::map<std::string, std::set<std::string, std::less<>>, std::less<>> table;
  return table;
}
std::mutex& TableMutex() {
  static std::mutex m;
  return m;
}
}  // namespace

void Grant(std::string_view role, std::string_view permission) {
  std::lock_guard lock(TableMutex());
  Table()[std::string(role)].insert(std::string(permission));
}

std::vector<std::string> Permissions() {
  std::set<std::string> all;
  for (auto& [role, perms] : Table()) all.insert(perms.begin(), perms.end());
  return {all.begin(), all.end()};
}

bool RoleHas(std::string_view role, std::string_view permission) {
  auto it = Table().find(role);
  return it != Table().end() && it->second.count(permission) > 0;
}

bool HasPermission(const Principal& p, std::string_view permission) {
  for (const auto& g : p.grants)
    if (RoleHas(g.role, permission)) return true;
  return false;
}

bool Permits(const Principal& p, std::string_view permission, std::string_view unit_path) {
  for (const auto& g : p.grants)
    if (RoleHas(g.role, permission) && !g.scope_path.empty() &&
        unit_path.substr(0, g.scope_path.size()) == g.scope_path)
      return true;
  return false;
}

std::vector<std::string> ScopePaths(const Principal& p, std::string_view permission) {
  std::vector<std::string> paths;
  for (const auto& g : p.grants)
    if (RoleHas(g.role, permission)) paths.push_back(g.scope_path);
  std::sort(paths.begin(), paths.end());
  std::vector<std::string> out;
  for (auto& s : paths)
    if (out.empty() || s.compare(0, out.back().size(), out.back()) != 0) out.push_back(s);
  return out;
}

}  // namespace kientao::access
