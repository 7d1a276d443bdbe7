#include "modules/org/service.hpp"

#include "modules/org/directory.hpp"

#include <map>
#include <set>

#include "base/access.hpp"
#include "base/clock.hpp"
#include "base/csv.hpp"
#include "base/json_writer.hpp"
#include "base/text.hpp"
#include "modules/org/errors.hpp"
#include "modules/org/permissions.hpp"
#include "store/audit_log.hpp"
#include "store/change_counter.hpp"
#include "store/scope.hpp"

namespace kientao::org {

using store::Conn;
using store::Tx;

namespace {
constexpr const char* kCounter = "org";
}  // namespace

namespace {

std::string UnitJson(const OrgUnit& u) {
  return JsonObject()
      .Int("id", u.id)
      .Str("code", u.code)
      .Str("name", u.name)
      .Str("kind", KindCode(u.kind))
      .Int("parent_id", u.parent_id)
      .Str("active_from", u.active_from.ToIso())
      .OptStr("active_to",
              u.active_to ? std::optional<std::string>(u.active_to->ToIso()) : std::nullopt)
      .Build();
}

// Audit snapshots hold the masked citizen ID: the log must not become a second copy of personal
// data.
std::string StaffJson(long long unit_id, const StaffDraft& d, std::string_view status) {
  return JsonObject()
      .Int("unit_id", unit_id)
      .Str("full_name", d.full_name)
      .Str("sex", SexCode(d.sex))
      .Str("birth_date", d.birth_date.ToIso())
      .Str("citizen_id", MaskCitizenId(d.citizen_id))
      .Str("category", CategoryCode(d.category))
      .Str("position", d.position)
      .Str("start_date", d.start_date.ToIso())
      .Str("status", status)
      .Build();
}

StaffDraft DraftOf(const Staff& s) {
  return StaffDraft{s.unit_id,    s.full_name, s.sex,      s.birth_date,
                    s.citizen_id, s.category,  s.position, s.start_date};
}

// The unit `id` when it exists and the actor can see it; ORG-1001 otherwise (out of scope looks
// missing).
OrgUnit VisibleUnit(Conn& c, const Actor& a, long long id, const char* field) {
  auto u = OrgStore::GetUnit(c, id);
  if (!u || !access::Permits(a.who, access::kOrgRead, u->path))
    throw Error(errors::kUnitNotFound, field);
  return *u;
}

// The staff member `id` when they exist and the actor can see them; ORG-1005 otherwise.
StaffRow VisibleStaff(Conn& c, const Actor& a, long long id) {
  auto s = OrgStore::GetStaff(c, id);
  if (!s || !access::Permits(a.who, access::kStaffRead, s->unit_path))
    throw Error(errors::kStaffNotFound, "id");
  return *s;
}

void RequireScope(const Actor& a, std::string_view perm, const std::string& path) {
  if (!access::Permits(a.who, perm, path)) throw Error(gen_errors::kOutOfScope, "unit_id");
}

// The domain's problems: one alone as its own error, several at once (GEN-0034, one detail each).
void ThrowFieldErrors(std::vector<FieldError> errs) {
  if (errs.empty()) return;
  if (errs.size() > 1) {
    Error all(gen_errors::kFormRefused, errs.front().field,
              {{"count", std::to_string(errs.size())}});
    all.details() = std::move(errs);
    throw all;
  }
  const FieldError& first = errs.front();
  Error e(ErrorDef{first.code == errors::kInvalidCitizenId.code      ? errors::kInvalidCitizenId
                   : first.code == errors::kBirthDateOutOfRange.code ? errors::kBirthDateOutOfRange
                                                                     : errors::kStartDateInvalid},
          first.field, first.params);
  throw e;
}

// Resolves and checks the unit a staff member is placed in.
OrgUnit StaffUnit(Conn& c, const Actor& a, long long unit_id) {
  auto unit = OrgStore::GetUnit(c, unit_id);
  if (!unit) throw Error(errors::kUnitNotFound, "unit_id");
  RequireScope(a, access::kStaffWrite, unit->path);
  if (!unit->active()) throw Error(errors::kUnitInactive, "unit_id");
  if (!HoldsStaff(unit->kind) || !unit->commune_id) throw Error(errors::kNotAStaffUnit, "unit_id");
  return *unit;
}

}  // namespace

std::vector<OrgUnit> OrgService::ListUnits(const Actor& a, bool include_inactive) {
  Conn c = db_.Lease();
  return OrgStore::ListUnits(c, access::ScopePaths(a.who, access::kOrgRead), include_inactive);
}

OrgUnit OrgService::GetUnit(const Actor& a, long long id) {
  Conn c = db_.Lease();
  return VisibleUnit(c, a, id, "id");
}

std::string OrgService::ActorCommuneName(const Actor& a, std::string_view permission) {
  Conn c = db_.Lease();
  long long id = store::ActorCommune(c, a.who, permission);
  auto r = c.QueryOne("SELECT name FROM org_units WHERE id = :1", {id});
  return r ? r->Str(0) : std::string();
}

OrgUnit OrgService::CreateUnit(const Actor& a, const OrgUnitDraft& d) {
  if (!ValidUnitCode(d.code)) throw Error(errors::kInvalidCode, "code", {{"value", d.code}});
  Conn c = db_.Lease();
  Tx tx(c);
  std::optional<OrgUnit> parent;
  if (d.parent_id) {
    parent = VisibleUnit(c, a, d.parent_id, "parent_id");
    RequireScope(a, access::kOrgWrite, parent->path);
  } else {
    RequireScope(a, access::kOrgWrite, "/");  // a new root needs a grant over the whole tree
  }
  ValidateUnit(d, parent ? &*parent : nullptr);
  if (OrgStore::GetUnitByCode(c, d.code))
    throw Error(errors::kCodeTaken, "code", {{"value", d.code}});
  OrgUnit u = OrgStore::InsertUnit(c, d, parent ? &*parent : nullptr);
  store::AppendAudit(c, a, "create", "org_unit", u.id, u.commune_id, std::nullopt, UnitJson(u));
  store::BumpCounter(c, kCounter);
  tx.Commit();
  return u;
}

OrgUnit OrgService::UpdateUnit(const Actor& a, long long id, const std::string& code,
                               const std::string& name, Date active_from) {
  Conn c = db_.Lease();
  Tx tx(c);
  auto u = VisibleUnit(c, a, id, "id");
  RequireScope(a, access::kOrgWrite, u.path);
  if (!ValidUnitCode(code)) throw Error(errors::kInvalidCode, "code", {{"value", code}});
  if (auto other = OrgStore::GetUnitByCode(c, code); other && other->id != id)
    throw Error(errors::kCodeTaken, "code", {{"value", code}});
  if (u.active_to && active_from > *u.active_to)
    throw Error(errors::kActiveDatesInvalid, "active_from");
  OrgUnit after = u;
  after.code = code;
  after.name = name;
  after.active_from = active_from;
  OrgStore::UpdateUnit(c, id, code, name, active_from);
  store::AppendAudit(c, a, "update", "org_unit", id, u.commune_id, UnitJson(u), UnitJson(after));
  store::BumpCounter(c, kCounter);
  tx.Commit();
  return after;
}

void OrgService::DeactivateUnit(const Actor& a, long long id, Date on) {
  Conn c = db_.Lease();
  Tx tx(c);
  auto u = VisibleUnit(c, a, id, "id");
  RequireScope(a, access::kOrgWrite, u.path);
  if (!u.active()) throw Error(errors::kAlreadyInactive, "id");
  if (on < u.active_from) throw Error(errors::kActiveDatesInvalid, "active_to");
  if (OrgStore::CountActiveChildren(c, id) > 0 || OrgStore::CountActiveStaff(c, id) > 0)
    throw Error(errors::kUnitHasActiveMembers, "id");
  OrgUnit after = u;
  after.active_to = on;
  OrgStore::DeactivateUnit(c, id, on);
  store::AppendAudit(c, a, "deactivate", "org_unit", id, u.commune_id, UnitJson(u),
                     UnitJson(after));
  store::BumpCounter(c, kCounter);
  tx.Commit();
}

std::shared_ptr<const StaffList> OrgService::ListStaff(const Actor& a, StaffFilter f) {
  f.scope_paths = access::ScopePaths(a.who, access::kStaffRead);
  std::string key =
      std::to_string(f.unit_id) + (f.include_inactive ? "|all|" : "|active|") + f.query;
  for (auto& p : f.scope_paths) key += "|" + p;
  // Through the counters' per-process cache: a hit costs no connection (store/change_counter.hpp).
  long long generation = store::CurrentCounter(db_, kCounter);
  {
    std::lock_guard g(cache_mu_);
    auto it = staff_cache_.find(key);
    if (it != staff_cache_.end() && it->second.first == generation) return it->second.second;
  }
  Conn c = db_.Lease();
  auto list = std::make_shared<StaffList>();
  list->rows = OrgStore::ListStaff(c, f);
  std::lock_guard g(cache_mu_);
  if (staff_cache_.size() >= kStaffCacheEntries) staff_cache_.clear();
  staff_cache_[key] = {generation, list};
  return list;
}

StaffRow OrgService::GetStaff(const Actor& a, long long id) {
  Conn c = db_.Lease();
  return VisibleStaff(c, a, id);
}

std::string OrgService::ReadCitizenId(const Actor& a, long long id) {
  Conn c = db_.Lease();
  Tx tx(c);
  auto s = VisibleStaff(c, a, id);
  if (!access::Permits(a.who, access::kStaffReadFull, s.unit_path))
    throw Error(gen_errors::kForbidden);
  store::AppendAudit(c, a, "read_full", "staff", id, s.staff.commune_id, std::nullopt,
                     std::nullopt);
  tx.Commit();
  return s.staff.citizen_id;
}

void OrgService::ThrottleConflicts(const Actor& a) {
  std::lock_guard g(conflicts_mu_);
  auto it = conflicts_.find(a.audit_name);
  if (it == conflicts_.end()) return;
  long long now = clock::NowUnix();
  std::erase_if(it->second, [now](long long t) { return t < now - 15 * 60; });
  if (it->second.size() >= kMaxConflicts) throw Error(gen_errors::kTooManyRequests, "citizen_id");
}

void OrgService::CitizenIdConflict(Conn& c, Tx& tx, const Actor& a, long long existing_id) {
  auto s = OrgStore::GetStaff(c, existing_id);
  if (s && access::Permits(a.who, access::kStaffReadFull, s->unit_path))
    throw Error(errors::kCitizenIdTaken, "citizen_id");
  // Nothing of the write was made: the transaction holds only this record of the probe.
  store::AppendAudit(c, a, "citizen_id_conflict", "staff", existing_id, s ? s->staff.commune_id : 0,
                     std::nullopt, std::nullopt);
  tx.Commit();
  {
    std::lock_guard g(conflicts_mu_);
    conflicts_[a.audit_name].push_back(clock::NowUnix());
  }
  throw Error(errors::kCitizenIdUnavailable, "citizen_id");
}

long long OrgService::CreateStaff(const Actor& a, const StaffDraft& d) {
  ThrowFieldErrors(ValidateStaff(d, clock::Today()));
  Conn c = db_.Lease();
  Tx tx(c);
  ThrottleConflicts(a);
  OrgUnit unit = StaffUnit(c, a, d.unit_id);
  if (auto other = OrgStore::FindStaffByCitizenId(c, unit.commune_id, d.citizen_id))
    CitizenIdConflict(c, tx, a, *other);
  long long id = OrgStore::InsertStaff(c, unit.commune_id, d);
  store::AppendAudit(c, a, "create", "staff", id, unit.commune_id, std::nullopt,
                     StaffJson(d.unit_id, d, "active"));
  store::BumpCounter(c, kCounter);
  tx.Commit();
  return id;
}

void OrgService::UpdateStaff(const Actor& a, long long id, const StaffDraft& d) {
  ThrowFieldErrors(ValidateStaff(d, clock::Today()));
  Conn c = db_.Lease();
  Tx tx(c);
  auto s = VisibleStaff(c, a, id);
  RequireScope(a, access::kStaffWrite, s.unit_path);
  ThrottleConflicts(a);
  OrgUnit unit =
      d.unit_id == s.staff.unit_id ? *OrgStore::GetUnit(c, d.unit_id) : StaffUnit(c, a, d.unit_id);
  if (auto other = OrgStore::FindStaffByCitizenId(c, unit.commune_id, d.citizen_id);
      other && *other != id)
    CitizenIdConflict(c, tx, a, *other);
  OrgStore::UpdateStaff(c, id, unit.commune_id, d);
  if (unit.commune_id != s.staff.commune_id)
    for (auto& hook : moved_hooks_) hook(c, id, unit.commune_id);
  std::string status(StatusCode(s.staff.status));
  store::AppendAudit(c, a, "update", "staff", id, unit.commune_id,
                     StaffJson(s.staff.unit_id, DraftOf(s.staff), status),
                     StaffJson(d.unit_id, d, status));
  store::BumpCounter(c, kCounter);
  tx.Commit();
}

void OrgService::DeactivateStaff(const Actor& a, long long id, Date on) {
  Conn c = db_.Lease();
  Tx tx(c);
  auto s = VisibleStaff(c, a, id);
  RequireScope(a, access::kStaffWrite, s.unit_path);
  if (s.staff.status != StaffStatus::kActive) throw Error(errors::kAlreadyInactive, "id");
  if (on < s.staff.start_date) throw Error(errors::kStartDateInvalid, "end_date");
  OrgStore::DeactivateStaff(c, id, on);
  auto d = DraftOf(s.staff);
  store::AppendAudit(c, a, "deactivate", "staff", id, s.staff.commune_id,
                     StaffJson(d.unit_id, d, "active"), StaffJson(d.unit_id, d, "inactive"));
  store::BumpCounter(c, kCounter);
  tx.Commit();
}

const std::vector<std::string>& OrgService::CsvColumns() {
  static const std::vector<std::string> kCols = {"full_name",  "sex",       "birth_date",
                                                 "citizen_id", "category",  "position",
                                                 "unit_code",  "start_date"};
  return kCols;
}

ImportResult OrgService::ImportStaffCsv(const Actor& a, std::string_view bytes,
                                        std::string_view charset) {
  std::string csv = DecodeUpload(bytes, charset, "file");
  Error refused(errors::kImportRefused, "file");
  auto problem = [&](int row, const std::string& field, ErrorDef def,
                     std::map<std::string, std::string> p = {}) {
    refused.AddDetail({field, std::string(def.code), std::move(p), row});
  };
  Conn c = db_.Lease();
  Tx tx(c);
  Date today = clock::Today();
  struct Parsed {
    StaffDraft d;
    long long commune_id;
  };
  std::vector<Parsed> parsed;
  std::set<std::pair<long long, std::string>> seen;
  std::map<std::string, std::optional<OrgUnit>> units;
  CsvHeader header;
  int rows = 0;
  // Row by row as the file is read: a large file is never held as a table.
  auto each = [&](std::vector<std::string>& row, int rowno) {
    if (rowno == 1) {
      header.Read(row, CsvColumns(), errors::kCsvMissingColumn);
      return true;
    }
    ++rows;
    // Too few or too many fields: refused, not read further.
    if (auto shape = CsvShapeProblem(header.names, row, rowno)) {
      refused.AddDetail(std::move(*shape));
      return true;
    }
    auto cell = [&](const std::string& name) { return header.Cell(row, name); };
    long long before = refused.DetailCount();
    for (const auto& name : CsvColumns())
      if (std::string bad = text::ForbiddenCharacter(cell(name)); !bad.empty())
        problem(rowno, name, gen_errors::kForbiddenCharacter, {{"char", bad}});
    StaffDraft d;
    d.full_name = cell("full_name");
    if (d.full_name.empty())
      problem(rowno, "full_name", gen_errors::kRequired);
    else if (text::CodePointCount(d.full_name) > 100)
      problem(rowno, "full_name", gen_errors::kTooLong, {{"max", "100"}});
    auto sex = ParseSex(cell("sex"));
    if (!sex) problem(rowno, "sex", gen_errors::kInvalidValue, {{"value", cell("sex")}});
    auto birth = Date::Parse(cell("birth_date"));
    if (!birth)
      problem(rowno, "birth_date", gen_errors::kInvalidDate, {{"value", cell("birth_date")}});
    d.citizen_id = cell("citizen_id");
    auto cat = ParseCategory(cell("category"));
    if (!cat) problem(rowno, "category", gen_errors::kInvalidValue, {{"value", cell("category")}});
    d.position = cell("position");
    if (d.position.empty())
      problem(rowno, "position", gen_errors::kRequired);
    else if (text::CodePointCount(d.position) > 100)
      problem(rowno, "position", gen_errors::kTooLong, {{"max", "100"}});
    auto start = Date::Parse(cell("start_date"));
    if (!start)
      problem(rowno, "start_date", gen_errors::kInvalidDate, {{"value", cell("start_date")}});
    std::string code = cell("unit_code");
    if (!units.count(code)) units[code] = OrgStore::GetUnitByCode(c, code);
    const auto& unit = units[code];
    long long commune_id = 0;
    if (!unit || !access::Permits(a.who, access::kOrgRead, unit->path)) {
      problem(rowno, "unit_code", errors::kUnitNotFound, {{"value", code}});
    } else if (!access::Permits(a.who, access::kStaffWrite, unit->path)) {
      problem(rowno, "unit_code", gen_errors::kOutOfScope);
    } else if (!unit->active()) {
      problem(rowno, "unit_code", errors::kUnitInactive);
    } else if (!HoldsStaff(unit->kind) || !unit->commune_id) {
      problem(rowno, "unit_code", errors::kNotAStaffUnit);
    } else {
      d.unit_id = unit->id;
      commune_id = unit->commune_id;
    }
    if (sex) d.sex = *sex;
    if (cat) d.category = *cat;
    if (birth && start) {
      d.birth_date = *birth;
      d.start_date = *start;
      for (auto& fe : ValidateStaff(d, today))
        refused.AddDetail({fe.field, fe.code, fe.params, rowno});
    } else if (!CitizenId::Parse(d.citizen_id)) {
      problem(rowno, "citizen_id", errors::kInvalidCitizenId);
    }
    if (commune_id && !seen.insert({commune_id, d.citizen_id}).second)
      problem(rowno, "citizen_id", errors::kDuplicateInFile);
    if (refused.DetailCount() == before) parsed.push_back({d, commune_id});
    return true;
  };
  int bad_line = 0;
  if (!ForEachCsvRow(csv, each, &bad_line))
    throw Error(errors::kCsvMalformed, "file", {{"line", std::to_string(bad_line)}});
  if (rows == 0) throw Error(errors::kEmptyImport, "file");
  if (refused.HasDetails()) throw refused;
  ImportResult result;
  for (auto& p : parsed) {
    if (auto existing = OrgStore::FindStaffByCitizenId(c, p.commune_id, p.d.citizen_id)) {
      auto s = OrgStore::GetStaff(c, *existing);
      if (!access::Permits(a.who, access::kStaffWrite, s->unit_path))
        throw Error(gen_errors::kOutOfScope, "unit_code");
      if (DraftOf(s->staff) == p.d) {
        ++result.unchanged;
        continue;
      }
      OrgStore::UpdateStaff(c, *existing, p.commune_id, p.d);
      std::string status(StatusCode(s->staff.status));
      store::AppendAudit(c, a, "import_update", "staff", *existing, p.commune_id,
                         StaffJson(s->staff.unit_id, DraftOf(s->staff), status),
                         StaffJson(p.d.unit_id, p.d, status));
      ++result.updated;
    } else {
      long long id = OrgStore::InsertStaff(c, p.commune_id, p.d);
      store::AppendAudit(c, a, "import_create", "staff", id, p.commune_id, std::nullopt,
                         StaffJson(p.d.unit_id, p.d, "active"));
      ++result.created;
    }
  }
  if (result.created || result.updated) store::BumpCounter(c, kCounter);
  tx.Commit();
  return result;
}

std::vector<StaffRow> OrgService::CommuneStaff(Conn& c, long long commune_id) const {
  return Directory::CommuneStaff(c, commune_id, true);
}

std::vector<OrgUnit> OrgService::CommuneUnits(Conn& c, long long commune_id) const {
  auto u = OrgStore::GetUnit(c, commune_id);
  if (!u) return {};
  return OrgStore::ListUnits(c, {u->path}, true);
}

std::string OrgService::ExportStaffCsv(const Actor& a) {
  StaffFilter f;
  f.scope_paths = access::ScopePaths(a.who, access::kStaffImport);
  Conn c = db_.Lease();
  auto rows = OrgStore::ListStaff(c, f);
  std::string out = "\xEF\xBB\xBF" + CsvLine(CsvColumns());
  for (auto& r : rows) {
    const Staff& s = r.staff;
    out += CsvLine({s.full_name, s.sex == Sex::kMale ? "Nam" : "Nữ", s.birth_date.ToVn(),
                    s.citizen_id, std::string(CategoryCode(s.category)), s.position, r.unit_code,
                    s.start_date.ToVn()});
  }
  Tx tx(c);
  store::AppendAudit(c, a, "export", "staff", 0, 0, std::nullopt,
                     JsonObject().Int("rows", static_cast<long long>(rows.size())).Build());
  tx.Commit();
  return out;
}

}  // namespace kientao::org
