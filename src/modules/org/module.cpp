// The org module's manifest: the org-unit tree and the staff registry.
#include "app/module.hpp"
#include "app/app.hpp"
#include "modules/org/permissions.hpp"
#include "modules/org/web/org_web.hpp"

namespace kientao::app {

namespace {

// Staff in post at the period's cut-off, by unit ("org.staff").
class StaffProvider : public indicator::Provider {
 public:
  std::string Name() const override { return "org.staff"; }
  std::vector<indicator::UnitValue> Values(store::Conn& c, const indicator::Definition&,
                                           long long commune_id, const Period& p) override {
    std::string cut = p.WindowEnd().ToIso();
    std::vector<indicator::UnitValue> out;
    for (auto& r : c.Query(
             "SELECT unit_id, COUNT(*) FROM staff WHERE commune_id = :1 AND start_date <= :2 AND "
             "(end_date IS NULL OR end_date > :2) GROUP BY unit_id",
             {commune_id, cut}))
      out.push_back({r.Int(0), static_cast<double>(r.Int(1)), 0, p.WindowEnd()});
    return out;
  }
};

}  // namespace

void LoadOrgDemo(App& app, DemoContext& demo);  // demo/demo.cpp

Module OrgModule() {
  Module m;
  m.name = "org";
  using namespace access;
  m.permissions = {
      {std::string(kOrgRead),
       {"admin", "leader", "office", "unit_head", "staff", "village_head", "supervisor"}},
      {std::string(kOrgWrite), {"admin", "office"}},
      {std::string(kStaffRead), {"admin", "leader", "office", "unit_head", "staff", "supervisor"}},
      {std::string(kStaffReadFull), {"admin", "office"}},
      {std::string(kStaffWrite), {"admin", "office", "unit_head"}},
      {std::string(kStaffImport), {"admin", "office"}},
  };
  m.nav = {{"/org", "nav.org", std::string(kOrgRead), 0, 10},
           {"/staff", "nav.staff", std::string(kStaffRead), 0, 11}};
  m.providers = [](App&, indicator::IndicatorService& ind) {
    ind.RegisterProvider(std::make_unique<StaffProvider>());
  };
  m.routes = [](App& app) { org::RegisterOrgRoutes(app.router(), app.org(), app.layout()); };
  m.demo = &LoadOrgDemo;
  return m;
}

}  // namespace kientao::app
