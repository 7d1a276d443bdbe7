// The services module's manifest: the procedure catalogue and the dossier register, key task 5
// (full-process online public services and on-time handling).
#include "app/module.hpp"
#include "app/app.hpp"
#include "base/rule_file.hpp"
#include "modules/kpi/service.hpp"
#include "modules/services/permissions.hpp"
#include "modules/services/service.hpp"
#include "modules/services/store/services_store.hpp"
#include "modules/services/web/services_web.hpp"

namespace kientao::app {

namespace {

// A rate of the dossiers counted in services_daily over the period's window, by receiving unit:
// SUM(numerator) over SUM(denominator), of the procedures `where` selects ("" = all).
class DailyRatioProvider : public indicator::Provider {
 public:
  DailyRatioProvider(std::string name, std::string numerator, std::string denominator,
                     std::string where)
      : name_(std::move(name)),
        sql_("SELECT s.unit_id, SUM(s." + numerator + "), SUM(s." + denominator +
             ") FROM services_daily s JOIN services_procedures p ON p.id = s.procedure_id WHERE "
             "s.commune_id = :1 AND s.day >= :2 AND s.day <= :3" +
             (where.empty() ? "" : " AND " + where) + " GROUP BY s.unit_id") {}
  std::string Name() const override { return name_; }
  std::vector<indicator::UnitValue> Values(store::Conn& c, const indicator::Definition&,
                                           long long commune_id, const Period& p) override {
    std::vector<indicator::UnitValue> out;
    for (auto& r : c.Query(sql_, {commune_id, p.WindowStart().ToIso(), p.WindowEnd().ToIso()}))
      out.push_back(
          {r.Int(0), static_cast<double>(r.Int(1)), static_cast<double>(r.Int(2)), p.WindowEnd()});
    return out;
  }

 private:
  std::string name_, sql_;
};

// Beside a civil servant's KPI: the dossiers the person handled that were returned in the period,
// and how many of them by the appointment (the register names the handler; see
// domain/handlers.hpp for how a name is matched to a person).
class OnTimeHandlingEvidence : public kpi::EvidenceSource {
 public:
  explicit OnTimeHandlingEvidence(org::OrgService& org) : org_(org) {}
  std::map<long long, kpi::PersonEvidence> For(store::Conn& c, long long commune_id,
                                               const std::vector<const org::Staff*>& people,
                                               Date from, Date to) override {
    std::map<long long, kpi::PersonEvidence> out;
    auto rows = services::ServicesStore::ReturnedByHandler(c, commune_id, from, to);
    if (rows.empty()) return out;
    std::vector<services::NamedPerson> asked, everyone;
    for (const auto* s : people) asked.push_back({s->id, s->full_name});
    for (const auto& row : org_.CommuneStaff(c, commune_id))
      everyone.push_back({row.staff.id, row.staff.full_name});
    for (const auto& [id, h] : services::MatchHandlers(rows, asked, everyone)) {
      kpi::PersonEvidence e;
      e.source = "services.on_time";
      e.label_key = "services.kpi_evidence";
      e.count = h.in_time;
      e.of = h.resolved;
      e.ambiguous = h.ambiguous;
      e.href = "/services?from=" + from.ToIso() + "&to=" + to.ToIso();
      out[id] = std::move(e);
    }
    return out;
  }

 private:
  org::OrgService& org_;
};

}  // namespace

void LoadServicesDemo(App& app, DemoContext& demo);  // demo/demo.cpp

Module ServicesModule() {
  Module m;
  m.name = "services";
  m.depends_on = {"org", "reporting", "kpi"};
  using namespace access;
  m.permissions = {{std::string(kServicesRead),
                    {"admin", "leader", "office", "unit_head", "staff", "supervisor"}},
                   {std::string(kServicesWrite), {"admin", "office", "unit_head", "staff"}},
                   {std::string(kServicesImport), {"admin", "office"}},
                   {std::string(kServicesReadFull), {"admin", "office"}}};
  m.nav = {{"/services", "nav.services", std::string(kServicesRead), 5, 30},
           {"/services/dossiers", "nav.services_register", std::string(kServicesRead), 5, 31},
           {"/services/procedures", "nav.services_procedures", std::string(kServicesRead), 5, 32},
           {"/services/766", "nav.services_766", std::string(kServicesRead), 5, 33}};
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
    svc.SetIndex766Rules(
        services::Index766Rules::Load(app.ModuleRule("services", "qd-766-2022.toml")));
    app.kpi().AddEvidenceSource(std::make_unique<OnTimeHandlingEvidence>(app.org()));
  };
  m.providers = [](App&, indicator::IndicatorService& ind) {
    // Full-process online over all received (Decree 42/2022 art. 11; the national KPI's
    // denominator), and over those of procedures with a full-process service.
    ind.RegisterProvider(std::make_unique<DailyRatioProvider>("services.full_process_online",
                                                              "full_process", "received", ""));
    ind.RegisterProvider(std::make_unique<DailyRatioProvider>(
        "services.full_process_online_procedures", "full_process", "received",
        "p.online_level = 'full'"));
    // Returned by the appointment over returned, in the window.
    ind.RegisterProvider(std::make_unique<DailyRatioProvider>("services.on_time",
                                                              "early + s.on_time", "returned", ""));
    // Paid online over received under procedures with a fee (the 766 formula is unverified).
    ind.RegisterProvider(std::make_unique<DailyRatioProvider>(
        "services.online_payment", "paid_online", "received", "p.fee > 0"));
  };
  m.routes = [](App& app) {
    services::RegisterServicesRoutes(app.router(), app.Kept<services::ServicesService>("services"),
                                     app.layout(), app.doc_layout());
  };
  m.demo = &LoadServicesDemo;
  return m;
}

}  // namespace kientao::app
