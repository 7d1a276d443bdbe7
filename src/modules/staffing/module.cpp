// The staffing module's manifest: the 2026–2031 staffing plan and streamlining, key task 3.
#include "app/module.hpp"

#include <map>

#include "app/app.hpp"
#include "modules/org/permissions.hpp"
#include "modules/staffing/permissions.hpp"
#include "modules/staffing/store/staffing_store.hpp"
#include "modules/staffing/web/staffing_web.hpp"
#include "modules/staffing/web/streamlining_web.hpp"

namespace kientao::app {

namespace {

// The staff of the commune by id, from the staff registry (org).
std::map<long long, org::Staff> StaffById(org::OrgService& org, store::Conn& c, long long commune) {
  std::map<long long, org::Staff> out;
  for (auto& r : org.CommuneStaff(c, commune)) out.emplace(r.staff.id, r.staff);
  return out;
}

// Posts filled against the staffing quota at the period's cut-off: staff in post under quota
// (cadres, civil servants, public employees) over the unit's quota for that year, at units with a
// quota ("staffing.quota").
class QuotaProvider : public indicator::Provider {
 public:
  explicit QuotaProvider(org::OrgService& org) : org_(org) {}
  std::string Name() const override { return "staffing.quota"; }
  std::vector<indicator::UnitValue> Values(store::Conn& c, const indicator::Definition&,
                                           long long commune_id, const Period& p) override {
    Date cut = p.WindowEnd();
    std::map<long long, double> in_post;
    for (const auto& [id, s] : StaffById(org_, c, commune_id)) {
      bool under_quota = s.category == org::StaffCategory::kCadre ||
                         s.category == org::StaffCategory::kCivilServant ||
                         s.category == org::StaffCategory::kPublicEmployee;
      if (under_quota && s.start_date <= cut && (!s.end_date || *s.end_date > cut))
        in_post[s.unit_id] += 1;
    }
    std::vector<indicator::UnitValue> out;
    for (const auto& u : org_.CommuneUnits(c, commune_id))
      if (auto q = staffing::StaffingStore::Quota(c, u.id, cut.year()))
        out.push_back({u.id, in_post[u.id], static_cast<double>(*q), cut});
    return out;
  }

 private:
  org::OrgService& org_;
};

// Departures planned in the period's year under the streamlining plan, by unit
// ("staffing.departures"). A count.
class DeparturesProvider : public indicator::Provider {
 public:
  explicit DeparturesProvider(org::OrgService& org) : org_(org) {}
  std::string Name() const override { return "staffing.departures"; }
  std::vector<indicator::UnitValue> Values(store::Conn& c, const indicator::Definition&,
                                           long long commune_id, const Period& p) override {
    int y = p.WindowEnd().year();
    auto staff = StaffById(org_, c, commune_id);
    std::map<long long, double> by_unit;
    for (auto& [staff_id, day] : staffing::StaffingStore::PlannedLeavers(
             c, commune_id, *Date::FromYmd(y, 1, 1), *Date::FromYmd(y, 12, 31)))
      if (auto it = staff.find(staff_id); it != staff.end()) by_unit[it->second.unit_id] += 1;
    std::vector<indicator::UnitValue> out;
    for (const auto& [unit, n] : by_unit) out.push_back({unit, n, 0, p.WindowEnd()});
    return out;
  }

 private:
  org::OrgService& org_;
};

// Streamlining progress against the plan: of the people planned to leave by the period's cut-off,
// those whose staff record has ended ("staffing.streamlining_progress").
class StreamliningProgressProvider : public indicator::Provider {
 public:
  explicit StreamliningProgressProvider(org::OrgService& org) : org_(org) {}
  std::string Name() const override { return "staffing.streamlining_progress"; }
  std::vector<indicator::UnitValue> Values(store::Conn& c, const indicator::Definition&,
                                           long long commune_id, const Period& p) override {
    Date cut = p.WindowEnd();
    auto staff = StaffById(org_, c, commune_id);
    std::map<long long, std::pair<double, double>> by_unit;  // unit → (left, planned)
    for (long long staff_id : staffing::StaffingStore::PlannedBy(c, commune_id, cut)) {
      auto it = staff.find(staff_id);
      if (it == staff.end()) continue;
      auto& [left, planned] = by_unit[it->second.unit_id];
      left += it->second.end_date && *it->second.end_date <= cut ? 1 : 0;
      planned += 1;
    }
    std::vector<indicator::UnitValue> out;
    for (const auto& [unit, lp] : by_unit) out.push_back({unit, lp.first, lp.second, cut});
    return out;
  }

 private:
  org::OrgService& org_;
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
  m.providers = [](App& app, indicator::IndicatorService& ind) {
    ind.RegisterProvider(std::make_unique<QuotaProvider>(app.org()));
    ind.RegisterProvider(std::make_unique<DeparturesProvider>(app.org()));
    ind.RegisterProvider(std::make_unique<StreamliningProgressProvider>(app.org()));
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
