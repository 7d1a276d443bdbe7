// The staffing module's manifest: the 2026–2031 staffing plan and streamlining, key task 3.
#include "app/module.hpp"
#include "app/app.hpp"
#include "modules/org/permissions.hpp"
#include "modules/staffing/permissions.hpp"
#include "modules/staffing/web/staffing_web.hpp"
#include "modules/staffing/web/streamlining_web.hpp"

namespace kientao::app {

namespace {

// Posts filled against the staffing quota at the period's cut-off: staff in post under quota
// (cadres, civil servants, public employees) over the unit's quota for that year, at units with a
// quota ("staffing.quota").
class QuotaProvider : public indicator::Provider {
 public:
  std::string Name() const override { return "staffing.quota"; }
  std::vector<indicator::UnitValue> Values(store::Conn& c, const indicator::Definition&,
                                           long long commune_id, const Period& p) override {
    std::string cut = p.WindowEnd().ToIso();
    std::vector<indicator::UnitValue> out;
    for (auto& r : c.Query("SELECT q.unit_id, q.quota, (SELECT COUNT(*) FROM staff s WHERE "
                           "s.unit_id = q.unit_id AND "
                           "s.category IN ('cadre', 'civil_servant', 'public_employee') AND "
                           "s.start_date <= :1 AND "
                           "(s.end_date IS NULL OR s.end_date > :1)) FROM staffing_quotas q JOIN "
                           "org_units u ON u.id = "
                           "q.unit_id WHERE u.commune_id = :2 AND q.year = :3",
                           {cut, commune_id, static_cast<long long>(p.WindowEnd().year())}))
      out.push_back(
          {r.Int(0), static_cast<double>(r.Int(2)), static_cast<double>(r.Int(1)), p.WindowEnd()});
    return out;
  }
};

// Departures planned in the period's year under the streamlining plan, by unit
// ("staffing.departures"). A count.
class DeparturesProvider : public indicator::Provider {
 public:
  std::string Name() const override { return "staffing.departures"; }
  std::vector<indicator::UnitValue> Values(store::Conn& c, const indicator::Definition&,
                                           long long commune_id, const Period& p) override {
    std::string y = std::to_string(p.WindowEnd().year());
    std::vector<indicator::UnitValue> out;
    for (auto& r : c.Query("SELECT s.unit_id, COUNT(*) FROM staffing_candidates k JOIN staff s ON "
                           "s.id = k.staff_id WHERE k.commune_id = :1 AND k.leave_on >= :2 AND "
                           "k.leave_on <= :3 AND NOT EXISTS (SELECT 1 FROM staffing_deferrals d "
                           "WHERE d.staff_id = k.staff_id AND d.from_date <= k.leave_on AND "
                           "(d.to_date IS NULL OR d.to_date >= k.leave_on)) GROUP BY s.unit_id",
                           {commune_id, y + "-01-01", y + "-12-31"}))
      out.push_back({r.Int(0), static_cast<double>(r.Int(1)), 0, p.WindowEnd()});
    return out;
  }
};

// Streamlining progress against the plan: of the people planned to leave by the period's cut-off,
// those whose staff record has ended ("staffing.streamlining_progress").
class StreamliningProgressProvider : public indicator::Provider {
 public:
  std::string Name() const override { return "staffing.streamlining_progress"; }
  std::vector<indicator::UnitValue> Values(store::Conn& c, const indicator::Definition&,
                                           long long commune_id, const Period& p) override {
    std::vector<indicator::UnitValue> out;
    for (auto& r : c.Query(
             "SELECT s.unit_id, SUM(CASE WHEN s.end_date IS NOT NULL AND s.end_date <= :2 THEN 1 "
             "ELSE 0 END), COUNT(*) FROM staffing_candidates k JOIN staff s ON s.id = k.staff_id "
             "WHERE k.commune_id = :1 AND k.leave_on <= :2 GROUP BY s.unit_id",
             {commune_id, p.WindowEnd().ToIso()}))
      out.push_back(
          {r.Int(0), static_cast<double>(r.Int(1)), static_cast<double>(r.Int(2)), p.WindowEnd()});
    return out;
  }
};

}  // namespace

void LoadStaffingDemo(App& app, DemoContext& demo);  // demo/demo.cpp

Module StaffingModule() {
  Module m;
  m.name = "staffing";
  m.depends_on = {"org", "kpi"};
  using namespace access;
  m.permissions = {{std::string(kStaffingPlan), {"admin", "leader", "office"}}};
  m.nav = {{"/staffing", "nav.staffing", std::string(kStaffRead), 3, 24},
           {"/staffing/streamlining", "nav.streamlining", std::string(kStaffingPlan), 3, 25}};
  m.key_tasks = {3};
  m.providers = [](indicator::IndicatorService& ind) {
    ind.RegisterProvider(std::make_unique<QuotaProvider>());
    ind.RegisterProvider(std::make_unique<DeparturesProvider>());
    ind.RegisterProvider(std::make_unique<StreamliningProgressProvider>());
  };
  m.routes = [](App& app) {
    staffing::RegisterStaffingRoutes(app.router(), app.org(), app.staffing(), app.retirement_rule(),
                                     app.layout());
    staffing::RegisterStreamliningRoutes(app.router(), app.streamlining(), app.staffing(),
                                         app.layout(), app.doc_layout());
  };
  m.demo = &LoadStaffingDemo;
  return m;
}

}  // namespace kientao::app
