#pragma once
// Org units and staff in the database. Every function takes the caller's connection so a write and
// its audit entry share one transaction. Throws store::DbError on database failure.
#include <optional>
#include <string>
#include <vector>

#include "modules/org/domain/org_unit.hpp"
#include "modules/org/domain/staff.hpp"
#include "store/db.hpp"

namespace kientao::org {

struct StaffRow {
  Staff staff;
  std::string unit_code;
  std::string unit_name;
  std::string unit_path;
};

struct StaffFilter {
  std::vector<std::string> scope_paths;  // only staff of units under these paths; empty = none
  std::string query;                     // diacritic- and case-insensitive name search
  long long unit_id = 0;                 // 0 = any (includes the unit's subtree)
  bool include_inactive = false;
};

class OrgStore {
 public:
  static std::optional<OrgUnit> GetUnit(store::Conn& c, long long id);
  static std::optional<OrgUnit> GetUnitByCode(store::Conn& c, const std::string& code);
  static std::vector<OrgUnit> GetUnits(store::Conn& c, const std::vector<long long>& ids);
  // Units matching a WHERE clause over org_units' own columns, in path order.
  static std::vector<OrgUnit> UnitsWhere(store::Conn& c, const std::string& where,
                                         const std::vector<store::Value>& params);
  // Units under any of `scope_paths` (each subtree once), in tree order: parents before children,
  // siblings by kind then Vietnamese name order.
  static std::vector<OrgUnit> ListUnits(store::Conn& c, const std::vector<std::string>& scope_paths,
                                        bool include_inactive);
  // Inserts and returns the new unit (path and commune set). Throws DbError{unique} on a taken
  // code.
  static OrgUnit InsertUnit(store::Conn& c, const OrgUnitDraft& d, const OrgUnit* parent);
  static void UpdateUnit(store::Conn& c, long long id, const std::string& code,
                         const std::string& name, Date active_from);
  static void DeactivateUnit(store::Conn& c, long long id, Date on);
  static long long CountActiveChildren(store::Conn& c, long long id);
  static long long CountActiveStaff(store::Conn& c, long long unit_id);

  static std::optional<StaffRow> GetStaff(store::Conn& c, long long id);
  static std::vector<StaffRow> GetStaff(store::Conn& c, const std::vector<long long>& ids);
  // Sorted the Vietnamese way by given name, then the rest.
  static std::vector<StaffRow> ListStaff(store::Conn& c, const StaffFilter& f);
  static std::optional<long long> FindStaffByCitizenId(store::Conn& c, long long commune_id,
                                                       const std::string& cid);
  static long long InsertStaff(store::Conn& c, long long commune_id, const StaffDraft& d);
  static void UpdateStaff(store::Conn& c, long long id, long long commune_id, const StaffDraft& d);
  static void DeactivateStaff(store::Conn& c, long long id, Date on);
};

}  // namespace kientao::org
