#include "modules/org/store/org_store.hpp"

#include <algorithm>
#include <map>

#include "base/clock.hpp"
#include "base/text.hpp"
#include "store/in_list.hpp"

namespace kientao::org {

using store::Conn;
using store::Row;
using store::Value;

namespace {

const char* kUnitCols = "id, code, name, kind, parent_id, path, commune_id, active_from, active_to";

OrgUnit UnitFromRow(const Row& r) {
  OrgUnit u;
  u.id = r.Int(0);
  u.code = r.Str(1);
  u.name = r.Str(2);
  u.kind = ParseKind(r.Str(3)).value_or(OrgKind::kUnit);
  u.parent_id = r.Int(4);
  u.path = r.Str(5);
  u.commune_id = r.Int(6);
  u.active_from = Date::ParseIso(r.Str(7)).value_or(Date());
  if (!r.IsNull(8)) u.active_to = Date::ParseIso(r.Str(8));
  return u;
}

const char* kStaffCols =
    "s.id, s.commune_id, s.unit_id, s.full_name, s.sex, s.birth_date, s.citizen_id, s.category, "
    "s.position, "
    "s.start_date, s.status, s.end_date, u.code, u.name, u.path";

StaffRow StaffFromRow(const Row& r) {
  StaffRow row;
  Staff& s = row.staff;
  s.id = r.Int(0);
  s.commune_id = r.Int(1);
  s.unit_id = r.Int(2);
  s.full_name = r.Str(3);
  s.sex = SexFromCode(r.Str(4)).value_or(Sex::kMale);
  s.birth_date = Date::ParseIso(r.Str(5)).value_or(Date());
  s.citizen_id = r.Str(6);
  s.category = CategoryFromCode(r.Str(7)).value_or(StaffCategory::kCivilServant);
  s.position = r.Str(8);
  s.start_date = Date::ParseIso(r.Str(9)).value_or(Date());
  s.status = r.Str(10) == "active" ? StaffStatus::kActive : StaffStatus::kInactive;
  if (!r.IsNull(11)) s.end_date = Date::ParseIso(r.Str(11));
  row.unit_code = r.Str(12);
  row.unit_name = r.Str(13);
  row.unit_path = r.Str(14);
  return row;
}

// "(u.path LIKE :a ESCAPE '\' OR …)" for a set of subtree roots.
std::string ScopeClause(const std::string& column, const std::vector<std::string>& paths,
                        std::vector<Value>& params) {
  if (paths.empty()) return "1 = 0";
  std::string sql = "(";
  for (size_t i = 0; i < paths.size(); ++i) {
    params.emplace_back(text::EscapeLike(paths[i]) + "%");
    sql += (i ? " OR " : "") + column + " LIKE :s" + std::to_string(i) + " ESCAPE '\\'";
  }
  return sql + ")";
}

}  // namespace

std::optional<OrgUnit> OrgStore::GetUnit(Conn& c, long long id) {
  auto r = c.QueryOne(std::string("SELECT ") + kUnitCols + " FROM org_units WHERE id = :id", {id});
  if (!r) return std::nullopt;
  return UnitFromRow(*r);
}

std::optional<OrgUnit> OrgStore::GetUnitByCode(Conn& c, const std::string& code) {
  auto r =
      c.QueryOne(std::string("SELECT ") + kUnitCols + " FROM org_units WHERE code = :code", {code});
  if (!r) return std::nullopt;
  return UnitFromRow(*r);
}

std::vector<OrgUnit> OrgStore::GetUnits(Conn& c, const std::vector<long long>& ids) {
  std::vector<OrgUnit> out;
  store::ForEachIdSlice(ids, {}, [&](const std::vector<Value>& params, const std::string& in) {
    for (auto& r :
         c.Query(std::string("SELECT ") + kUnitCols + " FROM org_units WHERE id IN (" + in + ")",
                 params))
      out.push_back(UnitFromRow(r));
  });
  return out;
}

std::vector<OrgUnit> OrgStore::UnitsWhere(Conn& c, const std::string& where,
                                          const std::vector<Value>& params) {
  std::vector<OrgUnit> out;
  for (auto& r : c.Query(
           std::string("SELECT ") + kUnitCols + " FROM org_units WHERE " + where + " ORDER BY path",
           params))
    out.push_back(UnitFromRow(r));
  return out;
}

std::vector<OrgUnit> OrgStore::ListUnits(Conn& c, const std::vector<std::string>& scope_paths,
                                         bool include_inactive) {
  std::vector<Value> params;
  std::string sql = std::string("SELECT ") + kUnitCols + " FROM org_units WHERE " +
                    ScopeClause("path", scope_paths, params);
  if (!include_inactive) sql += " AND active_to IS NULL";
  std::vector<OrgUnit> units;
  for (auto& r : c.Query(sql, params)) units.push_back(UnitFromRow(r));
  // Tree order: sort each unit by the chain of (kind rank, collation key of name) from the root
  // down.
  std::map<long long, const OrgUnit*> by_id;
  for (auto& u : units) by_id[u.id] = &u;
  std::map<long long, std::string> keys;
  for (auto& u : units)
    keys[u.id] = std::to_string(static_cast<int>(u.kind)) + text::CollationKey(u.name);
  auto chain = [&](const OrgUnit& u) {
    std::vector<std::string> out;
    size_t pos = 1;
    while (pos < u.path.size()) {
      size_t end = u.path.find('/', pos);
      long long id = std::stoll(u.path.substr(pos, end - pos));
      out.push_back(keys.count(id) ? keys[id] : std::to_string(id));
      pos = end + 1;
    }
    return out;
  };
  std::vector<std::pair<std::vector<std::string>, OrgUnit>> sorted;
  for (auto& u : units) sorted.emplace_back(chain(u), u);
  std::sort(sorted.begin(), sorted.end(), [](auto& a, auto& b) { return a.first < b.first; });
  std::vector<OrgUnit> out;
  for (auto& [k, u] : sorted) out.push_back(std::move(u));
  return out;
}

OrgUnit OrgStore::InsertUnit(Conn& c, const OrgUnitDraft& d, const OrgUnit* parent) {
  std::string now = clock::NowIsoUtc();
  long long id = c.InsertId(
      "INSERT INTO org_units (code, name, kind, parent_id, path, commune_id, active_from, "
      "search_key, created_at, "
      "updated_at) VALUES (:1, :2, :3, :4, '/', NULL, :5, :6, :7, :8) RETURNING id",
      {d.code, d.name, std::string(KindCode(d.kind)), parent ? Value(parent->id) : Value(),
       d.active_from.ToIso(), text::Fold(d.name), now, now});
  OrgUnit u;
  u.id = id;
  u.code = d.code;
  u.name = d.name;
  u.kind = d.kind;
  u.parent_id = parent ? parent->id : 0;
  u.path = ChildPath(parent ? parent->path : "/", id);
  u.commune_id = IsCommuneLevel(d.kind) ? id : (parent ? parent->commune_id : 0);
  u.active_from = d.active_from;
  c.Exec("UPDATE org_units SET path = :1, commune_id = :2 WHERE id = :3",
         {u.path, u.commune_id ? Value(u.commune_id) : Value(), id});
  return u;
}

void OrgStore::UpdateUnit(Conn& c, long long id, const std::string& code, const std::string& name,
                          Date active_from) {
  c.Exec(
      "UPDATE org_units SET code = :1, name = :2, active_from = :3, search_key = :4, updated_at = "
      ":5 WHERE id = :6",
      {code, name, active_from.ToIso(), text::Fold(name), clock::NowIsoUtc(), id});
}

void OrgStore::DeactivateUnit(Conn& c, long long id, Date on) {
  c.Exec("UPDATE org_units SET active_to = :1, updated_at = :2 WHERE id = :3",
         {on.ToIso(), clock::NowIsoUtc(), id});
}

long long OrgStore::CountActiveChildren(Conn& c, long long id) {
  return c
      .QueryOne("SELECT COUNT(*) FROM org_units WHERE parent_id = :1 AND active_to IS NULL", {id})
      ->Int(0);
}

long long OrgStore::CountActiveStaff(Conn& c, long long unit_id) {
  return c
      .QueryOne("SELECT COUNT(*) FROM staff WHERE unit_id = :1 AND status = 'active'", {unit_id})
      ->Int(0);
}

std::optional<StaffRow> OrgStore::GetStaff(Conn& c, long long id) {
  auto r = c.QueryOne(std::string("SELECT ") + kStaffCols +
                          " FROM staff s JOIN org_units u ON u.id = s.unit_id WHERE s.id = :id",
                      {id});
  if (!r) return std::nullopt;
  return StaffFromRow(*r);
}

std::vector<StaffRow> OrgStore::GetStaff(Conn& c, const std::vector<long long>& ids) {
  std::vector<StaffRow> out;
  store::ForEachIdSlice(ids, {}, [&](const std::vector<Value>& params, const std::string& in) {
    for (auto& r : c.Query(
             std::string("SELECT ") + kStaffCols +
                 " FROM staff s JOIN org_units u ON u.id = s.unit_id WHERE s.id IN (" + in + ")",
             params))
      out.push_back(StaffFromRow(r));
  });
  return out;
}

std::vector<StaffRow> OrgStore::ListStaff(Conn& c, const StaffFilter& f) {
  std::vector<Value> params;
  std::string sql = std::string("SELECT ") + kStaffCols +
                    " FROM staff s JOIN org_units u ON u.id = s.unit_id WHERE " +
                    ScopeClause("u.path", f.scope_paths, params);
  if (!f.include_inactive) sql += " AND s.status = 'active'";
  if (!f.query.empty()) {
    params.emplace_back("%" + text::EscapeLike(text::Fold(text::NormalizeSpace(f.query))) + "%");
    sql += " AND s.search_key LIKE :q ESCAPE '\\'";
  }
  if (f.unit_id) {
    auto unit = GetUnit(c, f.unit_id);
    params.emplace_back(text::EscapeLike(unit ? unit->path : "/none/") + "%");
    sql += " AND u.path LIKE :up ESCAPE '\\'";
  }
  // sort_key holds only [0-9a-f], which every collation orders like bytes.
  sql += " ORDER BY s.sort_key, s.id";
  std::vector<StaffRow> out;
  for (auto& r : c.Query(sql, params)) out.push_back(StaffFromRow(r));
  return out;
}

std::optional<long long> OrgStore::FindStaffByCitizenId(Conn& c, long long commune_id,
                                                        const std::string& cid) {
  auto r = c.QueryOne("SELECT id FROM staff WHERE commune_id = :1 AND citizen_id = :2",
                      {commune_id, cid});
  if (!r) return std::nullopt;
  return r->Int(0);
}

long long OrgStore::InsertStaff(Conn& c, long long commune_id, const StaffDraft& d) {
  std::string now = clock::NowIsoUtc();
  return c.InsertId(
      "INSERT INTO staff (commune_id, unit_id, full_name, sex, birth_date, citizen_id, category, "
      "position, "
      "start_date, status, search_key, sort_key, created_at, updated_at) VALUES (:1, :2, :3, :4, "
      ":5, :6, :7, :8, "
      ":9, 'active', :10, :11, :12, :13) RETURNING id",
      {commune_id, d.unit_id, d.full_name, std::string(SexCode(d.sex)), d.birth_date.ToIso(),
       d.citizen_id, std::string(CategoryCode(d.category)), d.position, d.start_date.ToIso(),
       text::Fold(d.full_name), text::Hex(text::PersonNameKey(d.full_name)), now, now});
}

void OrgStore::UpdateStaff(Conn& c, long long id, long long commune_id, const StaffDraft& d) {
  c.Exec(
      "UPDATE staff SET commune_id = :1, unit_id = :2, full_name = :3, sex = :4, birth_date = :5, "
      "citizen_id = :6, "
      "category = :7, position = :8, start_date = :9, search_key = :10, sort_key = :11, updated_at "
      "= :12 "
      "WHERE id = :13",
      {commune_id, d.unit_id, d.full_name, std::string(SexCode(d.sex)), d.birth_date.ToIso(),
       d.citizen_id, std::string(CategoryCode(d.category)), d.position, d.start_date.ToIso(),
       text::Fold(d.full_name), text::Hex(text::PersonNameKey(d.full_name)), clock::NowIsoUtc(),
       id});
}

void OrgStore::DeactivateStaff(Conn& c, long long id, Date on) {
  c.Exec("UPDATE staff SET status = 'inactive', end_date = :1, updated_at = :2 WHERE id = :3",
         {on.ToIso(), clock::NowIsoUtc(), id});
}

}  // namespace kientao::org
