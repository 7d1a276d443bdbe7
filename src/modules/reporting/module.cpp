// The reporting module's manifest: reporting periods, the units' periodic reports and the commune's
// report for the city.
#include "app/module.hpp"
#include "app/app.hpp"
#include "modules/reporting/permissions.hpp"
#include "modules/reporting/web/periods_web.hpp"
#include "modules/reporting/web/report_web.hpp"

namespace kientao::app {

void LoadReportingDemo(App& app, DemoContext& demo);  // demo/demo.cpp

Module ReportingModule() {
  Module m;
  m.name = "reporting";
  m.depends_on = {"org", "indicator", "directive"};
  using namespace access;
  m.permissions = {
      {std::string(kReportRead),
       {"admin", "leader", "office", "unit_head", "staff", "village_head", "supervisor"}},
      {std::string(kReportSubmit), {"admin", "office", "unit_head", "staff", "village_head"}},
      {std::string(kReportApprove), {"admin", "office"}},
      {std::string(kReportImport), {"admin"}},
      {std::string(kReportCity), {"admin", "supervisor"}}};
  m.nav = {{"/reports", "nav.reports", std::string(kReportRead), 0, 40},
           {"/commune-reports", "nav.commune_report", std::string(kReportRead), 0, 41},
           {"/city", "nav.city", std::string(kReportCity), 0, 42},
           {"/periods", "nav.periods", "", 0, 43}};
  m.routes = [](App& app) {
    reporting::RegisterPeriodRoutes(app.router(), app.reporting_rules(), app.layout());
    reporting::RegisterReportRoutes(app.router(), app.reports(), app.directives(), app.layout(),
                                    app.doc_layout());
  };
  m.demo = &LoadReportingDemo;
  return m;
}

}  // namespace kientao::app
