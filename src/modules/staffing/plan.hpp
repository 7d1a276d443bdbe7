#pragma once
// The staffing plan by unit and year: quota (biên chế), the headcount expected at the end of each
// year (today's staff in post less those reaching retirement age by then), departures by retirement
// in the year, and the gap (expected − quota: above 0 a surplus to streamline, below 0 vacancies).
// Thread-safe.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/principal.hpp"
#include "modules/org/service.hpp"
#include "modules/staffing/domain/retirement.hpp"
#include "store/db.hpp"

namespace kientao::staffing {

struct PlanYear {
  int year = 0;
  std::optional<int> quota;
  int retiring = 0;      // reaching retirement age in the year
  int streamlining = 0;  // leaving under the streamlining plan in the year
  int expected = 0;      // headcount at the end of the year
  std::optional<int> gap;
};

struct PlanUnit {
  long long unit_id = 0;
  std::string unit_name;
  int headcount = 0;                       // staff in post today (under quota)
  std::map<std::string, int> by_category;  // every category in post, part-time and contract too
  bool can_edit = false;
  std::vector<PlanYear> years;
};

struct Plan {
  int from = 2026, to = 2031;
  std::vector<PlanUnit> units;
  std::vector<PlanYear> total;  // the units added up (quota only where every unit has one)
};

// Whether a staff member holds a post counted against the quota (cadres, civil servants, public
// employees); part-time workers and contract staff are not.
bool UnderQuota(const org::Staff& s);

class StaffingService {
 public:
  StaffingService(store::Database& db, org::OrgService& org, const RetirementRule& rule)
      : db_(db), org_(org), rule_(rule) {}
  // Units with staff or a quota, among those the actor may read.
  Plan BuildPlan(const Actor& a, int from, int to);
  // org.write over the unit; STF-6003 below zero, STF-6002 a year outside 2020–2040.
  void SetQuota(const Actor& a, long long unit_id, int year, int quota);

 private:
  store::Database& db_;
  org::OrgService& org_;
  const RetirementRule& rule_;
};

}  // namespace kientao::staffing
