// The rules module's manifest: the catalogue of every module's rule files and the /rules page.
#include "app/module.hpp"
#include "app/app.hpp"
#include "modules/rules/catalog.hpp"
#include "modules/rules/permissions.hpp"
#include "modules/rules/web/rules_web.hpp"

namespace kientao::app {

Module RulesModule() {
  Module m;
  m.name = "rules";
  m.permissions = {
      {std::string(access::kRulesRead),
       {"admin", "leader", "office", "unit_head", "staff", "village_head", "supervisor"}}};
  m.nav = {{"/rules", "nav.rules", std::string(access::kRulesRead), 0, 80}};
  m.start = [](App& app) {
    // Every rule file parsed once at start: a bad header, a typing mistake in a date or two
    // versions in force on one day stop the program with the file named.
    app.Keep("rules", std::make_shared<rules::Catalog>(
                          rules::Catalog::Load(app.RuleFiles(), app.config().rules_dir)));
  };
  m.routes = [](App& app) {
    rules::RegisterRulesRoutes(app.router(), app.Kept<rules::Catalog>("rules"), app.layout());
  };
  m.health = [](App& app) -> std::string {
    return app.Kept<rules::Catalog>("rules").sets().empty() ? "no rule files" : "";
  };
  return m;
}

}  // namespace kientao::app
