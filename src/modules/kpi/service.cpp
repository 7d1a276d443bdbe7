#include "modules/kpi/service.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "base/access.hpp"
#include "base/clock.hpp"
#include "base/csv.hpp"
#include "base/json_writer.hpp"
#include "base/number.hpp"
#include "base/text.hpp"
#include "modules/directive/service.hpp"
#include "modules/kpi/errors.hpp"
#include "modules/kpi/permissions.hpp"
#include "modules/org/directory.hpp"
#include "store/audit_log.hpp"
#include "store/in_list.hpp"
#include "store/scope.hpp"

namespace kientao::kpi {

using store::Conn;
using store::Tx;

namespace {

// The whole tree, for the scoring population (a leader's result depends on people the viewer may
// not list); access is checked before anything is shown.
const Principal& System() {
  static const Principal p = [] {
    Principal s;
    s.username = "kpi";
    s.grants.push_back({std::string(access::kAdmin), 0, "/"});
    return s;
  }();
  return p;
}

struct UnitRef {
  long long id = 0, commune_id = 0;
  std::string path, name;
};

std::optional<UnitRef> LoadUnit(Conn& c, long long id) {
  auto u = org::Directory::Unit(c, id);
  if (!u) return std::nullopt;
  return UnitRef{u->id, u->commune_id ? u->commune_id : u->id, u->path, u->name};
}

struct StaffRef {
  long long id = 0, unit_id = 0, commune_id = 0;
  std::string name, path, position, category;
};

// A staff member in post (the registry's row), with their unit's path for scope checks.
std::optional<StaffRef> LoadStaff(Conn& c, long long id) {
  auto r = org::Directory::Staff(c, id);
  if (!r || r->staff.status != org::StaffStatus::kActive) return std::nullopt;
  return StaffRef{r->staff.id,
                  r->staff.unit_id,
                  r->staff.commune_id,
                  r->staff.full_name,
                  r->unit_path,
                  r->staff.position,
                  std::string(org::CategoryCode(r->staff.category))};
}

// The staff member, when the actor holds `perm` over their unit (KPI-7006 otherwise, so that
// people out of scope are not revealed).
StaffRef StaffFor(Conn& c, const Actor& a, long long id, std::string_view perm) {
  auto s = LoadStaff(c, id);
  if (!s || !access::Permits(a.who, perm, s->path))
    throw Error(errors::kNotFound, "staff_id", {{"id", std::to_string(id)}});
  return *s;
}

bool Reads(const Actor& a, const std::string& path) {
  return access::Permits(a.who, access::kKpiRead, path) ||
         access::Permits(a.who, access::kKpiReview, path);
}

// Commune `commune_id` as the actor may read it (KPI-7006 otherwise: out of scope looks missing);
// with `rate`, also one they rate (GEN-0011).
UnitRef ReadableCommune(Conn& c, const Actor& a, long long commune_id, bool rate) {
  auto u = LoadUnit(c, commune_id);
  if (!u || u->id != u->commune_id || !Reads(a, u->path))
    throw Error(errors::kNotFound, "commune_id", {{"id", std::to_string(commune_id)}});
  if (rate && !access::Permits(a.who, access::kKpiRate, u->path))
    throw Error(gen_errors::kForbidden);
  return *u;
}

std::string Text(const std::string& s, const char* field, size_t max, bool required) {
  std::string t = text::Nfc(text::NormalizeSpace(s));
  if (std::string bad = text::ForbiddenCharacter(t); !bad.empty())
    throw Error(gen_errors::kForbiddenCharacter, field, {{"char", bad}});
  if (required && t.empty()) throw Error(gen_errors::kRequired, field);
  if (text::CodePointCount(t) > max)
    throw Error(gen_errors::kTooLong, field, {{"max", std::to_string(max)}});
  return t;
}

const char* kAssignmentColumns =
    "a.id, a.staff_id, a.unit_id, COALESCE(a.product_id, 0), COALESCE(a.task_id, 0), '', "
    "a.title, COALESCE(p.name, ''), COALESCE(p.measure, ''), a.source, a.assigned_by, a.status, "
    "a.report_note, COALESCE(a.reviewed_by, ''), a.review_note, a.factor, a.quantity, "
    "a.assigned_on, a.deadline, a.completed_on, a.meets_requirements, a.objective_cause, "
    "a.major_errors, a.delays";
const char* kAssignmentFrom =
    " FROM kpi_assignments a LEFT JOIN kpi_products p ON p.id = a.product_id";

Assignment ReadAssignment(const store::Row& r) {
  Assignment a;
  a.id = r.Int(0);
  a.staff_id = r.Int(1);
  a.unit_id = r.Int(2);
  a.product_id = r.Int(3);
  a.task_id = r.Int(4);
  a.staff_name = r.Str(5);
  a.title = r.Str(6);
  a.product_name = r.Str(7);
  a.measure = r.Str(8);
  a.source = r.Str(9);
  a.assigned_by = r.Str(10);
  a.status = r.Str(11);
  a.report_note = r.Str(12);
  a.reviewed_by = r.Str(13);
  a.review_note = r.Str(14);
  a.factor = r.Num(15);
  a.quantity = r.Num(16);
  a.assigned_on = *Date::ParseIso(r.Str(17));
  a.deadline = *Date::ParseIso(r.Str(18));
  if (!r.IsNull(19)) a.completed_on = Date::ParseIso(r.Str(19));
  a.meets_requirements = r.Int(20) != 0;
  a.objective_cause = r.Int(21) != 0;
  a.major_errors = static_cast<int>(r.Int(22));
  a.delays = static_cast<int>(r.Int(23));
  return a;
}

// The people's names, from the staff registry (the org module).
void AddNames(Conn& c, std::vector<Assignment>& list) {
  std::set<long long> ids;
  for (auto& a : list) ids.insert(a.staff_id);
  auto staff = org::Directory::StaffByIds(c, ids);
  for (auto& a : list)
    if (auto it = staff.find(a.staff_id); it != staff.end())
      a.staff_name = it->second.staff.full_name;
}

Assignment LoadAssignment(Conn& c, long long id) {
  auto r = c.QueryOne(
      std::string("SELECT ") + kAssignmentColumns + kAssignmentFrom + " WHERE a.id = :1", {id});
  if (!r) throw Error(errors::kNotFound, "assignment", {{"id", std::to_string(id)}});
  std::vector<Assignment> one{ReadAssignment(*r)};
  AddNames(c, one);
  return one.front();
}

std::string UnitPath(Conn& c, long long unit_id) {
  auto u = org::Directory::Unit(c, unit_id);
  return u ? u->path : std::string();
}

// Validates a period id for KPI: a month or a quarter.
void CheckKind(const Period& p) {
  if (p.type() != PeriodType::kMonth && p.type() != PeriodType::kQuarter)
    throw Error(errors::kPeriodKind, "period", {{"value", p.Id()}});
}

long long MonthNumber(const Date& d) { return d.year() * 100LL + d.month(); }

// The products' outcomes grouped (alike products summed), by person and month of the deadline.
// Filed under the person's commune now (the staff registry's), so a person moved to another
// commune takes their months along.
const char* kOutcomeSelect =
    "SELECT a.staff_id, (CAST(substr(a.deadline, 1, 4) AS INTEGER) * 100 + "
    "CAST(substr(a.deadline, 6, 2) AS INTEGER)), a.status, a.meets_requirements, a.major_errors, "
    "a.delays, a.objective_cause, SUM(a.factor * a.quantity), COUNT(*) FROM kpi_assignments a ";
const char* kOutcomeGroup =
    " GROUP BY a.staff_id, (CAST(substr(a.deadline, 1, 4) AS INTEGER) * 100 + "
    "CAST(substr(a.deadline, 6, 2) AS INTEGER)), a.status, a.meets_requirements, a.major_errors, "
    "a.delays, a.objective_cause";

// Turns grouped outcome rows into one row per person and month, the rule applied by the domain.
void WriteOutcomes(Conn& c, const KpiRules& rules, const std::vector<store::Row>& rows) {
  struct Acc {
    std::vector<ProductResult> products;
    long long items = 0, pending = 0;
  };
  std::set<long long> staff_ids;
  for (auto& r : rows) staff_ids.insert(r.Int(0));
  auto staff = org::Directory::StaffByIds(c, staff_ids);
  std::map<std::tuple<long long, long long, long long>, Acc> acc;  // commune, staff, month
  for (auto& r : rows) {
    auto person = staff.find(r.Int(0));
    if (person == staff.end()) continue;
    Acc& a = acc[{person->second.staff.commune_id, r.Int(0), r.Int(1)}];
    ProductResult p;
    std::string status = r.Str(2);
    p.completed = status == "confirmed";
    p.meets_requirements = r.Int(3) != 0;
    p.major_errors = static_cast<int>(r.Int(4));
    p.delays = static_cast<int>(r.Int(5));
    p.objective_cause = r.Int(6) != 0;
    p.weight = r.Num(7);
    a.products.push_back(p);
    a.items += r.Int(8);
    if (status == "reported") a.pending += r.Int(8);
  }
  for (auto& [key, a] : acc) {
    WeightSums w = SumProducts(rules, a.products);
    c.Exec(
        "INSERT INTO kpi_outcomes (commune_id, staff_id, month, assigned, done, quality, timely, "
        "items, pending) VALUES (:1, :2, :3, :4, :5, :6, :7, :8, :9)",
        {std::get<0>(key), std::get<1>(key), std::get<2>(key), w.assigned, w.done, w.quality,
         w.timely, a.items, a.pending});
  }
}

Date Md(int year, const std::string& md) {
  return *Date::FromYmd(year, std::stoi(md.substr(0, 2)), std::stoi(md.substr(3, 2)));
}

}  // namespace

bool IsRated(const org::Staff& s) {
  return s.status == org::StaffStatus::kActive && (s.category == org::StaffCategory::kCadre ||
                                                   s.category == org::StaffCategory::kCivilServant);
}

void KpiService::Recount(Conn& c, long long staff_id, const std::string& deadline) {
  Date d = *Date::ParseIso(deadline);
  c.Exec("DELETE FROM kpi_outcomes WHERE staff_id = :1 AND month = :2", {staff_id, MonthNumber(d)});
  std::string month = deadline.substr(0, 7);
  WriteOutcomes(
      c, rules_,
      c.Query(std::string(kOutcomeSelect) +
                  "WHERE a.staff_id = :1 AND a.deadline >= :2 AND a.deadline <= :3" + kOutcomeGroup,
              {staff_id, month + "-01", month + "-31"}));
}

void KpiService::StaffMoved(Conn& c, long long staff_id, long long to_commune_id) {
  c.Exec("UPDATE kpi_outcomes SET commune_id = :1 WHERE staff_id = :2", {to_commune_id, staff_id});
  c.Exec("UPDATE kpi_general_scores SET commune_id = :1 WHERE staff_id = :2",
         {to_commune_id, staff_id});
}

void KpiService::RebuildOutcomes(Conn& c) {
  c.Exec("DELETE FROM kpi_outcomes");
  WriteOutcomes(c, rules_, c.Query(std::string(kOutcomeSelect) + kOutcomeGroup));
  c.Exec("DELETE FROM kpi_outcome_basis");
  c.Exec("INSERT INTO kpi_outcome_basis (per_major_error, per_delay) VALUES (:1, :2)",
         {rules_.per_major_error, rules_.per_delay});
}

void KpiService::EnsureOutcomes() {
  Conn c = db_.Lease();
  auto b = c.QueryOne("SELECT per_major_error, per_delay FROM kpi_outcome_basis");
  if (b && b->Num(0) == rules_.per_major_error && b->Num(1) == rules_.per_delay) return;
  Tx tx(c);
  RebuildOutcomes(c);
  tx.Commit();
}

std::pair<Date, Date> KpiService::Days(const Period& p) {
  int first = p.type() == PeriodType::kQuarter ? 3 * p.index() - 2 : p.index();
  int last = p.type() == PeriodType::kQuarter ? 3 * p.index() : p.index();
  return {*Date::FromYmd(p.year(), first, 1),
          *Date::FromYmd(p.year(), last, DaysInMonth(p.year(), last))};
}

long long KpiService::ActorCommune(const Actor& a) {
  Conn c = db_.Lease();
  if (a.who.staff_id)
    if (auto s = LoadStaff(c, a.who.staff_id)) return s->commune_id;
  return store::ActorCommune(c, a.who, access::kKpiRead);
}

std::string KpiService::CommuneName(long long commune_id) {
  Conn c = db_.Lease();
  auto u = LoadUnit(c, commune_id);
  return u ? u->name : std::string();
}

// ----- catalogue -----

std::vector<Product> KpiService::Products(const Actor& a, long long unit_id) {
  Conn c = db_.Lease();
  auto u = LoadUnit(c, unit_id);
  bool own = false;
  if (a.who.staff_id)
    if (auto s = LoadStaff(c, a.who.staff_id)) own = s->unit_id == unit_id;
  if (!u || !(own || Reads(a, u->path)))
    throw Error(errors::kNotFound, "unit_id", {{"id", std::to_string(unit_id)}});
  std::vector<Product> out;
  for (auto& r : c.Query("SELECT id, unit_id, position, code, name, measure, factor, version, "
                         "valid_from FROM kpi_products WHERE unit_id = :1 AND retired_on IS NULL "
                         "ORDER BY code",
                         {unit_id}))
    out.push_back({r.Int(0), r.Int(1), r.Str(2), r.Str(3), r.Str(4), r.Str(5), r.Num(6),
                   static_cast<int>(r.Int(7)), r.Str(8)});
  return out;
}

long long KpiService::SaveProduct(const Actor& a, const ProductDraft& d) {
  std::string code = Text(d.code, "code", 20, true);
  std::string name = Text(d.name, "name", 200, true);
  std::string measure = Text(d.measure, "measure", 50, true);
  std::string position = Text(d.position, "position", 100, false);
  if (!(d.factor > 0) || d.factor > 100)
    throw Error(errors::kFactorRange, "factor", {{"value", std::to_string(d.factor)}});
  Conn c = db_.Lease();
  Tx tx(c);
  auto u = LoadUnit(c, d.unit_id);
  if (!u || !Reads(a, u->path))
    throw Error(errors::kNotFound, "unit_id", {{"id", std::to_string(d.unit_id)}});
  if (!access::Permits(a.who, access::kKpiReview, u->path)) throw Error(gen_errors::kForbidden);
  std::string today = clock::Today().ToIso();
  auto prev = c.QueryOne(
      "SELECT id, version, factor FROM kpi_products WHERE unit_id = :1 AND code = :2 AND "
      "retired_on IS NULL",
      {d.unit_id, code});
  int version = 1;
  if (prev) {
    version = static_cast<int>(prev->Int(1)) + 1;
    c.Exec("UPDATE kpi_products SET retired_on = :1 WHERE id = :2", {today, prev->Int(0)});
  } else if (auto last = c.QueryOne(
                 "SELECT MAX(version) FROM kpi_products WHERE unit_id = :1 AND code = :2",
                 {d.unit_id, code});
             last && !last->IsNull(0)) {
    version = static_cast<int>(last->Int(0)) + 1;
  }
  long long id = c.InsertId(
      "INSERT INTO kpi_products (commune_id, unit_id, position, code, name, measure, factor, "
      "version, valid_from, created_by) VALUES (:1, :2, :3, :4, :5, :6, :7, :8, :9, :10) RETURNING "
      "id",
      {u->commune_id, d.unit_id, position, code, name, measure, d.factor,
       static_cast<long long>(version), today, a.audit_name});
  store::AppendAudit(
      c, a, prev ? "version" : "create", "kpi_product", std::to_string(id), u->commune_id,
      prev ? std::optional<std::string>(JsonObject().Int("version", prev->Int(1)).Build())
           : std::nullopt,
      JsonObject()
          .Str("code", code)
          .Str("name", name)
          .Str("measure", measure)
          .Str("factor", std::to_string(d.factor))
          .Int("version", version)
          .Build());
  tx.Commit();
  return id;
}

void KpiService::SetPeriodKind(const Actor& a, long long unit_id, PeriodType kind) {
  if (kind != PeriodType::kMonth && kind != PeriodType::kQuarter)
    throw Error(errors::kPeriodKind, "period_kind", {{"value", std::string(PeriodTypeCode(kind))}});
  Conn c = db_.Lease();
  Tx tx(c);
  auto u = LoadUnit(c, unit_id);
  if (!u || !Reads(a, u->path))
    throw Error(errors::kNotFound, "unit_id", {{"id", std::to_string(unit_id)}});
  if (!access::Permits(a.who, access::kKpiReview, u->path)) throw Error(gen_errors::kForbidden);
  c.Exec("DELETE FROM kpi_unit_settings WHERE unit_id = :1", {unit_id});
  c.Exec(
      "INSERT INTO kpi_unit_settings (unit_id, period_kind, updated_by, updated_at) VALUES (:1, "
      ":2, :3, :4)",
      {unit_id, std::string(PeriodTypeCode(kind)), a.audit_name, clock::NowIsoVn()});
  store::AppendAudit(c, a, "period_kind", "org_unit", std::to_string(unit_id), u->commune_id,
                     std::nullopt,
                     JsonObject().Str("period_kind", std::string(PeriodTypeCode(kind))).Build());
  tx.Commit();
}

PeriodType KpiService::PeriodKindOf(long long unit_id) {
  Conn c = db_.Lease();
  auto r = c.QueryOne("SELECT period_kind FROM kpi_unit_settings WHERE unit_id = :1", {unit_id});
  return r && r->Str(0) == "quarter" ? PeriodType::kQuarter : PeriodType::kMonth;
}

PeriodType KpiService::PeriodKindOfStaff(long long staff_id) {
  long long unit = 0;
  {
    Conn c = db_.Lease();
    auto s = LoadStaff(c, staff_id);
    if (s) unit = s->unit_id;
  }
  return PeriodKindOf(unit);
}

// ----- assignments -----

long long KpiService::Assign(const Actor& a, const AssignmentDraft& d) {
  std::string title = Text(d.title, "title", 300, false);
  if (!(d.quantity > 0) || d.quantity > 10000)
    throw Error(errors::kQuantityRange, "quantity", {{"value", std::to_string(d.quantity)}});
  if (d.deadline < d.assigned_on)
    throw Error(errors::kBeforeAssignment, "deadline", {{"value", d.deadline.ToVn()}});
  Conn c = db_.Lease();
  Tx tx(c);
  StaffRef s = StaffFor(c, a, d.staff_id, access::kKpiReview);
  if (s.id == a.who.staff_id) throw Error(errors::kSelf, "staff_id");
  auto p = c.QueryOne(
      "SELECT id, factor, name, position FROM kpi_products WHERE id = :1 AND unit_id = :2 AND "
      "retired_on IS NULL",
      {d.product_id, s.unit_id});
  if (!p) throw Error(errors::kNotFound, "product_id", {{"id", std::to_string(d.product_id)}});
  if (!p->Str(3).empty() && p->Str(3) != s.position)
    throw Error(errors::kProductPosition, "product_id", {{"position", p->Str(3)}});
  long long id = c.InsertId(
      "INSERT INTO kpi_assignments (commune_id, unit_id, staff_id, product_id, factor, quantity, "
      "title, assigned_on, deadline, source, assigned_by, assigner_staff_id, status, created_at) "
      "VALUES (:1, :2, :3, :4, :5, :6, :7, :8, :9, 'manual', :10, :11, 'open', :12) RETURNING id",
      {s.commune_id, s.unit_id, s.id, d.product_id, p->Num(1), d.quantity,
       title.empty() ? p->Str(2) : title, d.assigned_on.ToIso(), d.deadline.ToIso(), a.audit_name,
       a.who.staff_id ? store::Value(a.who.staff_id) : store::Value(), clock::NowIsoVn()});
  Recount(c, s.id, d.deadline.ToIso());
  store::AppendAudit(c, a, "assign", "kpi_assignment", std::to_string(id), s.commune_id,
                     std::nullopt,
                     JsonObject()
                         .Int("staff_id", s.id)
                         .Int("product_id", d.product_id)
                         .Str("quantity", std::to_string(d.quantity))
                         .Str("deadline", d.deadline.ToIso())
                         .Build());
  tx.Commit();
  return id;
}

int KpiService::ImportAssignments(const Actor& a, std::string_view bytes,
                                  std::string_view charset) {
  std::string csv = DecodeUpload(bytes, charset, "file");
  Error refused(errors::kImportRefused, "file", {{"line", ""}});
  auto problem = [&](int row, const std::string& field, ErrorDef def,
                     std::map<std::string, std::string> p = {}) {
    refused.AddDetail({field, std::string(def.code), std::move(p), row});
  };
  std::vector<AssignmentDraft> drafts;
  CsvHeader header;
  int rows = 0;
  {
    Conn c = db_.Lease();
    // Row by row as the file is read: a large file is never held as a table.
    auto each = [&](std::vector<std::string>& row, int rowno) {
      if (rowno == 1) {
        header.Read(row,
                    {"staff_id", "product_code", "quantity", "title", "assigned_on", "deadline"},
                    errors::kMissingColumn);
        return true;
      }
      ++rows;
      // Too few or too many fields: refused, not read further.
      if (auto shape = CsvShapeProblem(header.names, row, rowno)) {
        refused.AddDetail(std::move(*shape));
        return true;
      }
      auto cell = [&](const char* name) { return header.Cell(row, name); };
      AssignmentDraft d;
      char* end = nullptr;
      std::string sid = cell("staff_id");
      d.staff_id = std::strtoll(sid.c_str(), &end, 10);
      std::optional<StaffRef> s;
      if (sid.empty() || *end || !(s = LoadStaff(c, d.staff_id)) ||
          !access::Permits(a.who, access::kKpiReview, s->path))
        problem(rowno, "staff_id", errors::kNotFound, {{"id", sid}});
      else if (s->id == a.who.staff_id)
        problem(rowno, "staff_id", errors::kSelf);
      // The quantity as people type it ("1,5", "2"), read as every form reads numbers.
      std::string q = cell("quantity");
      number::Parsed qn = number::ParseVn(q);
      d.quantity = qn.value.value_or(0);
      if (!qn.value || !(d.quantity > 0) || d.quantity > 10000)
        problem(rowno, "quantity", errors::kQuantityRange, {{"value", q}});
      d.title = cell("title");
      if (text::CodePointCount(d.title) > 300)
        problem(rowno, "title", gen_errors::kTooLong, {{"max", "300"}});
      auto on = Date::Parse(cell("assigned_on"));
      auto due = Date::Parse(cell("deadline"));
      if (!on)
        problem(rowno, "assigned_on", gen_errors::kInvalidDate, {{"value", cell("assigned_on")}});
      if (!due) problem(rowno, "deadline", gen_errors::kInvalidDate, {{"value", cell("deadline")}});
      if (on && due && *due < *on)
        problem(rowno, "deadline", errors::kBeforeAssignment, {{"value", due->ToVn()}});
      if (on) d.assigned_on = *on;
      if (due) d.deadline = *due;
      if (s) {
        auto p = c.QueryOne(
            "SELECT id, position FROM kpi_products WHERE unit_id = :1 AND code = :2 AND retired_on "
            "IS NULL",
            {s->unit_id, cell("product_code")});
        if (!p)
          problem(rowno, "product_code", errors::kNotFound, {{"id", cell("product_code")}});
        else if (!p->Str(1).empty() && p->Str(1) != s->position)
          problem(rowno, "product_code", errors::kProductPosition, {{"position", p->Str(1)}});
        else
          d.product_id = p->Int(0);
      }
      drafts.push_back(d);
      return true;
    };
    int bad_line = 0;
    if (!ForEachCsvRow(csv, each, &bad_line))
      throw Error(errors::kImportRefused, "file", {{"line", std::to_string(bad_line)}});
  }
  if (rows == 0) throw Error(errors::kImportRefused, "file", {{"line", "1"}});
  if (refused.HasDetails()) throw refused;
  // Every row is valid: write them all in one transaction (a failure rolls all of them back).
  Conn c = db_.Lease();
  Tx tx(c);
  for (auto& d : drafts) {
    StaffRef s = *LoadStaff(c, d.staff_id);
    auto p = c.QueryOne("SELECT factor, name FROM kpi_products WHERE id = :1", {d.product_id});
    long long id = c.InsertId(
        "INSERT INTO kpi_assignments (commune_id, unit_id, staff_id, product_id, factor, "
        "quantity, title, assigned_on, deadline, source, assigned_by, assigner_staff_id, status, "
        "created_at) VALUES (:1, :2, :3, :4, :5, :6, :7, :8, :9, 'csv', :10, :11, 'open', :12) "
        "RETURNING id",
        {s.commune_id, s.unit_id, s.id, d.product_id, p->Num(0), d.quantity,
         d.title.empty() ? p->Str(1) : d.title, d.assigned_on.ToIso(), d.deadline.ToIso(),
         a.audit_name, a.who.staff_id ? store::Value(a.who.staff_id) : store::Value(),
         clock::NowIsoVn()});
    Recount(c, s.id, d.deadline.ToIso());
    store::AppendAudit(c, a, "import", "kpi_assignment", std::to_string(id), s.commune_id,
                       std::nullopt,
                       JsonObject().Int("staff_id", s.id).Int("product_id", d.product_id).Build());
  }
  tx.Commit();
  return static_cast<int>(drafts.size());
}

std::map<long long, std::map<int, double>> KpiService::AnnualAverages(int from_year,
                                                                      int to_year) const {
  Conn c = db_.Lease();
  std::map<long long, std::map<int, double>> out;
  for (auto& r : c.Query(
           "SELECT staff_id, year, average FROM kpi_annual_ratings WHERE year >= :1 AND year < :2",
           {static_cast<long long>(from_year), static_cast<long long>(to_year)}))
    out[r.Int(0)][static_cast<int>(r.Int(1))] = r.Num(2);
  return out;
}

std::vector<std::pair<long long, int>> KpiService::NotCompletedIn(int from_year,
                                                                  int to_year) const {
  Conn c = db_.Lease();
  std::vector<std::pair<long long, int>> out;
  for (auto& r : c.Query("SELECT staff_id, year FROM kpi_annual_ratings WHERE rating = "
                         "'not_completed' AND year >= :1 AND year <= :2 ORDER BY year DESC",
                         {static_cast<long long>(from_year), static_cast<long long>(to_year)}))
    out.emplace_back(r.Int(0), static_cast<int>(r.Int(1)));
  return out;
}

void KpiService::SyncTasks(Conn& c, long long commune_id) {
  // The commune's tasks (from the directive module) against the products made of them. Most reads
  // find nothing to do: look first, so a read does not commit (and fsync) a write.
  auto tasks = directive::DirectiveService::CommuneTasks(c, commune_id);
  std::map<long long, std::string> made;  // task → status of its product
  for (auto& r : c.Query("SELECT task_id, status FROM kpi_assignments WHERE commune_id = :1 AND "
                         "source = 'task' AND task_id IS NOT NULL",
                         {commune_id}))
    made[r.Int(0)] = r.Str(1);
  std::vector<const directive::Task*> to_make, to_report;
  std::set<long long> people;
  for (auto& t : tasks) {
    auto it = made.find(t.id);
    // New sub-tasks with a person and a deadline.
    if (it == made.end() && t.responsible_staff_id && t.deadline && !t.stopped) {
      to_make.push_back(&t);
      people.insert(t.responsible_staff_id);
    }
    // A task marked done is the person's report of completion.
    if (it != made.end() && it->second == "open" && t.completed_on) to_report.push_back(&t);
  }
  if (to_make.empty() && to_report.empty()) return;
  auto staff = org::Directory::StaffByIds(c, people);
  Tx tx(c);
  for (const auto* t : to_make) {
    auto person = staff.find(t->responsible_staff_id);
    if (person == staff.end()) continue;
    // ON CONFLICT keeps two concurrent syncs apart.
    c.Exec(
        "INSERT INTO kpi_assignments (commune_id, unit_id, staff_id, product_id, factor, quantity, "
        "title, assigned_on, deadline, source, task_id, assigned_by, status, created_at) VALUES "
        "(:1, :2, :3, NULL, 1, 1, :4, :5, :6, 'task', :7, 'directive', 'open', :8) ON CONFLICT DO "
        "NOTHING",
        {commune_id, person->second.staff.unit_id, t->responsible_staff_id,
         t->code + " — " + t->title, t->start_on.ToIso(), t->deadline->ToIso(), t->id,
         clock::NowIsoVn()});
  }
  for (const auto* t : to_report)
    c.Exec(
        "UPDATE kpi_assignments SET status = 'reported', completed_on = :1, report_note = 'Nhiệm "
        "vụ hoàn thành' WHERE commune_id = :2 AND source = 'task' AND status = 'open' AND task_id "
        "= :3",
        {t->completed_on->ToIso(), commune_id, t->id});
  for (auto& r : c.Query("SELECT DISTINCT staff_id, substr(deadline, 1, 7) FROM kpi_assignments "
                         "WHERE commune_id = :1 AND source = 'task'",
                         {commune_id}))
    Recount(c, r.Int(0), r.Str(1) + "-01");
  tx.Commit();
}

void KpiService::ReportDone(const Actor& a, long long id, Date completed_on,
                            const std::string& note) {
  std::string n = Text(note, "note", 1000, false);
  Conn c = db_.Lease();
  Tx tx(c);
  Assignment as = LoadAssignment(c, id);
  if (!a.who.staff_id || as.staff_id != a.who.staff_id)
    throw Error(errors::kNotFound, "assignment", {{"id", std::to_string(id)}});
  if (as.status == "confirmed" || as.status == "reported")
    throw Error(errors::kState, "assignment", {{"status", as.status}});
  if (completed_on < as.assigned_on)
    throw Error(errors::kBeforeAssignment, "completed_on", {{"value", completed_on.ToVn()}});
  if (completed_on > clock::Today())
    throw Error(errors::kFuture, "completed_on", {{"value", completed_on.ToVn()}});
  c.Exec(
      "UPDATE kpi_assignments SET status = 'reported', completed_on = :1, report_note = :2 WHERE "
      "id = :3",
      {completed_on.ToIso(), n, id});
  Recount(c, as.staff_id, as.deadline.ToIso());
  store::AppendAudit(c, a, "report_done", "kpi_assignment", std::to_string(id), std::nullopt,
                     JsonObject().Str("status", as.status).Build(),
                     JsonObject().Str("completed_on", completed_on.ToIso()).Build());
  tx.Commit();
}

void KpiService::Review(const Actor& a, long long id, const ReviewDraft& d) {
  std::string note = Text(d.note, "note", 1000, false);
  if (d.major_errors < 0 || d.major_errors > 20)
    throw Error(errors::kNegative, "major_errors", {{"max", "20"}});
  if (d.delays < 0 || d.delays > 20) throw Error(errors::kNegative, "delays", {{"max", "20"}});
  Conn c = db_.Lease();
  Tx tx(c);
  Assignment as = LoadAssignment(c, id);
  std::string path = UnitPath(c, as.unit_id);
  if (!access::Permits(a.who, access::kKpiReview, path))
    throw Error(errors::kNotFound, "assignment", {{"id", std::to_string(id)}});
  if (a.who.staff_id && as.staff_id == a.who.staff_id) throw Error(errors::kSelf, "assignment");
  if (as.status != "reported") throw Error(errors::kState, "assignment", {{"status", as.status}});
  // The objective cause is the assigner's to approve (a directive's sub-task: any reviewer).
  if (d.objective_cause && as.source != "task" && as.assigned_by != a.audit_name)
    throw Error(errors::kObjectiveCause, "objective_cause");
  c.Exec(
      "UPDATE kpi_assignments SET status = :1, reviewed_by = :2, reviewer_staff_id = :3, "
      "reviewed_at = :4, review_note = :5, meets_requirements = :6, major_errors = :7, delays = "
      ":8, objective_cause = :9 WHERE id = :10",
      {std::string(d.confirm ? "confirmed" : "returned"), a.audit_name,
       a.who.staff_id ? store::Value(a.who.staff_id) : store::Value(), clock::NowIsoVn(), note,
       static_cast<long long>(d.meets_requirements), static_cast<long long>(d.major_errors),
       static_cast<long long>(d.delays), static_cast<long long>(d.objective_cause), id});
  Recount(c, as.staff_id, as.deadline.ToIso());
  auto commune = c.QueryOne("SELECT commune_id FROM kpi_assignments WHERE id = :1", {id});
  store::AppendAudit(c, a, d.confirm ? "confirm" : "return", "kpi_assignment", std::to_string(id),
                     commune->Int(0), JsonObject().Str("status", as.status).Build(),
                     JsonObject()
                         .Bool("meets_requirements", d.meets_requirements)
                         .Int("major_errors", d.major_errors)
                         .Int("delays", d.delays)
                         .Bool("objective_cause", d.objective_cause)
                         .Build());
  tx.Commit();
}

void KpiService::SetGeneral(const Actor& a, long long staff_id, const Period& p, double score,
                            const std::string& note) {
  CheckKind(p);
  if (!(score >= 0 && score <= rules_.general_points))
    throw Error(errors::kScoreOutOfRange, "score",
                {{"max", std::to_string(static_cast<int>(rules_.general_points))}});
  std::string n = Text(note, "note", 1000, false);
  Conn c = db_.Lease();
  Tx tx(c);
  StaffRef s = StaffFor(c, a, staff_id, access::kKpiReview);
  if (s.id == a.who.staff_id) throw Error(errors::kSelf, "staff_id");
  if (Days(p).first > clock::Today())
    throw Error(errors::kFuture, "period", {{"value", p.LabelVi()}});
  auto before =
      c.QueryOne("SELECT score FROM kpi_general_scores WHERE staff_id = :1 AND period = :2",
                 {staff_id, p.Id()});
  c.Exec("DELETE FROM kpi_general_scores WHERE staff_id = :1 AND period = :2", {staff_id, p.Id()});
  c.Exec(
      "INSERT INTO kpi_general_scores (staff_id, commune_id, period, score, note, scored_by, "
      "scored_at) VALUES (:1, :2, :3, :4, :5, :6, :7)",
      {staff_id, s.commune_id, p.Id(), score, n, a.audit_name, clock::NowIsoVn()});
  store::AppendAudit(
      c, a, "general_score", "staff", std::to_string(staff_id), s.commune_id,
      before ? std::optional<std::string>(
                   JsonObject().Str("score", std::to_string(before->Num(0))).Build())
             : std::nullopt,
      JsonObject().Str("period", p.Id()).Str("score", std::to_string(score)).Build());
  tx.Commit();
}

void KpiService::SetAbsence(const Actor& a, long long staff_id, const Period& p,
                            const std::string& reason) {
  CheckKind(p);
  std::string r = Text(reason, "reason", 300, true);
  Conn c = db_.Lease();
  Tx tx(c);
  StaffRef s = StaffFor(c, a, staff_id, access::kKpiReview);
  c.Exec("DELETE FROM kpi_absences WHERE staff_id = :1 AND period = :2", {staff_id, p.Id()});
  c.Exec("INSERT INTO kpi_absences (staff_id, period, reason, recorded_by) VALUES (:1, :2, :3, :4)",
         {staff_id, p.Id(), r, a.audit_name});
  store::AppendAudit(c, a, "absence", "staff", std::to_string(staff_id), s.commune_id, std::nullopt,
                     JsonObject().Str("period", p.Id()).Str("reason", r).Build());
  tx.Commit();
}

// ----- scores -----

std::vector<PersonScore> KpiService::Score(Conn& c, const std::vector<const org::StaffRow*>& people,
                                           long long commune_id, const Period& p,
                                           long long detail_staff) {
  auto out = ScoreMany(c, people, commune_id, {p}, detail_staff);
  return std::move(out[p.Id()]);
}

std::map<std::string, std::vector<PersonScore>> KpiService::ScoreMany(
    Conn& c, const std::vector<const org::StaffRow*>& people, long long commune_id,
    const std::vector<Period>& periods, long long detail_staff, bool with_names) {
  std::map<std::string, std::vector<PersonScore>> result;
  if (periods.empty()) return result;
  long long from_month = 999999, to_month = 0;
  std::vector<std::string> ids;
  for (auto& p : periods) {
    auto [first, last] = Days(p);
    from_month = std::min(from_month, MonthNumber(first));
    to_month = std::max(to_month, MonthNumber(last));
    ids.push_back(p.Id());
  }
  std::map<long long, size_t> index;
  for (size_t i = 0; i < people.size(); ++i) index[people[i]->staff.id] = i;
  // One read per table for the commune and the months the periods cover. Products with the same
  // outcome score alike (the rule is linear in the weight), so they come summed per person and
  // month (kpi_outcomes).
  struct Outcome {
    size_t person;
    long long month;
    WeightSums sums;
    int items, pending;
  };
  std::vector<Outcome> outcomes;
  auto cols = c.QueryNumbers(
      "SELECT staff_id, month, assigned, done, quality, timely, items, pending FROM kpi_outcomes "
      "WHERE commune_id = :1 AND month >= :2 AND month <= :3",
      8, {commune_id, from_month, to_month});
  for (size_t r = 0; r < cols[0].size(); ++r) {
    auto it = index.find(static_cast<long long>(cols[0][r]));
    if (it == index.end()) continue;
    outcomes.push_back({it->second,
                        static_cast<long long>(cols[1][r]),
                        {cols[2][r], cols[3][r], cols[4][r], cols[5][r]},
                        static_cast<int>(cols[6][r]),
                        static_cast<int>(cols[7][r])});
  }
  // The head's scores and the absences of these periods, by person and period index.
  std::map<std::string, size_t> period_index;
  for (size_t k = 0; k < ids.size(); ++k) period_index[ids[k]] = k;
  auto slot = [&](size_t person, const std::string& pid) -> std::optional<size_t> {
    auto k = period_index.find(pid);
    if (k == period_index.end()) return std::nullopt;
    return person * ids.size() + k->second;
  };
  std::vector<std::optional<std::pair<double, std::string>>> general(people.size() * ids.size());
  std::vector<std::optional<std::string>> absent(people.size() * ids.size());
  std::string placeholders;
  std::vector<store::Value> params = {commune_id};
  for (size_t i = 0; i < ids.size(); ++i) {
    placeholders += (i ? ", :" : ":") + std::to_string(i + 2);
    params.push_back(ids[i]);
  }
  // The scores in bulk, the period as a number (2026M11 → 202611, 2026Q4 → 202654); the notes only
  // when the people are shown.
  std::map<long long, size_t> period_code;
  for (size_t k = 0; k < periods.size(); ++k)
    period_code[periods[k].year() * 100LL + (periods[k].type() == PeriodType::kQuarter ? 50 : 0) +
                periods[k].index()] = k;
  auto g = c.QueryNumbers(
      "SELECT g.staff_id, CAST(substr(g.period, 1, 4) AS INTEGER) * 100 + (CASE substr(g.period, "
      "5, 1) WHEN 'Q' THEN 50 ELSE 0 END) + CAST(substr(g.period, 6, 2) AS INTEGER), g.score FROM "
      "kpi_general_scores g WHERE g.commune_id = :1 AND g.period IN (" +
          placeholders + ")",
      3, params);
  for (size_t r = 0; r < g[0].size(); ++r) {
    auto it = index.find(static_cast<long long>(g[0][r]));
    auto k = period_code.find(static_cast<long long>(g[1][r]));
    if (it != index.end() && k != period_code.end())
      general[it->second * ids.size() + k->second] = std::make_pair(g[2][r], std::string());
  }
  if (with_names)
    for (auto& r : c.Query("SELECT g.staff_id, g.period, g.note FROM kpi_general_scores g WHERE "
                           "g.commune_id = :1 AND g.note <> '' AND g.period IN (" +
                               placeholders + ")",
                           params))
      if (auto it = index.find(r.Int(0)); it != index.end())
        if (auto k = slot(it->second, r.Str(1)); k && general[*k]) general[*k]->second = r.Str(2);
  // Absences follow the person: these people's, wherever they were recorded.
  std::vector<long long> people_ids;
  for (auto* row : people) people_ids.push_back(row->staff.id);
  store::ForEachIdSlice(
      people_ids, std::vector<store::Value>(params.begin() + 1, params.end()),  // the periods
      [&](const std::vector<store::Value>& who, const std::string& in) {
        for (auto& r :
             c.Query("SELECT staff_id, period, reason FROM kpi_absences WHERE period IN (" +
                         store::InList(ids.size()) + ") AND staff_id IN (" + in + ")",
                     who))
          if (auto it = index.find(r.Int(0)); it != index.end())
            if (auto k = slot(it->second, r.Str(1))) absent[*k] = r.Str(2);
      });
  std::vector<Direction> directions;
  for (auto* row : people) directions.push_back(DirectionOf(rules_, row->staff.position));
  for (size_t k = 0; k < periods.size(); ++k) {
    const Period& p = periods[k];
    if (!with_names) {  // scores only: a period nobody has been scored for counts for nobody
      bool any = false;
      for (size_t i = 0; i < people.size() && !any; ++i)
        any = general[i * ids.size() + k].has_value();
      if (!any) continue;
    }
    auto [first, last] = Days(p);
    long long m1 = MonthNumber(first), m2 = MonthNumber(last);
    std::vector<PersonScore> scores(people.size());
    for (size_t i = 0; i < people.size(); ++i) {
      const org::StaffRow* row = people[i];
      PersonScore& ps = scores[i];
      ps.staff_id = row->staff.id;
      ps.unit_id = row->staff.unit_id;
      if (with_names) {
        ps.name = row->staff.full_name;
        ps.position = row->staff.position;
        ps.unit_name = row->unit_name;
        ps.period = ids[k];
      }
      ps.direction = directions[i];
      if (const auto& g = general[i * ids.size() + k]) {
        ps.general = g->first;
        ps.general_note = g->second;
      }
      if (const auto& a = absent[i * ids.size() + k]) ps.absence = *a;
    }
    for (auto& o : outcomes) {
      if (o.month < m1 || o.month > m2) continue;
      PersonScore& ps = scores[o.person];
      ps.sums += o.sums;
      ps.count += o.items;
      ps.pending += o.pending;
    }
    if (auto it = index.find(detail_staff); it != index.end())
      for (auto& r : c.Query(std::string("SELECT ") + kAssignmentColumns + kAssignmentFrom +
                                 " WHERE a.staff_id = :1 AND a.deadline >= :2 AND a.deadline <= :3 "
                                 "ORDER BY a.deadline, a.id",
                             {detail_staff, first.ToIso(), last.ToIso()})) {
        scores[it->second].items.push_back(ReadAssignment(r));
        scores[it->second].items.back().staff_name = people[it->second]->staff.full_name;
      }
    // Everyone's own score first; a leader's unit result counts the subordinates' own scores.
    for (auto& ps : scores) ps.score = ScoreSums(rules_, ps.sums, ps.general.value_or(0));
    for (size_t i = 0; i < scores.size(); ++i) {
      PersonScore& ps = scores[i];
      if (ps.direction == Direction::kNone) continue;
      bool all_completed = true;
      const std::string& mine = people[i]->unit_path;
      for (size_t j = 0; j < scores.size(); ++j) {
        const PersonScore& other = scores[j];
        if (j == i || !other.general || other.absence) continue;  // scored periods only
        bool under = ps.direction == Direction::kCommune
                         ? other.direction != Direction::kCommune
                         : other.direction == Direction::kNone &&
                               people[j]->unit_path.compare(0, mine.size(), mine) == 0;
        if (under && other.score.total < rules_.completed) all_completed = false;
      }
      ps.score = ScoreSums(rules_, ps.sums, ps.general.value_or(0), all_completed);
    }
    result[ids[k]] = std::move(scores);
  }
  return result;
}

std::vector<const org::StaffRow*> KpiService::RatedPeople(
    long long commune_id, std::shared_ptr<const org::StaffList>& hold) {
  Actor sys{System(), "kpi", ""};
  org::StaffFilter f;
  f.unit_id = commune_id;
  hold = org_.ListStaff(sys, f);
  std::vector<const org::StaffRow*> people;
  for (auto& row : hold->rows)
    if (IsRated(row.staff)) people.push_back(&row);
  return people;
}

PersonScore KpiService::ScorePerson(const Actor& a, long long staff_id, const Period& p) {
  CheckKind(p);
  Conn c = db_.Lease();
  auto s = LoadStaff(c, staff_id);
  if (!s || !(staff_id == a.who.staff_id || Reads(a, s->path)))
    throw Error(errors::kNotFound, "staff_id", {{"id", std::to_string(staff_id)}});
  SyncTasks(c, s->commune_id);
  std::shared_ptr<const org::StaffList> hold;
  auto people = RatedPeople(s->commune_id, hold);
  for (auto& ps : Score(c, people, s->commune_id, p, staff_id))
    if (ps.staff_id == staff_id) {
      std::vector<PersonScore> one{std::move(ps)};
      AddEvidence(c, people, s->commune_id, p, one);
      return std::move(one.front());
    }
  throw Error(errors::kNotRated, "staff_id");
}

void KpiService::AddEvidenceSource(std::unique_ptr<EvidenceSource> source) {
  evidence_.push_back(std::move(source));
}

void KpiService::AddEvidence(Conn& c, const std::vector<const org::StaffRow*>& people,
                             long long commune_id, const Period& p,
                             std::vector<PersonScore>& scores) {
  if (evidence_.empty() || scores.empty()) return;
  std::vector<const org::Staff*> asked;
  for (const auto* row : people)
    for (const auto& ps : scores)
      if (ps.staff_id == row->staff.id) asked.push_back(&row->staff);
  for (auto& source : evidence_) {
    auto found = source->For(c, commune_id, asked, p.WindowStart(), p.WindowEnd());
    for (auto& ps : scores)
      if (auto it = found.find(ps.staff_id); it != found.end()) ps.evidence.push_back(it->second);
  }
}

std::vector<PersonScore> KpiService::ScoreUnit(const Actor& a, long long unit_id, const Period& p) {
  CheckKind(p);
  Conn c = db_.Lease();
  auto u = LoadUnit(c, unit_id);
  if (!u || !Reads(a, u->path))
    throw Error(errors::kNotFound, "unit_id", {{"id", std::to_string(unit_id)}});
  SyncTasks(c, u->commune_id);
  std::shared_ptr<const org::StaffList> hold;
  auto people = RatedPeople(u->commune_id, hold);
  std::vector<PersonScore> out;
  for (auto& ps : Score(c, people, u->commune_id, p)) {
    auto it = std::find_if(people.begin(), people.end(),
                           [&](auto* r) { return r->staff.id == ps.staff_id; });
    const std::string& path = (*it)->unit_path;
    if (path.compare(0, u->path.size(), u->path) == 0 && Reads(a, path))
      out.push_back(std::move(ps));
  }
  AddEvidence(c, people, u->commune_id, p, out);
  std::stable_sort(out.begin(), out.end(),
                   [](auto& x, auto& y) { return x.score.total > y.score.total; });
  return out;
}

std::vector<Assignment> KpiService::ReviewQueue(const Actor& a) {
  Conn c = db_.Lease();
  long long commune = 0;
  if (a.who.staff_id)
    if (auto s = LoadStaff(c, a.who.staff_id)) commune = s->commune_id;
  if (!commune) commune = store::ActorCommune(c, a.who, access::kKpiReview);
  if (commune) SyncTasks(c, commune);
  std::vector<Assignment> out;
  // Only the units under the actor's review scope (their paths from the org module).
  if (access::ScopePaths(a.who, access::kKpiReview).empty()) return out;
  auto rows = c.Query(std::string("SELECT ") + kAssignmentColumns + kAssignmentFrom +
                      " WHERE a.status = 'reported' ORDER BY a.completed_on, a.id");
  std::set<long long> unit_ids;
  for (auto& r : rows) unit_ids.insert(r.Int(2));
  auto units = org::Directory::Units(c, unit_ids);
  for (auto& r : rows) {
    auto unit = units.find(r.Int(2));
    if (unit == units.end() || !access::Permits(a.who, access::kKpiReview, unit->second.path))
      continue;
    Assignment as = ReadAssignment(r);
    if (a.who.staff_id && as.staff_id == a.who.staff_id) continue;  // never one's own
    out.push_back(std::move(as));
  }
  AddNames(c, out);
  return out;
}

// ----- annual rating -----

RatingList KpiService::Ratings(const Actor& a, long long commune_id, int year) {
  Conn c = db_.Lease();
  ReadableCommune(c, a, commune_id, false);
  RatingList list;
  list.year = year;
  list.commune_id = commune_id;
  list.opens = Md(year, rules_.opens_md);
  list.due = Md(year, rules_.due_md);
  list.latest = Md(year + 1, rules_.latest_md);
  Date today = clock::Today();
  list.window_open = today >= list.opens && today <= list.latest;
  if (auto ex = c.QueryOne(
          "SELECT reason, decision FROM kpi_quota_exceptions WHERE commune_id = :1 AND year = :2",
          {commune_id, static_cast<long long>(year)})) {
    list.exception_reason = ex->Str(0);
    list.exception_decision = ex->Str(1);
  }
  auto approved = c.Query(
      "SELECT staff_id, unit_id, position, average, periods, rating, veto_reason, approved_by, "
      "approved_at FROM kpi_annual_ratings WHERE commune_id = :1 AND year = :2",
      {commune_id, static_cast<long long>(year)});
  std::set<long long> rated_ids, rated_units;
  for (auto& r : approved) {
    rated_ids.insert(r.Int(0));
    rated_units.insert(r.Int(1));
  }
  auto rated = org::Directory::StaffByIds(c, rated_ids);
  auto rated_in = org::Directory::Units(c, rated_units);
  auto group_of = [&](const std::string& position) {
    return DirectionOf(rules_, position) == Direction::kNone ? "specialists" : "leaders";
  };
  if (!approved.empty()) {
    list.approved = true;
    for (auto& r : approved) {
      auto person = rated.find(r.Int(0));
      auto unit = rated_in.find(r.Int(1));
      if (person == rated.end() || unit == rated_in.end() || !Reads(a, unit->second.path)) continue;
      RatingLine l;
      l.staff_id = r.Int(0);
      l.unit_id = r.Int(1);
      l.name = person->second.staff.full_name;
      l.position = r.Str(2);
      l.unit_name = unit->second.name;  // the unit the person was rated in
      l.group = group_of(l.position);
      l.average = r.Num(3);
      l.periods = static_cast<int>(r.Int(4));
      l.rating = ParseRating(r.Str(5)).value_or(Rating::kNotCompleted);
      l.veto_reason = r.OptStr(6);
      l.income = IncomeCoefficient(rules_, l.rating);
      list.approved_by = r.Str(7);
      list.approved_at = r.Str(8);
      list.lines.push_back(std::move(l));
    }
  } else {
    // The year's average of the scored periods (the head's general score closes a period), absences
    // left out; scores follow the person, so a transfer carries them.
    std::shared_ptr<const org::StaffList> hold;
    std::vector<const org::StaffRow*> people;
    for (auto* row : RatedPeople(commune_id, hold))
      if (Reads(a, row->unit_path)) people.push_back(row);
    std::map<long long, std::pair<double, int>> sums;
    SyncTasks(c, commune_id);
    // Every month and quarter of the year; a period counts for a person once the head scored it.
    std::vector<Period> scored = Period::AllOf(PeriodType::kMonth, year);
    for (auto& q : Period::AllOf(PeriodType::kQuarter, year)) scored.push_back(q);
    for (auto& [pid, scores] : ScoreMany(c, people, commune_id, scored, 0, false))
      for (auto& ps : scores) {
        if (!ps.general || ps.absence) continue;
        auto& s = sums[ps.staff_id];
        s.first += ps.score.total;
        s.second += 1;
      }
    std::map<long long, std::pair<std::string, std::string>> vetoes;
    // Vetoes follow the person: these people's.
    std::vector<long long> people_ids;
    for (auto* row : people) people_ids.push_back(row->staff.id);
    store::ForEachIdSlice(
        people_ids, {static_cast<long long>(year)},
        [&](const std::vector<store::Value>& who, const std::string& in) {
          for (auto& r : c.Query(
                   "SELECT staff_id, reason, decision FROM kpi_vetoes WHERE year = :1 AND staff_id "
                   "IN (" +
                       in + ")",
                   who))
            vetoes[r.Int(0)] = {r.Str(1), r.Str(2)};
        });
    for (auto* row : people) {
      RatingLine l;
      l.staff_id = row->staff.id;
      l.unit_id = row->staff.unit_id;
      l.name = row->staff.full_name;
      l.position = row->staff.position;
      l.unit_name = row->unit_name;
      l.group = group_of(l.position);
      auto s = sums.find(l.staff_id);
      if (s != sums.end() && s->second.second > 0) {
        l.periods = s->second.second;
        l.average = std::round(s->second.first / s->second.second * 100) / 100;
      }
      if (auto v = vetoes.find(l.staff_id); v != vetoes.end()) {
        l.veto_reason = v->second.first;
        l.veto_decision = v->second.second;
      }
      l.rating = RateYear(rules_, l.average, l.veto_reason.has_value());
      l.income = IncomeCoefficient(rules_, l.rating);
      list.lines.push_back(std::move(l));
    }
  }
  std::stable_sort(list.lines.begin(), list.lines.end(),
                   [](auto& x, auto& y) { return x.average > y.average; });
  // The quota in each unit and each group of similar positions.
  std::map<std::string, QuotaCheck> units, groups;
  for (auto& l : list.lines) {
    for (auto* m : {&units, &groups}) {
      bool g = m == &groups;
      QuotaCheck& q = (*m)[g ? l.group : l.unit_name];
      q.scope = g ? l.group : l.unit_name;
      q.is_group = g;
      q.excellent += l.rating == Rating::kExcellent;
      q.good += l.rating == Rating::kGood;
    }
  }
  for (auto* m : {&units, &groups})
    for (auto& [k, q] : *m) {
      q.ok = QuotaAllows(rules_, q.excellent, q.good);
      list.quota_ok = list.quota_ok && q.ok;
      list.checks.push_back(q);
    }
  return list;
}

void KpiService::SetVeto(const Actor& a, long long staff_id, int year, const std::string& reason,
                         const std::string& decision) {
  std::string r = Text(reason, "reason", 500, true);
  std::string d = Text(decision, "decision", 200, true);
  Conn c = db_.Lease();
  Tx tx(c);
  StaffRef s = StaffFor(c, a, staff_id, access::kKpiRate);
  if (c.QueryOne("SELECT 1 FROM kpi_annual_ratings WHERE commune_id = :1 AND year = :2",
                 {s.commune_id, static_cast<long long>(year)}))
    throw Error(errors::kAlreadyApproved, "year", {{"value", std::to_string(year)}});
  c.Exec("DELETE FROM kpi_vetoes WHERE staff_id = :1 AND year = :2",
         {staff_id, static_cast<long long>(year)});
  c.Exec(
      "INSERT INTO kpi_vetoes (staff_id, year, reason, decision, recorded_by, recorded_at) VALUES "
      "(:1, :2, :3, :4, :5, :6)",
      {staff_id, static_cast<long long>(year), r, d, a.audit_name, clock::NowIsoVn()});
  store::AppendAudit(c, a, "veto", "staff", std::to_string(staff_id), s.commune_id, std::nullopt,
                     JsonObject().Int("year", year).Str("reason", r).Str("decision", d).Build());
  tx.Commit();
}

void KpiService::RecordQuotaException(const Actor& a, long long commune_id, int year,
                                      const std::string& reason, const std::string& decision) {
  std::string r = Text(reason, "reason", 500, true);
  std::string d = Text(decision, "decision", 200, true);
  Conn c = db_.Lease();
  Tx tx(c);
  ReadableCommune(c, a, commune_id, true);
  c.Exec("DELETE FROM kpi_quota_exceptions WHERE commune_id = :1 AND year = :2",
         {commune_id, static_cast<long long>(year)});
  c.Exec(
      "INSERT INTO kpi_quota_exceptions (commune_id, year, reason, decision, recorded_by, "
      "recorded_at) VALUES (:1, :2, :3, :4, :5, :6)",
      {commune_id, static_cast<long long>(year), r, d, a.audit_name, clock::NowIsoVn()});
  store::AppendAudit(c, a, "quota_exception", "org_unit", std::to_string(commune_id), commune_id,
                     std::nullopt,
                     JsonObject().Int("year", year).Str("reason", r).Str("decision", d).Build());
  tx.Commit();
}

void KpiService::RecordRatingMeeting(const Actor& a, long long commune_id, int year,
                                     const MeetingDraft& d) {
  Conn c = db_.Lease();
  Tx tx(c);
  ReadableCommune(c, a, commune_id, true);
  std::vector<FieldError> problems;
  Meeting m = ReadMeeting(d, clock::Today(), problems);
  if (!problems.empty()) {
    Error refused(gen_errors::kFormRefused, problems.front().field,
                  {{"count", std::to_string(problems.size())}});
    refused.details() = std::move(problems);
    throw refused;
  }
  auto before = RatingMeeting(a, commune_id, year);
  std::vector<store::Value> row = {commune_id,        static_cast<long long>(year),
                                   m.held_on.ToIso(), m.starts_at,
                                   m.ends_at,         m.place,
                                   m.attendees,       m.chair,
                                   m.secretary,       m.conclusion,
                                   a.audit_name,      clock::NowIsoVn()};
  c.Exec("DELETE FROM kpi_rating_meetings WHERE commune_id = :1 AND year = :2",
         {commune_id, static_cast<long long>(year)});
  c.Exec(
      "INSERT INTO kpi_rating_meetings (commune_id, year, held_on, starts_at, ends_at, place, "
      "attendees, chair, secretary, conclusion, recorded_by, recorded_at) VALUES (:1, :2, :3, :4, "
      ":5, :6, :7, :8, :9, :10, :11, :12)",
      row);
  auto json = [year](const Meeting& x) {
    return JsonObject()
        .Int("year", year)
        .Str("held_on", x.held_on.ToIso())
        .Str("starts_at", x.starts_at)
        .Str("ends_at", x.ends_at)
        .Str("place", x.place)
        .Str("attendees", x.attendees)
        .Str("chair", x.chair)
        .Str("secretary", x.secretary)
        .Str("conclusion", x.conclusion)
        .Build();
  };
  store::AppendAudit(c, a, "rating_meeting", "org_unit", std::to_string(commune_id), commune_id,
                     before ? std::optional<std::string>(json(*before)) : std::nullopt, json(m));
  tx.Commit();
}

std::optional<Meeting> KpiService::RatingMeeting(const Actor& a, long long commune_id, int year) {
  Conn c = db_.Lease();
  ReadableCommune(c, a, commune_id, false);
  auto r = c.QueryOne(
      "SELECT held_on, starts_at, ends_at, place, attendees, chair, secretary, conclusion FROM "
      "kpi_rating_meetings WHERE commune_id = :1 AND year = :2",
      {commune_id, static_cast<long long>(year)});
  if (!r) return std::nullopt;
  Meeting m;
  m.held_on = Date::ParseIso(r->Str(0)).value_or(Date());
  m.starts_at = r->Str(1);
  m.ends_at = r->Str(2);
  m.place = r->Str(3);
  m.attendees = r->Str(4);
  m.chair = r->Str(5);
  m.secretary = r->Str(6);
  m.conclusion = r->Str(7);
  return m;
}

void KpiService::ApproveRatings(const Actor& a, long long commune_id, int year) {
  {
    Conn c = db_.Lease();
    ReadableCommune(c, a, commune_id, true);
  }
  RatingList list = Ratings(a, commune_id, year);
  if (list.approved)
    throw Error(errors::kAlreadyApproved, "year", {{"value", std::to_string(year)}});
  if (!list.window_open)
    throw Error(
        errors::kOutsideWindow, "year",
        {{"value", std::to_string(year)}, {"from", list.opens.ToVn()}, {"to", list.latest.ToVn()}});
  if (!list.quota_ok && !list.exception_reason)
    throw Error(errors::kQuotaExceeded, "ratings", {{"year", std::to_string(year)}});
  Conn c = db_.Lease();
  Tx tx(c);
  if (c.QueryOne("SELECT 1 FROM kpi_annual_ratings WHERE commune_id = :1 AND year = :2",
                 {commune_id, static_cast<long long>(year)}))
    throw Error(errors::kAlreadyApproved, "year", {{"value", std::to_string(year)}});
  std::string now = clock::NowIsoVn();
  for (auto& l : list.lines)
    c.Exec(
        "INSERT INTO kpi_annual_ratings (staff_id, year, commune_id, unit_id, position, average, "
        "periods, rating, veto_reason, approved_by, approved_at) VALUES (:1, :2, :3, :4, :5, :6, "
        ":7, :8, :9, :10, :11)",
        {l.staff_id, static_cast<long long>(year), commune_id, l.unit_id, l.position, l.average,
         static_cast<long long>(l.periods), std::string(RatingCode(l.rating)),
         l.veto_reason ? store::Value(*l.veto_reason) : store::Value(), a.ShownName(), now});
  store::AppendAudit(c, a, "approve_ratings", "org_unit", std::to_string(commune_id), commune_id,
                     std::nullopt,
                     JsonObject()
                         .Int("year", year)
                         .Int("people", static_cast<long long>(list.lines.size()))
                         .Bool("quota_ok", list.quota_ok)
                         .Build());
  tx.Commit();
}

}  // namespace kientao::kpi
