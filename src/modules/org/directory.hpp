#pragma once
// What other modules may read of the org structure and the staff registry: the org module's
// published read interface (ARCHITECTURE.md, "a module reads another only through its
// interface"). Every function runs on the caller's connection, inside its transaction, without a
// user's scope: the caller decides what its actor may see. Throws store::DbError on database
// failure.
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "modules/org/domain/org_unit.hpp"
#include "modules/org/domain/staff.hpp"
#include "modules/org/store/org_store.hpp"
#include "store/db.hpp"

namespace kientao::org {

class Directory {
 public:
  static std::optional<OrgUnit> Unit(store::Conn& c, long long id);
  static std::optional<OrgUnit> UnitByCode(store::Conn& c, const std::string& code);
  // The units with these ids (inactive ones too); an id that is no unit is absent from the map.
  static std::map<long long, OrgUnit> Units(store::Conn& c, const std::set<long long>& ids);
  // The commune a unit belongs to: the unit itself for a commune, 0 above commune level.
  static long long CommuneOf(const OrgUnit& u) { return u.commune_id; }
  // The commune and every unit under it (inactive ones too), in path order (parents first).
  static std::vector<OrgUnit> CommuneTree(store::Conn& c, long long commune_id);
  // The communes (and wards and special zones) under `path`, in path order.
  static std::vector<OrgUnit> CommunesUnder(store::Conn& c, const std::string& path);
  // The first city-level unit, if the tree has one.
  static std::optional<OrgUnit> City(store::Conn& c);
  static std::optional<StaffRow> Staff(store::Conn& c, long long id);
  // The commune's staff, those who left too when asked, sorted the Vietnamese way by given name.
  static std::vector<StaffRow> CommuneStaff(store::Conn& c, long long commune_id,
                                            bool include_inactive);
  // The people with these ids (those who left too), with their units; absent ids are left out.
  static std::map<long long, StaffRow> StaffByIds(store::Conn& c, const std::set<long long>& ids);
};

}  // namespace kientao::org
