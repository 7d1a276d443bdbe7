// The sipas module's manifest: the citizens' satisfaction survey (Decision 1001/QĐ-BNV), key task 6
// (the satisfaction index above 90%).
#include "app/module.hpp"
#include "app/app.hpp"
#include "modules/services/permissions.hpp"
#include "modules/sipas/permissions.hpp"
#include "modules/sipas/service.hpp"
#include "modules/sipas/web/sipas_web.hpp"

namespace kientao::app {

namespace {

// The satisfaction index of the answers given in the period's window, by the unit that served the
// respondent: index ÷ 100 × answers over answers, so the commune's figure is the units' indices
// weighted by their answers ("sipas.index").
class IndexProvider : public indicator::Provider {
 public:
  explicit IndexProvider(sipas::SipasService& svc) : svc_(svc) {}
  std::string Name() const override { return "sipas.index"; }
  std::vector<indicator::UnitValue> Values(store::Conn& c, const indicator::Definition&,
                                           long long commune_id, const Period& p) override {
    std::vector<indicator::UnitValue> out;
    for (auto& [unit, r] : svc_.IndexByUnit(c, commune_id, p.WindowStart(), p.WindowEnd()))
      if (r.index && r.responses > 0)
        out.push_back({unit, *r.index / 100.0 * static_cast<double>(r.responses),
                       static_cast<double>(r.responses), p.WindowEnd()});
    return out;
  }

 private:
  sipas::SipasService& svc_;
};

// The questionnaires: every rule file of the module but the method's (a province adds its own in
// <rules_dir>/sipas/).
std::vector<std::pair<std::string, std::string>> Questionnaires(const App& app) {
  std::vector<std::pair<std::string, std::string>> out;
  for (auto& f : app.ModuleRules("sipas", ""))
    if (f.first.rfind("sipas-method", 0) != 0) out.push_back(f);
  return out;
}

}  // namespace

void LoadSipasDemo(App& app, DemoContext& demo);  // demo/demo.cpp

Module SipasModule() {
  Module m;
  m.name = "sipas";
  m.depends_on = {"org", "services", "reporting"};
  using namespace access;
  m.permissions = {
      {std::string(kSipasRead), {"admin", "leader", "office", "unit_head", "staff", "supervisor"}},
      {std::string(kSipasWrite), {"admin", "office"}}};
  m.nav = {{"/sipas", "nav.sipas", std::string(kSipasRead), 6, 40}};
  m.key_tasks = {6};
  m.start = [](App& app) {
    auto& services = app.Kept<services::ServicesService>("services");
    auto& svc = app.Keep("sipas", std::make_shared<sipas::SipasService>(
                                      app.db(), services, Questionnaires(app),
                                      app.ModuleRule("sipas", "sipas-method.toml")));
    // The receipt slip's QR code opens this dossier's questionnaire.
    services.SetSlipLink([&svc](const Actor& a, long long id) { return svc.SurveyPath(a, id); });
    // Decision 766's satisfaction in handling dossiers counts the dossiers rated not satisfied.
    services.SetDissatisfiedCount([&svc](const Actor& a, Date from, Date to) {
      return svc.DissatisfiedDossiers(a, from, to);
    });
  };
  m.providers = [](App& app, indicator::IndicatorService& ind) {
    ind.RegisterProvider(std::make_unique<IndexProvider>(app.Kept<sipas::SipasService>("sipas")));
  };
  m.routes = [](App& app) {
    sipas::RegisterSipasRoutes(app.router(), app.Kept<sipas::SipasService>("sipas"), app.layout(),
                               app.doc_layout());
  };
  m.demo = &LoadSipasDemo;
  return m;
}

}  // namespace kientao::app
