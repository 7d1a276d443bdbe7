#include "modules/org/directory.hpp"

#include "base/text.hpp"

namespace kientao::org {

using store::Conn;

std::optional<OrgUnit> Directory::Unit(Conn& c, long long id) { return OrgStore::GetUnit(c, id); }

std::optional<OrgUnit> Directory::UnitByCode(Conn& c, const std::string& code) {
  return OrgStore::GetUnitByCode(c, code);
}

std::map<long long, OrgUnit> Directory::Units(Conn& c, const std::set<long long>& ids) {
  std::map<long long, OrgUnit> out;
  for (auto& u : OrgStore::GetUnits(c, {ids.begin(), ids.end()})) out.emplace(u.id, std::move(u));
  return out;
}

std::vector<OrgUnit> Directory::CommuneTree(Conn& c, long long commune_id) {
  return OrgStore::UnitsWhere(c, "id = :1 OR commune_id = :1", {commune_id});
}

std::vector<OrgUnit> Directory::CommunesUnder(Conn& c, const std::string& path) {
  return OrgStore::UnitsWhere(
      c, "kind IN ('commune', 'ward', 'special_zone') AND path LIKE :1 ESCAPE '\\'",
      {text::EscapeLike(path) + "%"});
}

std::optional<OrgUnit> Directory::City(Conn& c) {
  auto cities = OrgStore::UnitsWhere(c, "kind = 'city'", {});
  if (cities.empty()) return std::nullopt;
  return cities.front();
}

std::optional<StaffRow> Directory::Staff(Conn& c, long long id) {
  return OrgStore::GetStaff(c, id);
}

std::vector<StaffRow> Directory::CommuneStaff(Conn& c, long long commune_id,
                                              bool include_inactive) {
  auto u = OrgStore::GetUnit(c, commune_id);
  if (!u) return {};
  StaffFilter f;
  f.scope_paths = {u->path};
  f.include_inactive = include_inactive;
  return OrgStore::ListStaff(c, f);
}

std::map<long long, StaffRow> Directory::StaffByIds(Conn& c, const std::set<long long>& ids) {
  std::map<long long, StaffRow> out;
  for (auto& r : OrgStore::GetStaff(c, std::vector<long long>(ids.begin(), ids.end())))
    out.emplace(r.staff.id, std::move(r));
  return out;
}

}  // namespace kientao::org
