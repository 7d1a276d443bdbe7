#include "app/providers.hpp"

#include "modules/directive/domain/task_status.hpp"

namespace kientao::app {

namespace {

// Staff in post at the period's cut-off, by unit (org module).
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

// The dispatch's key tasks on track at the period's cut-off (directive module): done on time or
// open within the deadline, of those with a deadline. At the commune.
class KeyTaskProvider : public indicator::Provider {
 public:
  std::string Name() const override { return "directive.key_tasks"; }
  std::vector<indicator::UnitValue> Values(store::Conn& c, const indicator::Definition&,
                                           long long commune_id, const Period& p) override {
    Date cut = p.WindowEnd();
    double on_track = 0, with_deadline = 0;
    for (auto& r : c.Query("SELECT deadline, completed_on, stopped FROM tasks WHERE commune_id = "
                           ":1 AND key_no IS "
                           "NOT NULL AND start_on <= :2",
                           {commune_id, cut.ToIso()})) {
      directive::TaskDates d;
      if (!r.IsNull(0)) d.deadline = Date::ParseIso(r.Str(0));
      if (!r.IsNull(1)) {
        auto done = Date::ParseIso(r.Str(1));
        if (done && *done <= cut) d.completed_on = done;
      }
      d.stopped = r.Int(2) != 0;
      if (!d.deadline || d.stopped) continue;
      ++with_deadline;
      auto s = directive::DeriveStatus(d, cut);
      if (s == directive::TaskStatus::kDoneOnTime || s == directive::TaskStatus::kOpenOnTime)
        ++on_track;
    }
    if (with_deadline == 0) return {};
    return {{commune_id, on_track, with_deadline, cut}};
  }
};

// Posts filled against the staffing quota at the period's cut-off (staffing module): staff in post
// under quota (cadres, civil servants, public employees) over the unit's quota for that year, at
// units with a quota.
class QuotaProvider : public indicator::Provider {
 public:
  std::string Name() const override { return "staffing.quota"; }
  std::vector<indicator::UnitValue> Values(store::Conn& c, const indicator::Definition&,
                                           long long commune_id, const Period& p) override {
    std::string cut = p.WindowEnd().ToIso();
    std::vector<indicator::UnitValue> out;
    for (auto& r : c.Query("SELECT q.unit_id, q.quota, (SELECT COUNT(*) FROM staff s WHERE "
                           "s.unit_id = q.unit_id AND "
                           "s.category IN ('cadre', 'civil_servant', 'public_employee') AND "
                           "s.start_date <= :1 AND "
                           "(s.end_date IS NULL OR s.end_date > :1)) FROM staffing_quotas q JOIN "
                           "org_units u ON u.id = "
                           "q.unit_id WHERE u.commune_id = :2 AND q.year = :3",
                           {cut, commune_id, static_cast<long long>(p.WindowEnd().year())}))
      out.push_back(
          {r.Int(0), static_cast<double>(r.Int(2)), static_cast<double>(r.Int(1)), p.WindowEnd()});
    return out;
  }
};

// KPI assignments done on time (kpi module): of the products due in the period's window at each
// unit, those confirmed without a delay (or with an objective cause accepted).
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

// Annual ratings (kpi module), for the year of the period's cut-off, by the unit of the rating:
// "kpi.rated" — people with an approved rating of the cadres and civil servants in post;
// "kpi.good_or_above" — of those rated, the ones rated good or excellent.
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

// Departures planned in the period's year (staffing module), by unit: under the streamlining plan
// (leaving in that year) — "staffing.departures". A count.
class DeparturesProvider : public indicator::Provider {
 public:
  std::string Name() const override { return "staffing.departures"; }
  std::vector<indicator::UnitValue> Values(store::Conn& c, const indicator::Definition&,
                                           long long commune_id, const Period& p) override {
    std::string y = std::to_string(p.WindowEnd().year());
    std::vector<indicator::UnitValue> out;
    for (auto& r : c.Query("SELECT s.unit_id, COUNT(*) FROM staffing_candidates k JOIN staff s ON "
                           "s.id = k.staff_id WHERE k.commune_id = :1 AND k.leave_on >= :2 AND "
                           "k.leave_on <= :3 AND NOT EXISTS (SELECT 1 FROM staffing_deferrals d "
                           "WHERE d.staff_id = k.staff_id AND d.from_date <= k.leave_on AND "
                           "(d.to_date IS NULL OR d.to_date >= k.leave_on)) GROUP BY s.unit_id",
                           {commune_id, y + "-01-01", y + "-12-31"}))
      out.push_back({r.Int(0), static_cast<double>(r.Int(1)), 0, p.WindowEnd()});
    return out;
  }
};

// Streamlining progress against the plan (staffing module): of the people planned to leave by the
// period's cut-off, those whose staff record has ended — "staffing.streamlining_progress".
class StreamliningProgressProvider : public indicator::Provider {
 public:
  std::string Name() const override { return "staffing.streamlining_progress"; }
  std::vector<indicator::UnitValue> Values(store::Conn& c, const indicator::Definition&,
                                           long long commune_id, const Period& p) override {
    std::vector<indicator::UnitValue> out;
    for (auto& r : c.Query(
             "SELECT s.unit_id, SUM(CASE WHEN s.end_date IS NOT NULL AND s.end_date <= :2 THEN 1 "
             "ELSE 0 END), COUNT(*) FROM staffing_candidates k JOIN staff s ON s.id = k.staff_id "
             "WHERE k.commune_id = :1 AND k.leave_on <= :2 GROUP BY s.unit_id",
             {commune_id, p.WindowEnd().ToIso()}))
      out.push_back(
          {r.Int(0), static_cast<double>(r.Int(1)), static_cast<double>(r.Int(2)), p.WindowEnd()});
    return out;
  }
};

}  // namespace

void RegisterProviders(indicator::IndicatorService& indicators) {
  indicators.RegisterProvider(std::make_unique<StaffProvider>());
  indicators.RegisterProvider(std::make_unique<KeyTaskProvider>());
  indicators.RegisterProvider(std::make_unique<QuotaProvider>());
  indicators.RegisterProvider(std::make_unique<KpiOnTimeProvider>());
  indicators.RegisterProvider(std::make_unique<KpiRatingProvider>(false));
  indicators.RegisterProvider(std::make_unique<KpiRatingProvider>(true));
  indicators.RegisterProvider(std::make_unique<DeparturesProvider>());
  indicators.RegisterProvider(std::make_unique<StreamliningProgressProvider>());
}

}  // namespace kientao::app
