#pragma once
// Org-structure and staff operations as users perform them: each checks the actor's permission and
// scope, validates, writes in one transaction together with its audit entry, and throws
// kientao::Error (nothing written) when refused. Used by the web handlers and the command line
// alike. Thread-safe.
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "base/principal.hpp"
#include "modules/org/domain/org_unit.hpp"
#include "modules/org/domain/staff.hpp"
#include "modules/org/store/org_store.hpp"
#include "store/db.hpp"

namespace kientao::org {

// One read of a staff list, shared by every request that asks the same question until the data
// changes. Immutable except for `rendered`, a place where the web layer memoises its JSON form of
// `rows`.
struct StaffList {
  std::vector<StaffRow> rows;
  // Fills the memo with make() on first use; later calls return it. Thread-safe.
  template <typename F>
  const std::string& Rendered(F make) const {
    std::call_once(rendered_once_, [&] { rendered_ = make(rows); });
    return rendered_;
  }

 private:
  mutable std::once_flag rendered_once_;
  mutable std::string rendered_;
};

struct ImportResult {
  int created = 0;
  int updated = 0;
  int unchanged = 0;  // rows equal to the record already held: nothing written, nothing audited
};

class OrgService {
 public:
  explicit OrgService(store::Database& db) : db_(db) {}

  std::vector<OrgUnit> ListUnits(const Actor& a, bool include_inactive);
  OrgUnit GetUnit(const Actor& a, long long id);  // ORG-1001 when missing or out of scope
  // The name of the commune the actor works in for `permission` ("Xã Lạc Phương"); empty when none.
  std::string ActorCommuneName(const Actor& a, std::string_view permission);
  OrgUnit CreateUnit(const Actor& a, const OrgUnitDraft& d);
  OrgUnit UpdateUnit(const Actor& a, long long id, const std::string& code, const std::string& name,
                     Date active_from);
  void DeactivateUnit(const Actor& a, long long id, Date on);

  // Served from memory while the org change counter has not moved (any process's write moves it).
  std::shared_ptr<const StaffList> ListStaff(const Actor& a, StaffFilter f);
  StaffRow GetStaff(const Actor& a, long long id);  // ORG-1005 when missing or out of scope
  // The unmasked citizen ID; writes a read_full audit entry.
  std::string ReadCitizenId(const Actor& a, long long id);
  long long CreateStaff(const Actor& a, const StaffDraft& d);
  void UpdateStaff(const Actor& a, long long id, const StaffDraft& d);
  void DeactivateStaff(const Actor& a, long long id, Date on);

  // CSV with header columns full_name, sex, birth_date, citizen_id, category, position, unit_code,
  // start_date. A row whose citizen ID exists in the unit's commune updates that person; others are
  // created. Every row is validated first; any problem throws ORG-1012 with every problem listed by
  // row and column, and nothing is written.
  // `bytes` as uploaded and the charset the sender declared (base/csv.hpp: "" for UTF-8/UTF-16).
  ImportResult ImportStaffCsv(const Actor& a, std::string_view bytes,
                              std::string_view charset = "");
  // The same columns, full citizen IDs (audited as an export), UTF-8 with BOM for spreadsheet
  // programs.
  std::string ExportStaffCsv(const Actor& a);

  static const std::vector<std::string>& CsvColumns();

  // A commune's staff (those who left too) and units, on the caller's connection, without a
  // user's scope: for the indicator providers of other modules, which compute a commune's figures
  // for whoever may read them.
  std::vector<StaffRow> CommuneStaff(store::Conn& c, long long commune_id) const;
  std::vector<OrgUnit> CommuneUnits(store::Conn& c, long long commune_id) const;

  // Called inside the transaction of an update that moves a person to another commune, so other
  // modules can file the person's records under the new commune. Register before serving.
  using StaffMovedHook =
      std::function<void(store::Conn& c, long long staff_id, long long to_commune_id)>;
  void OnStaffMoved(StaffMovedHook hook) { moved_hooks_.push_back(std::move(hook)); }

 private:
  // A citizen ID already held by another record. One who may read that record's full ID is told
  // so (ORG-1007); anyone else gets ORG-1021, which does not say whose or whether, the probe is
  // audited, and after kMaxConflicts in 15 minutes their staff writes with citizen IDs answer 429.
  [[noreturn]] void CitizenIdConflict(store::Conn& c, store::Tx& tx, const Actor& a,
                                      long long existing_id);
  void ThrottleConflicts(const Actor& a);
  static constexpr size_t kMaxConflicts = 5;
  std::mutex conflicts_mu_;
  std::map<std::string, std::vector<long long>> conflicts_;  // actor → seconds of recent conflicts
  static constexpr size_t kStaffCacheEntries = 256;
  store::Database& db_;
  std::vector<StaffMovedHook> moved_hooks_;
  std::mutex cache_mu_;
  // (filter and scope) → (generation, list)
  std::map<std::string, std::pair<long long, std::shared_ptr<const StaffList>>> staff_cache_;
};

}  // namespace kientao::org
