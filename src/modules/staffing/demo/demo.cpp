// The demo's staffing plan and streamlining: quotas of the 2026–2031 plan, a deferral case and one
// candidate with a benefit estimate.
#include <fmt/format.h>

#include <algorithm>

#include "app/app.hpp"
#include "app/demo_data.hpp"
#include "app/module.hpp"

namespace kientao::app {

void LoadStaffingDemo(App& app, DemoContext& demo) {
  const Actor& actor = demo.actor;
  const DemoCalendar& cal = demo.calendar;
  // Staffing quotas of the 2026–2031 plan (its years are the law's, not the demo's) for the offices
  // and centres: today's headcount, one post fewer from 2028 (illustrative figures for the
  // streamlining plan).
  for (const char* code : {"LP-VP", "LP-KT", "LP-VHXH", "LP-TTHCC", "LP-TTDV"}) {
    long long unit = demo.unit_ids.at(code);
    org::StaffFilter f;  // today's staff in post at the unit, from the staff registry
    f.unit_id = unit;
    int headcount = static_cast<int>(app.org().ListStaff(actor, f)->rows.size());
    for (int year = 2026; year <= 2031; ++year)
      app.staffing().SetQuota(actor, unit, year,
                              year >= 2028 ? std::max(0, headcount - 1) : headcount);
  }
  auto staff = [&](const char* name) { return demo.staff_ids.at(name); };
  auto& svc = app.streamlining();
  Date born = cal.ShiftYears(2025, 3, 1);
  svc.AddDeferral(actor, staff("Đinh Thị Yến"), "child_under_36m", born,
                  Date::FromDaysSinceEpoch(cal.ShiftYears(2028, 3, 1).DaysSinceEpoch() - 1),
                  fmt::format("Con sinh tháng {}/{}", born.month(), born.year()));
  staffing::CandidateDraft d;
  d.staff_id = staff("Chu Văn Hải");  // retires at the end of 06/2030 on the anchor
  d.ground = "surplus_restructuring";
  d.note = "Tự nguyện nghỉ hưu trước tuổi khi sắp xếp lại Trung tâm";
  // Half a year into the plan's second year on the anchor, and never past the plan's last year.
  d.leave_on = std::min(cal.ShiftYears(2027, 6, 1), *Date::FromYmd(2031, 12, 1));
  d.regime = staffing::Regime::kNd154Early;
  d.salary = 14'200'000;
  d.insured_months = 29 * 12 + 4;  // insured before joining the commune, too
  svc.AddCandidate(actor, d);
}

}  // namespace kientao::app
