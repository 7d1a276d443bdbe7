// The kpi module's manifest: KPI evaluation of civil servants (Decree 335/2025), key task 3.
#include <map>
#include <set>

#include "app/app.hpp"
#include "app/module.hpp"
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
  KpiRatingProvider(org::OrgService& org, bool good_share) : org_(org), good_share_(good_share) {}
  std::string Name() const override { return good_share_ ? "kpi.good_or_above" : "kpi.rated"; }
  std::vector<indicator::UnitValue> Values(store::Conn& c, const indicator::Definition&,
                                           long long commune_id, const Period& p) override {
    long long year = p.WindowEnd().year();
    std::vector<indicator::UnitValue> out;
    if (good_share_) {
      for (auto& r : c.Query("SELECT unit_id, SUM(CASE WHEN rating IN ('excellent', 'good') THEN 1 "
                             "ELSE 0 END), COUNT(*) FROM kpi_annual_ratings WHERE commune_id = :1 "
                             "AND year = :2 GROUP BY unit_id",
                             {commune_id, year}))
        out.push_back({r.Int(0), static_cast<double>(r.Int(1)), static_cast<double>(r.Int(2)),
                       p.WindowEnd()});
      return out;
    }
    // Of the cadres and civil servants in post (the staff registry's), those rated in the year.
    std::set<long long> rated;
    for (auto& r : c.Query("SELECT staff_id FROM kpi_annual_ratings WHERE commune_id = :1 AND "
                           "year = :2",
                           {commune_id, year}))
      rated.insert(r.Int(0));
    std::map<long long, std::pair<double, double>> by_unit;  // unit → (rated, in post)
    for (const auto& row : org_.CommuneStaff(c, commune_id)) {
      const org::Staff& s = row.staff;
      if (s.status != org::StaffStatus::kActive ||
          (s.category != org::StaffCategory::kCadre &&
           s.category != org::StaffCategory::kCivilServant))
        continue;
      auto& [n, d] = by_unit[s.unit_id];
      n += rated.count(s.id) ? 1 : 0;
      d += 1;
    }
    for (const auto& [unit, nd] : by_unit)
      out.push_back({unit, nd.first, nd.second, p.WindowEnd()});
    return out;
  }

 private:
  org::OrgService& org_;
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
  m.providers = [](App& app, indicator::IndicatorService& ind) {
    ind.RegisterProvider(std::make_unique<KpiOnTimeProvider>());
    ind.RegisterProvider(std::make_unique<KpiRatingProvider>(app.org(), false));
    ind.RegisterProvider(std::make_unique<KpiRatingProvider>(app.org(), true));
  };
  m.routes = [](App& app) {
    kpi::RegisterKpiRoutes(app.router(), app.kpi(), app.layout(), app.doc_layout());
  };
  m.demo = &LoadKpiDemo;
  return m;
}

}  // namespace kientao::app
