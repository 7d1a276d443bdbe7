#include "store/scope.hpp"

#include <string>

#include "base/access.hpp"

namespace kientao::store {

long long ActorCommune(Conn& c, const Principal& p, std::string_view permission) {
  for (const RoleGrant& g : p.grants) {
    auto r = c.QueryOne("SELECT COALESCE(commune_id, 0), kind FROM org_units WHERE id = :1",
                        {g.scope_unit_id});
    if (!r) continue;
    if (r->Int(0)) return r->Int(0);
    if (r->Str(1) == "commune") return g.scope_unit_id;
  }
  for (auto& path : access::ScopePaths(p, permission)) {
    // Paths are digits and '/', nothing LIKE reads as a wildcard.
    auto r =
        c.QueryOne("SELECT id FROM org_units WHERE kind = 'commune' AND path LIKE :1 ORDER BY path",
                   {path + "%"});
    if (r) return r->Int(0);
  }
  return 0;
}

}  // namespace kientao::store
