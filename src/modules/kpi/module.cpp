// The kpi module's manifest: KPI evaluation of civil servants (Decree 335/2025), key task 3.
#include "app/module.hpp"
#include "app/app.hpp"
#include "modules/kpi/permissions.hpp"
#include "modules/kpi/web/kpi_web.hpp"

namespace kientao::app {

namespace {

// KPI assignments done on time, by unit: of the products due in the period's window, those
// confirmed without a delay (or with an objective cause accepted) ("kpi.on_time").
class KpiOnTimeProvider : public indicator::Provider {
 public:
  std::string Name() const override { return "kpi.on_time"; }
  std::vector<indicator::UnitValue> Values(store::Conn& c, const indicator::Definition&,
                                           long long commune_id, const Period& p) override {
    std::vector<indicator::UnitValue> out;
    for (auto& r :
         c.Query("SELECT unit_id, SUM(CASE WHEN status = 'confirmed' AND (delays = 0 OR "
                 "objective_cause = 1) THEN 1 ELSE 0 END), COUNT(*) FROM kpi_assignments WHERE "
                 "commune_id = :1 AND deadline >= :2 AND deadline <= :3 GROUP BY unit_id",
                 {commune_id, p.WindowStart().ToIso(), p.WindowEnd().ToIso()}))
      out.push_back(
          {r.Int(0), static_cast<double>(r.Int(1)), static_cast<double>(r.Int(2)), p.WindowEnd()});
    return out;
  }
};

// Annual ratings for the year of the period's cut-off, by the unit of the rating: "kpi.rated" —
// people with an approved rating of the cadres and civil servants in post; "kpi.good_or_above" — of
// those rated, the ones rated good or excellent.
class KpiRatingProvider : public indicator::Provider {
 public:
  explicit KpiRatingProvider(bool good_share) : good_share_(good_share) {}
  std::string Name() const override { return good_share_ ? "kpi.good_or_above" : "kpi.rated"; }
  std::vector<indicator::UnitValue> Values(store::Conn& c, const indicator::Definition&,
                                           long long commune_id, const Period& p) override {
    long long year = p.WindowEnd().year();
    std::vector<indicator::UnitValue> out;
    std::string sql =
        good_share_
            ? "SELECT unit_id, SUM(CASE WHEN rating IN ('excellent', 'good') THEN 1 ELSE 0 END), "
              "COUNT(*) FROM kpi_annual_ratings WHERE commune_id = :1 AND year = :2 GROUP BY "
              "unit_id"
            : "SELECT s.unit_id, SUM(CASE WHEN EXISTS (SELECT 1 FROM kpi_annual_ratings r WHERE "
              "r.staff_id = s.id AND r.year = :2) THEN 1 ELSE 0 END), COUNT(*) FROM staff s WHERE "
              "s.commune_id = :1 AND s.status = 'active' AND s.category IN ('cadre', "
              "'civil_servant') GROUP BY s.unit_id";
    for (auto& r : c.Query(sql, {commune_id, year}))
      out.push_back(
          {r.Int(0), static_cast<double>(r.Int(1)), static_cast<double>(r.Int(2)), p.WindowEnd()});
    return out;
  }

 private:
  bool good_share_;
};

}  // namespace

void LoadKpiDemo(App& app, DemoContext& demo);  // demo/demo.cpp

Module KpiModule() {
  Module m;
  m.name = "kpi";
  m.depends_on = {"org", "directive"};
  using namespace access;
  m.permissions = {
      {std::string(kKpiRead), {"admin", "leader", "office", "unit_head", "supervisor"}},
      {std::string(kKpiReview), {"admin", "leader", "unit_head"}},
      {std::string(kKpiRate), {"admin", "leader"}},
      {std::string(kKpiOwn), {"admin", "leader", "office", "unit_head", "staff"}}};
  m.nav = {{"/kpi", "nav.kpi", std::string(kKpiOwn), 3, 20},
           {"/kpi/review", "nav.kpi_review", std::string(kKpiReview), 3, 21},
           {"/kpi/ranking", "nav.kpi_ranking", std::string(kKpiRead), 0, 22},
           {"/kpi/ratings", "nav.kpi_ratings", std::string(kKpiRead), 3, 23}};
  m.key_tasks = {3};
  m.providers = [](indicator::IndicatorService& ind) {
    ind.RegisterProvider(std::make_unique<KpiOnTimeProvider>());
    ind.RegisterProvider(std::make_unique<KpiRatingProvider>(false));
    ind.RegisterProvider(std::make_unique<KpiRatingProvider>(true));
  };
  m.routes = [](App& app) {
    kpi::RegisterKpiRoutes(app.router(), app.kpi(), app.layout(), app.doc_layout());
  };
  m.demo = &LoadKpiDemo;
  return m;
}

}  // namespace kientao::app
