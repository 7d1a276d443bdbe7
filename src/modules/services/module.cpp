// The services module's manifest: the procedure catalogue and the dossier register, key task 5
// (full-process online public services and on-time handling).
#include "app/module.hpp"
#include "app/app.hpp"
#include "base/rule_file.hpp"
#include "modules/services/permissions.hpp"
#include "modules/services/service.hpp"
#include "modules/services/web/services_web.hpp"

namespace kientao::app {

namespace {

// Dossiers received in the period's window, by receiving unit: full-process online ones over all
// ("services.full_process_online", Decree 42/2022 art. 11; the national KPI's denominator).
class FullProcessProvider : public indicator::Provider {
 public:
  std::string Name() const override { return "services.full_process_online"; }
  std::vector<indicator::UnitValue> Values(store::Conn& c, const indicator::Definition&,
                                           long long commune_id, const Period& p) override {
    std::vector<indicator::UnitValue> out;
    for (auto& r : c.Query("SELECT unit_id, SUM(full_process), SUM(received) FROM services_daily "
                           "WHERE commune_id = :1 AND day >= :2 AND day <= :3 GROUP BY unit_id",
                           {commune_id, p.WindowStart().ToIso(), p.WindowEnd().ToIso()}))
      out.push_back(
          {r.Int(0), static_cast<double>(r.Int(1)), static_cast<double>(r.Int(2)), p.WindowEnd()});
    return out;
  }
};

// Dossiers whose result was returned in the period's window, by receiving unit: those returned on
// or before the appointment date over all returned ("services.on_time").
class OnTimeProvider : public indicator::Provider {
 public:
  std::string Name() const override { return "services.on_time"; }
  std::vector<indicator::UnitValue> Values(store::Conn& c, const indicator::Definition&,
                                           long long commune_id, const Period& p) override {
    std::vector<indicator::UnitValue> out;
    for (auto& r : c.Query("SELECT unit_id, SUM(early + on_time), SUM(returned) FROM "
                           "services_daily WHERE commune_id = :1 AND day >= :2 AND day <= :3 "
                           "GROUP BY unit_id",
                           {commune_id, p.WindowStart().ToIso(), p.WindowEnd().ToIso()}))
      out.push_back(
          {r.Int(0), static_cast<double>(r.Int(1)), static_cast<double>(r.Int(2)), p.WindowEnd()});
    return out;
  }
};

// Dossiers received in the window under procedures with a full-process online service: those
// handled fully online over all of them ("services.full_process_online_procedures", the second
// denominator of Decree 42/2022 art. 11).
class FullProcessOfOnlineProceduresProvider : public indicator::Provider {
 public:
  std::string Name() const override { return "services.full_process_online_procedures"; }
  std::vector<indicator::UnitValue> Values(store::Conn& c, const indicator::Definition&,
                                           long long commune_id, const Period& p) override {
    std::vector<indicator::UnitValue> out;
    for (auto& r : c.Query("SELECT s.unit_id, SUM(s.full_process), SUM(s.received) FROM "
                           "services_daily s JOIN services_procedures p ON p.id = s.procedure_id "
                           "WHERE s.commune_id = :1 AND s.day >= :2 AND s.day <= :3 AND "
                           "p.online_level = 'full' GROUP BY s.unit_id",
                           {commune_id, p.WindowStart().ToIso(), p.WindowEnd().ToIso()}))
      out.push_back(
          {r.Int(0), static_cast<double>(r.Int(1)), static_cast<double>(r.Int(2)), p.WindowEnd()});
    return out;
  }
};

// Dossiers received in the window under procedures with a fee: those paid online over all of them
// ("services.online_payment"; the official 766 formula is unverified).
class OnlinePaymentProvider : public indicator::Provider {
 public:
  std::string Name() const override { return "services.online_payment"; }
  std::vector<indicator::UnitValue> Values(store::Conn& c, const indicator::Definition&,
                                           long long commune_id, const Period& p) override {
    std::vector<indicator::UnitValue> out;
    for (auto& r : c.Query("SELECT s.unit_id, SUM(s.paid_online), SUM(s.received) FROM "
                           "services_daily s JOIN services_procedures p ON p.id = s.procedure_id "
                           "WHERE s.commune_id = :1 AND s.day >= :2 AND s.day <= :3 AND p.fee > 0 "
                           "GROUP BY s.unit_id",
                           {commune_id, p.WindowStart().ToIso(), p.WindowEnd().ToIso()}))
      out.push_back(
          {r.Int(0), static_cast<double>(r.Int(1)), static_cast<double>(r.Int(2)), p.WindowEnd()});
    return out;
  }
};

}  // namespace

void LoadServicesDemo(App& app, DemoContext& demo);  // demo/demo.cpp

Module ServicesModule() {
  Module m;
  m.name = "services";
  m.depends_on = {"org", "reporting"};
  using namespace access;
  m.permissions = {{std::string(kServicesRead),
                    {"admin", "leader", "office", "unit_head", "staff", "supervisor"}},
                   {std::string(kServicesWrite), {"admin", "office", "unit_head", "staff"}},
                   {std::string(kServicesImport), {"admin", "office"}},
                   {std::string(kServicesReadFull), {"admin", "office"}}};
  m.nav = {{"/services", "nav.services", std::string(kServicesRead), 5, 30},
           {"/services/dossiers", "nav.services_register", std::string(kServicesRead), 5, 31},
           {"/services/procedures", "nav.services_procedures", std::string(kServicesRead), 5, 32}};
  m.key_tasks = {5};
  m.start = [](App& app) {
    auto& svc = app.Keep("services", std::make_shared<services::ServicesService>(
                                         app.db(), app.org(), app.reporting_rules().calendar()));
    // How supplements and extensions move the appointment (a rule file, unverified).
    RuleFile steps = RuleFile::Parse(app.ModuleRule("services", "nd-118-2025-steps.toml"),
                                     "nd-118-2025-steps.toml");
    services::StepClock clock;
    clock.supplement_restarts_clock = steps.Flag("supplement.restart_clock");
    if (!steps.Flag("extension.keeps_legal_due"))
      throw RuleFileError(
          "rule file nd-118-2025-steps.toml: extension.keeps_legal_due: only true "
          "is supported (an extension never moves the legal appointment)");
    clock.verified = steps.meta().verified && steps.Unverified().empty();
    steps.RefuseUnknownKeys();
    svc.SetStepClock(clock);
  };
  m.providers = [](App&, indicator::IndicatorService& ind) {
    ind.RegisterProvider(std::make_unique<FullProcessProvider>());
    ind.RegisterProvider(std::make_unique<OnTimeProvider>());
    ind.RegisterProvider(std::make_unique<FullProcessOfOnlineProceduresProvider>());
    ind.RegisterProvider(std::make_unique<OnlinePaymentProvider>());
  };
  m.routes = [](App& app) {
    services::RegisterServicesRoutes(app.router(), app.Kept<services::ServicesService>("services"),
                                     app.layout(), app.doc_layout());
  };
  m.demo = &LoadServicesDemo;
  return m;
}

}  // namespace kientao::app
