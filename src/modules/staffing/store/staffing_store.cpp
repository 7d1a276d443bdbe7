#include "modules/staffing/store/staffing_store.hpp"

namespace kientao::staffing {

using store::Conn;
using store::Value;

namespace {

// A candidate is deferred when a deferral of the person is in force on the day they would leave.
const char* kNotDeferred =
    "NOT EXISTS (SELECT 1 FROM staffing_deferrals d WHERE d.staff_id = k.staff_id AND "
    "d.from_date <= k.leave_on AND (d.to_date IS NULL OR d.to_date >= k.leave_on))";

}  // namespace

std::optional<int> StaffingStore::Quota(Conn& c, long long unit_id, int year) {
  auto q = c.QueryOne("SELECT quota FROM staffing_quotas WHERE unit_id = :1 AND year = :2",
                      {unit_id, static_cast<long long>(year)});
  if (!q) return std::nullopt;
  return static_cast<int>(q->Int(0));
}

std::vector<QuotaRow> StaffingStore::Quotas(Conn& c, int from_year, int to_year) {
  std::vector<QuotaRow> out;
  for (auto& r : c.Query("SELECT unit_id, year, quota FROM staffing_quotas WHERE year >= :1 AND "
                         "year <= :2",
                         {static_cast<long long>(from_year), static_cast<long long>(to_year)}))
    out.push_back({r.Int(0), static_cast<int>(r.Int(1)), static_cast<int>(r.Int(2))});
  return out;
}

void StaffingStore::SetQuota(Conn& c, long long unit_id, int year, int quota, const std::string& by,
                             const std::string& at) {
  c.Exec("DELETE FROM staffing_quotas WHERE unit_id = :1 AND year = :2",
         {unit_id, static_cast<long long>(year)});
  c.Exec(
      "INSERT INTO staffing_quotas (unit_id, year, quota, updated_by, updated_at) VALUES (:1, :2, "
      ":3, :4, :5)",
      {unit_id, static_cast<long long>(year), static_cast<long long>(quota), by, at});
}

std::map<long long, Date> StaffingStore::PlannedLeavers(Conn& c, long long commune_id,
                                                        std::optional<Date> from,
                                                        std::optional<Date> to) {
  std::string sql =
      std::string("SELECT k.staff_id, k.leave_on FROM staffing_candidates k WHERE ") + kNotDeferred;
  std::vector<Value> params;
  if (commune_id) {
    params.emplace_back(commune_id);
    sql += " AND k.commune_id = :" + std::to_string(params.size());
  }
  if (from) {
    params.emplace_back(from->ToIso());
    sql += " AND k.leave_on >= :" + std::to_string(params.size());
  }
  if (to) {
    params.emplace_back(to->ToIso());
    sql += " AND k.leave_on <= :" + std::to_string(params.size());
  }
  std::map<long long, Date> out;
  for (auto& r : c.Query(sql, params))
    if (auto d = Date::ParseIso(r.Str(1))) out[r.Int(0)] = *d;
  return out;
}

std::vector<long long> StaffingStore::PlannedBy(Conn& c, long long commune_id, Date cut) {
  std::vector<long long> out;
  for (auto& r : c.Query("SELECT staff_id FROM staffing_candidates WHERE commune_id = :1 AND "
                         "leave_on <= :2",
                         {commune_id, cut.ToIso()}))
    out.push_back(r.Int(0));
  return out;
}

namespace {

const char* kCandidateCols =
    "id, commune_id, staff_id, ground, note, leave_on, regime, salary, insured_months, "
    "within_12_months FROM staffing_candidates ";

CandidateRow CandidateOf(const store::Row& r) {
  CandidateRow c;
  c.id = r.Int(0);
  c.commune_id = r.Int(1);
  c.staff_id = r.Int(2);
  c.ground = r.Str(3);
  c.note = r.Str(4);
  c.leave_on = Date::ParseIso(r.Str(5)).value_or(Date());
  c.regime = r.Str(6);
  c.salary = r.Num(7);
  c.insured_months = static_cast<int>(r.Int(8));
  c.within_12_months = r.Int(9) != 0;
  return c;
}

}  // namespace

std::vector<CandidateRow> StaffingStore::Candidates(Conn& c) {
  std::vector<CandidateRow> out;
  for (auto& r : c.Query(std::string("SELECT ") + kCandidateCols + "ORDER BY leave_on, id"))
    out.push_back(CandidateOf(r));
  return out;
}

std::optional<CandidateRow> StaffingStore::Candidate(Conn& c, long long id) {
  auto r = c.QueryOne(std::string("SELECT ") + kCandidateCols + "WHERE id = :1", {id});
  if (!r) return std::nullopt;
  return CandidateOf(*r);
}

bool StaffingStore::IsListed(Conn& c, long long staff_id) {
  return c.QueryOne("SELECT 1 FROM staffing_candidates WHERE staff_id = :1", {staff_id})
      .has_value();
}

long long StaffingStore::InsertCandidate(Conn& c, const CandidateRow& k, const std::string& by,
                                         const std::string& at) {
  return c.InsertId(
      "INSERT INTO staffing_candidates (commune_id, staff_id, ground, note, leave_on, regime, "
      "salary, insured_months, within_12_months, recorded_by, recorded_at) VALUES (:1, :2, :3, "
      ":4, :5, :6, :7, :8, :9, :10, :11) RETURNING id",
      {k.commune_id, k.staff_id, k.ground, k.note, k.leave_on.ToIso(), k.regime, k.salary,
       static_cast<long long>(k.insured_months), static_cast<long long>(k.within_12_months), by,
       at});
}

void StaffingStore::DeleteCandidate(Conn& c, long long id) {
  c.Exec("DELETE FROM staffing_candidates WHERE id = :1", {id});
}

std::optional<std::string> StaffingStore::ActiveDeferral(Conn& c, long long staff_id, Date on) {
  auto r = c.QueryOne(
      "SELECT kind FROM staffing_deferrals WHERE staff_id = :1 AND from_date <= :2 AND (to_date IS "
      "NULL OR to_date >= :2) ORDER BY from_date",
      {staff_id, on.ToIso()});
  if (!r) return std::nullopt;
  return r->Str(0);
}

std::vector<DeferralRow> StaffingStore::Deferrals(Conn& c) {
  std::vector<DeferralRow> out;
  for (auto& r : c.Query("SELECT id, staff_id, kind, from_date, to_date, note FROM "
                         "staffing_deferrals ORDER BY from_date DESC")) {
    DeferralRow d;
    d.id = r.Int(0);
    d.staff_id = r.Int(1);
    d.kind = r.Str(2);
    d.from = Date::ParseIso(r.Str(3)).value_or(Date());
    if (!r.IsNull(4)) d.to = Date::ParseIso(r.Str(4));
    d.note = r.Str(5);
    out.push_back(std::move(d));
  }
  return out;
}

long long StaffingStore::InsertDeferral(Conn& c, const DeferralRow& d, const std::string& by,
                                        const std::string& at) {
  return c.InsertId(
      "INSERT INTO staffing_deferrals (staff_id, kind, from_date, to_date, note, recorded_by, "
      "recorded_at) VALUES (:1, :2, :3, :4, :5, :6, :7) RETURNING id",
      {d.staff_id, d.kind, d.from.ToIso(), d.to ? Value(d.to->ToIso()) : Value(), d.note, by, at});
}

}  // namespace kientao::staffing
