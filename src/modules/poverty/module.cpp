// The poverty module's manifest: the multidimensional poverty standards (Decree 07/2021, Decree
// 351/2025) and the calculators on them, key task 7 ("no poor households by 2028"). The household
// registry and the annual review are to come (MODULE.md).
#include "app/module.hpp"
#include "app/app.hpp"
#include "modules/poverty/permissions.hpp"
#include "modules/poverty/registry.hpp"
#include "modules/poverty/service.hpp"
#include "modules/poverty/web/poverty_web.hpp"

namespace kientao::app {

void LoadPovertyDemo(App& app, DemoContext& demo);  // demo/demo.cpp

Module PovertyModule() {
  Module m;
  m.name = "poverty";
  using namespace access;
  m.depends_on = {"org"};
  m.permissions = {
      {std::string(kPovertyRead),
       {"admin", "leader", "office", "unit_head", "staff", "village_head", "supervisor"}},
      {std::string(kHouseholdRead), {"admin", "leader", "office", "village_head", "supervisor"}},
      {std::string(kHouseholdWrite), {"admin", "office", "village_head"}}};
  // A menu entry, not yet key task 7's page: that is the household registry's, still to come.
  m.nav = {{"/poverty", "nav.poverty", std::string(kPovertyRead), 0, 45},
           {"/poverty/households", "nav.poverty_households", std::string(kHouseholdRead), 0, 46}};
  m.start = [](App& app) {
    auto& standards = app.Keep(
        "poverty", std::make_shared<poverty::PovertyService>(app.ModuleRules("poverty", "")));
    app.Keep("poverty.registry", std::make_shared<poverty::RegistryService>(app.db(), standards));
  };
  m.routes = [](App& app) {
    auto& svc = app.Kept<poverty::PovertyService>("poverty");
    poverty::RegisterPovertyRoutes(app.router(), svc);
    poverty::RegisterPovertyPages(app.router(), svc, app.layout());
    auto& registry = app.Kept<poverty::RegistryService>("poverty.registry");
    poverty::RegisterHouseholdRoutes(app.router(), registry);
    poverty::RegisterHouseholdPages(app.router(), registry, app.layout());
  };
  m.demo = &LoadPovertyDemo;
  return m;
}

}  // namespace kientao::app
