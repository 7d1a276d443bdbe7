// KPI benchmarks (issue 4): scoring a city's 10,000 civil servants for a month with 30 assignments
// each, their annual rating, and the "my KPI" page — against SQLite with generated data, and the
// scoring rules alone in memory. Results: bench/RESULTS.md.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <random>

#include <fmt/format.h>

#include "app/app.hpp"
#include "app/demo_data.hpp"
#include "base/clock.hpp"
#include "store/change_counter.hpp"

namespace kientao {

namespace {

constexpr int kCommunes = 111;   // + the demo commune: a city
constexpr int kPerCommune = 90;  // 111 × 90 = 9,990 civil servants, + the demo's 26
constexpr int kPerMonth = 30;

struct KpiCity {
  std::string dir;
  std::unique_ptr<app::App> app;
  std::string cookie;
  std::vector<long long> communes;
  int months = 0;
  explicit KpiCity(int months_of_data) : months(months_of_data) {
    dir = std::filesystem::temp_directory_path() /
          ("kientao-bench-kpi-" + std::to_string(::getpid()) + "-" + std::to_string(months));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    app::Config cfg;
    cfg.database_url = dir + "/kpi.db";
    app = std::make_unique<app::App>(cfg);
    app::LoadDemoData(*app);
    std::mt19937 rng(7);
    store::Conn c = app->db().Lease();
    store::Tx tx(c);
    auto city = c.QueryOne("SELECT id, path FROM org_units WHERE code = 'HP'");
    std::string now = clock::NowIsoVn();
    int year = clock::Today().year();
    for (int k = 0; k < kCommunes; ++k) {
      long long commune = c.InsertId(
          "INSERT INTO org_units (code, name, kind, parent_id, path, commune_id, active_from, "
          "search_key, created_at, updated_at) VALUES (:1, :2, 'commune', :3, '', NULL, "
          "'2025-07-01', :2, :4, :4) RETURNING id",
          {fmt::format("BK{:03}", k), fmt::format("Xã Thử {:03}", k), city->Int(0), now});
      std::string cpath = city->Str(1) + std::to_string(commune) + "/";
      c.Exec("UPDATE org_units SET path = :1 WHERE id = :2", {cpath, commune});
      long long office = c.InsertId(
          "INSERT INTO org_units (code, name, kind, parent_id, path, commune_id, active_from, "
          "search_key, created_at, updated_at) VALUES (:1, 'Văn phòng', 'office', :2, '', :2, "
          "'2025-07-01', 'van phong', :3, :3) RETURNING id",
          {fmt::format("BK{:03}-VP", k), commune, now});
      c.Exec("UPDATE org_units SET path = :1 WHERE id = :2",
             {cpath + std::to_string(office) + "/", office});
      communes.push_back(commune);
      for (int p = 0; p < kPerCommune; ++p) {
        long long staff = c.InsertId(
            "INSERT INTO staff (commune_id, unit_id, full_name, sex, birth_date, citizen_id, "
            "category, position, start_date, status, search_key, sort_key, created_at, "
            "updated_at) VALUES (:1, :2, :3, 'female', '1990-01-01', :4, 'civil_servant', "
            "'Chuyên viên', '2015-01-01', 'active', 'x', 'x', :5, :5) RETURNING id",
            {commune, office, fmt::format("Công chức {}-{}", k, p),
             fmt::format("0001{:02}{:06}", k % 100, k * 1000 + p), now});
        for (int m = 1; m <= months; ++m) {
          // The month's 30 products in one statement (generated values only, no user text).
          std::string sql =
              "INSERT INTO kpi_assignments (commune_id, unit_id, staff_id, factor, quantity, "
              "title, assigned_on, deadline, source, assigned_by, status, completed_on, "
              "major_errors, delays, created_at) VALUES ";
          for (int i = 0; i < kPerMonth; ++i) {
            std::string due = fmt::format("{}-{:02}-{:02}", year, m, 1 + i % 28);
            sql += fmt::format(
                "{}({}, {}, {}, {}, 1, 'Sản phẩm', '{}-{:02}-01', '{}', 'manual', 'bench', '{}', "
                "'{}', {}, {}, '{}')",
                i ? ", " : "", commune, office, staff, 0.5 + (rng() % 4) * 0.5, year, m, due,
                rng() % 10 ? "confirmed" : "open", due, rng() % 8 == 0 ? 1 : 0,
                rng() % 6 == 0 ? 1 : 0, now);
          }
          c.Exec(sql);
          c.Exec(
              "INSERT INTO kpi_general_scores (staff_id, commune_id, period, score, note, "
              "scored_by, scored_at) VALUES (:1, :2, :3, :4, '', 'bench', :5)",
              {staff, commune, fmt::format("{}M{:02}", year, m), 20.0 + rng() % 11, now});
        }
      }
    }
    app->kpi().RebuildOutcomes(c);  // the loader wrote products directly
    store::BumpCounter(c, "org");   // the staff lists cached by the org module are stale
    tx.Commit();
    auto resp = app->Handle(http::Request::Make(
        "POST", "/api/v1/session", "{\"username\":\"congchuc\",\"password\":\"LacPhuong@2026\"}",
        {{"Content-Type", "application/json"}}));
    std::string sc = resp.Header("Set-Cookie");
    cookie = sc.substr(0, sc.find(';'));
  }
  ~KpiCity() {
    app.reset();
    std::filesystem::remove_all(dir);
  }
};

KpiCity& OneMonth() {
  static KpiCity city(1);
  return city;
}

KpiCity& FullYear() {
  static KpiCity city(12);
  return city;
}

}  // namespace

// Every civil servant of the city scored for one month (30 assignments each), commune by commune.
static void BM_ScoreCityMonth(benchmark::State& state) {
  KpiCity& d = OneMonth();
  Principal su = app::App::Superuser();
  Actor a{su, "bench", ""};
  Period p = Period::Of(PeriodType::kMonth, clock::Today().year(), 1);
  size_t people = 0;
  for (auto _ : state) {
    people = 0;
    for (long long commune : d.communes) people += d.app->kpi().ScoreUnit(a, commune, p).size();
  }
  state.counters["people"] = static_cast<double>(people);
}
BENCHMARK(BM_ScoreCityMonth)->Unit(benchmark::kMillisecond);

// The annual rating lists of every commune: twelve scored months each.
static void BM_AnnualRatingCity(benchmark::State& state) {
  KpiCity& d = FullYear();
  Principal su = app::App::Superuser();
  Actor a{su, "bench", ""};
  size_t people = 0;
  for (auto _ : state) {
    people = 0;
    for (long long commune : d.communes)
      people += d.app->kpi().Ratings(a, commune, clock::Today().year()).lines.size();
  }
  state.counters["people"] = static_cast<double>(people);
}
BENCHMARK(BM_AnnualRatingCity)->Unit(benchmark::kMillisecond);

// "My KPI" for the demo's civil servant, through the router, with the city's data in the database.
static void BM_MyKpiPage(benchmark::State& state) {
  KpiCity& d = OneMonth();
  auto req = http::Request::Make("GET", "/kpi", "", {{"Cookie", d.cookie}});
  for (auto _ : state) {
    auto r = d.app->Handle(req);
    if (r.status != 200) state.SkipWithError("GET /kpi failed");
    benchmark::DoNotOptimize(r.body);
  }
}
BENCHMARK(BM_MyKpiPage)->Unit(benchmark::kMillisecond);

// The rules alone: 10,000 people × 30 products scored in memory, and 10,000 annual ratings.
static void BM_ScoringRulesInMemory(benchmark::State& state) {
  const kpi::KpiRules& r = OneMonth().app->kpi().rules();
  std::mt19937 rng(3);
  std::vector<std::vector<kpi::ProductResult>> people(10000);
  for (auto& p : people)
    for (int i = 0; i < kPerMonth; ++i)
      p.push_back({0.5 + (rng() % 4) * 0.5, rng() % 10 != 0, static_cast<int>(rng() % 8 == 0),
                   static_cast<int>(rng() % 6 == 0), false});
  for (auto _ : state) {
    double sum = 0;
    for (auto& p : people) {
      kpi::PeriodScore s = kpi::ScorePeriod(r, p, 25);
      sum += s.total;
      benchmark::DoNotOptimize(kpi::RateYear(r, std::min(100.0, s.total), false));
    }
    benchmark::DoNotOptimize(sum);
  }
}
BENCHMARK(BM_ScoringRulesInMemory)->Unit(benchmark::kMillisecond);

}  // namespace kientao

BENCHMARK_MAIN();
