#include "modules/staffing/plan.hpp"

#include "base/access.hpp"
#include "base/clock.hpp"
#include "base/json_writer.hpp"
#include "modules/org/permissions.hpp"
#include "modules/staffing/errors.hpp"
#include "modules/staffing/store/staffing_store.hpp"
#include "store/audit_log.hpp"

namespace kientao::staffing {

bool UnderQuota(const org::Staff& s) {
  return s.category == org::StaffCategory::kCadre ||
         s.category == org::StaffCategory::kCivilServant ||
         s.category == org::StaffCategory::kPublicEmployee;
}

Plan StaffingService::BuildPlan(const Actor& a, int from, int to) {
  Plan plan;
  plan.from = from;
  plan.to = to;
  auto staff = org_.ListStaff(a, {});
  std::map<long long, PlanUnit> units;
  std::map<long long, std::map<int, int>> retiring;  // unit → year → count
  std::map<long long, std::map<int, int>> leaving;   // streamlining: unit → year → count
  store::Conn c = db_.Lease();
  std::map<long long, int> leave_year;  // staff → the year they leave under the plan
  std::map<long long, std::map<std::string, int>> categories;  // unit → category → people
  // Those listed to leave, unless a deferral case applies on the day they would leave.
  for (auto& [staff_id, day] : StaffingStore::PlannedLeavers(c)) leave_year[staff_id] = day.year();
  for (auto& row : staff->rows) {
    if (row.staff.status != org::StaffStatus::kActive) continue;
    ++categories[row.staff.unit_id][std::string(org::CategoryCode(row.staff.category))];
    if (!UnderQuota(row.staff)) continue;
    PlanUnit& u = units[row.staff.unit_id];
    u.unit_id = row.staff.unit_id;
    u.unit_name = row.unit_name;
    ++u.headcount;
    Retirement r = RetirementOf(rule_, row.staff.sex == org::Sex::kFemale, row.staff.birth_date);
    auto planned = leave_year.find(row.staff.id);
    if (planned != leave_year.end() && planned->second < r.retirement_month.year)
      ++leaving[row.staff.unit_id][planned->second];  // leaves before reaching the age
    else
      ++retiring[row.staff.unit_id][r.retirement_month.year];
  }
  // The units the user may see, from the org module (names and paths for scope).
  std::map<long long, org::OrgUnit> visible;
  for (auto& u : org_.ListUnits(a, true)) visible.emplace(u.id, u);
  std::map<long long, std::map<int, int>> quotas;
  for (const QuotaRow& q : StaffingStore::Quotas(c, from, to)) {
    auto v = visible.find(q.unit_id);
    if (v == visible.end() || !access::Permits(a.who, access::kStaffRead, v->second.path)) continue;
    quotas[q.unit_id][q.year] = q.quota;
    PlanUnit& u = units[q.unit_id];
    u.unit_id = q.unit_id;
    u.unit_name = v->second.name;
  }
  int this_year = clock::Today().year();
  plan.total.resize(static_cast<size_t>(to - from + 1));
  std::vector<bool> every_quota(plan.total.size(), true);
  for (auto& [id, u] : units) {
    auto v = visible.find(id);
    u.can_edit = v != visible.end() && access::Permits(a.who, access::kOrgWrite, v->second.path);
    u.by_category = categories[id];
    int gone = 0;
    // Those who already passed retirement age but are still in post are counted as leaving now.
    for (auto& [year, n] : retiring[id])
      if (year < from && year <= this_year) gone += n;
    for (auto& [year, n] : leaving[id])
      if (year < from) gone += n;
    for (int y = from; y <= to; ++y) {
      PlanYear py;
      py.year = y;
      py.retiring = retiring[id].count(y) ? retiring[id][y] : 0;
      py.streamlining = leaving[id].count(y) ? leaving[id][y] : 0;
      gone += py.retiring + py.streamlining;
      py.expected = u.headcount - gone;
      if (auto q = quotas[id].find(y); q != quotas[id].end()) {
        py.quota = q->second;
        py.gap = py.expected - q->second;
      }
      PlanYear& t = plan.total[static_cast<size_t>(y - from)];
      t.year = y;
      t.retiring += py.retiring;
      t.streamlining += py.streamlining;
      t.expected += py.expected;
      if (py.quota)
        t.quota = t.quota.value_or(0) + *py.quota;
      else
        every_quota[static_cast<size_t>(y - from)] = false;
      u.years.push_back(py);
    }
    plan.units.push_back(std::move(u));
  }
  for (size_t i = 0; i < plan.total.size(); ++i) {
    if (!every_quota[i] || plan.units.empty()) plan.total[i].quota.reset();
    if (plan.total[i].quota) plan.total[i].gap = plan.total[i].expected - *plan.total[i].quota;
  }
  return plan;
}

void StaffingService::SetQuota(const Actor& a, long long unit_id, int year, int quota) {
  if (year < 2020 || year > 2040)
    throw Error(errors::kYearRange, "year", {{"value", std::to_string(year)}});
  if (quota < 0) throw Error(errors::kQuotaNegative, "quota");
  store::Conn c = db_.Lease();
  store::Tx tx(c);
  std::optional<org::OrgUnit> u;  // from the org module, within the user's scope
  for (auto& x : org_.ListUnits(a, true))
    if (x.id == unit_id) u = x;
  if (!u) throw Error(errors::kUnitNotFound, "unit_id");
  if (!access::Permits(a.who, access::kOrgWrite, u->path)) throw Error(gen_errors::kForbidden);
  long long commune_id = u->commune_id ? u->commune_id : u->id;
  std::optional<int> before = StaffingStore::Quota(c, unit_id, year);
  StaffingStore::SetQuota(c, unit_id, year, quota, a.audit_name, clock::NowIsoVn());
  store::AppendAudit(c, a, "quota", "org_unit", std::to_string(unit_id), commune_id,
                     before ? std::optional<std::string>(JsonObject().Int("quota", *before).Build())
                            : std::nullopt,
                     JsonObject().Int("year", year).Int("quota", quota).Build());
  tx.Commit();
}

}  // namespace kientao::staffing
