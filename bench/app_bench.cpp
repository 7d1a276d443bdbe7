// In-process benchmarks of the hot paths, without sockets: the authenticated staff list through the
// router, its parts (session lookup, the list query, JSON), and Vietnamese text handling.
#include <benchmark/benchmark.h>

#include <cmath>
#include <filesystem>
#include <random>

#include <fmt/format.h>

#include "app/app.hpp"
#include "app/demo_data.hpp"
#include "base/clock.hpp"
#include "base/text.hpp"

namespace kientao {

namespace {

struct Demo {
  std::string dir;
  std::unique_ptr<app::App> app;
  std::string cookie;
  Demo() {
    dir = std::filesystem::temp_directory_path() / ("kientao-bench-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    app::Config cfg;
    cfg.database_url = dir + "/demo.db";
    app = std::make_unique<app::App>(cfg);
    app::LoadDemoData(*app);
    auto resp = app->Handle(http::Request::Make(
        "POST", "/api/v1/session", "{\"username\":\"vanphong\",\"password\":\"LacPhuong@2026\"}",
        {{"Content-Type", "application/json"}}));
    std::string sc = resp.Header("Set-Cookie");
    cookie = sc.substr(0, sc.find(';'));
  }
  ~Demo() {
    app.reset();
    std::filesystem::remove_all(dir);
  }
};

Demo& TheDemo() {
  static Demo demo;
  return demo;
}

}  // namespace

static void BM_StaffListThroughRouter(benchmark::State& state) {
  Demo& d = TheDemo();
  auto req = http::Request::Make("GET", "/api/v1/staff", "", {{"Cookie", d.cookie}});
  for (auto _ : state) {
    auto r = d.app->Handle(req);
    if (r.status != 200) state.SkipWithError("list failed");
    benchmark::DoNotOptimize(r.body);
  }
}
BENCHMARK(BM_StaffListThroughRouter)
    ->Unit(benchmark::kMicrosecond)
    ->UseRealTime()
    ->ThreadRange(1, 2);

static void BM_SessionLookup(benchmark::State& state) {
  Demo& d = TheDemo();
  std::string token = d.cookie.substr(d.cookie.find('=') + 1);
  for (auto _ : state) benchmark::DoNotOptimize(d.app->auth().FromSession(token));
}
BENCHMARK(BM_SessionLookup)->Unit(benchmark::kMicrosecond);

static void BM_StaffListService(benchmark::State& state) {
  Demo& d = TheDemo();
  Principal p = app::App::Superuser();
  Actor a{p, "bench", ""};
  for (auto _ : state) benchmark::DoNotOptimize(d.app->org().ListStaff(a, {}));
}
BENCHMARK(BM_StaffListService)->Unit(benchmark::kMicrosecond);

// The list's SQL alone, through SOCI: what the database layer costs for 60 rows.
static void BM_StaffListQueryOnly(benchmark::State& state) {
  Demo& d = TheDemo();
  const std::string sql =
      "SELECT s.id, s.commune_id, s.unit_id, s.full_name, s.sex, s.birth_date, s.citizen_id, "
      "s.category, "
      "s.position, s.start_date, s.status, s.end_date, u.code, u.name, u.path FROM staff s JOIN "
      "org_units u ON "
      "u.id = s.unit_id WHERE (u.path LIKE :s0 ESCAPE '\\') AND s.status = 'active' ORDER BY "
      "s.sort_key, s.id";
  for (auto _ : state) {
    store::Conn c = d.app->db().Lease();
    benchmark::DoNotOptimize(c.Query(sql, {std::string("/%")}));
  }
}
BENCHMARK(BM_StaffListQueryOnly)->Unit(benchmark::kMicrosecond);

static void BM_PersonNameKey(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(text::PersonNameKey("Nguyễn Thị Ngọc Ánh"));
}
BENCHMARK(BM_PersonNameKey);

static void BM_Fold(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(text::Fold("Nguyễn Thị Ngọc Ánh"));
}
BENCHMARK(BM_Fold);

// ---- Reporting with a city's data: 113 more communes of 25 villages each, every village with a
// monthly report (the demo's village indicators) approved for 12 months. ----

namespace {

struct CityDemo {
  std::string dir;
  std::unique_ptr<app::App> app;
  std::string chair, city, office;
  long long issued_report = 0;
  std::string period;
  std::string Login(const std::string& user) {
    auto resp = app->Handle(
        http::Request::Make("POST", "/api/v1/session",
                            "{\"username\":\"" + user + "\",\"password\":\"LacPhuong@2026\"}",
                            {{"Content-Type", "application/json"}}));
    std::string sc = resp.Header("Set-Cookie");
    return sc.substr(0, sc.find(';'));
  }
  CityDemo() {
    dir = std::filesystem::temp_directory_path() /
          ("kientao-bench-city-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    app::Config cfg;
    cfg.database_url = dir + "/city.db";
    app = std::make_unique<app::App>(cfg);
    app::LoadDemoData(*app);
    Principal su = app::App::Superuser();
    Actor actor{su, "bench", ""};
    store::Conn c = app->db().Lease();
    long long city_id = c.QueryOne("SELECT id FROM org_units WHERE code = 'HP'")->Int(0);
    std::vector<long long> indicators;
    for (auto& r :
         c.Query("SELECT i.id FROM report_form_indicators fi JOIN report_forms f ON f.id = "
                 "fi.form_id JOIN indicators i ON i.id = fi.indicator_id WHERE f.code = "
                 "'BC-THON-THANG'"))
      indicators.push_back(r.Int(0));
    Period last = Period::Containing(PeriodType::kMonth, clock::Today());
    std::vector<std::string> periods;
    for (int i = 0; i < 12; ++i) {
      last = Period::Containing(PeriodType::kMonth,
                                Date::FromDaysSinceEpoch(last.WindowStart().DaysSinceEpoch() - 1));
      periods.push_back(last.Id());
    }
    period = periods.front();
    std::vector<std::pair<long long, std::vector<long long>>> communes;
    for (int k = 0; k < 113; ++k) {
      org::OrgUnitDraft d;
      d.code = fmt::format("CX{:03}", k);
      d.name = fmt::format("Xã Thử Nghiệm {:03}", k);
      d.kind = org::OrgKind::kCommune;
      d.parent_id = city_id;
      d.active_from = *Date::FromYmd(2025, 7, 1);
      long long commune = app->org().CreateUnit(actor, d).id;
      std::vector<long long> villages;
      for (int v = 0; v < 25; ++v) {
        org::OrgUnitDraft t;
        t.code = fmt::format("CX{:03}-T{:02}", k, v);
        t.name = fmt::format("Thôn {:02}", v);
        t.kind = org::OrgKind::kVillage;
        t.parent_id = commune;
        t.active_from = d.active_from;
        villages.push_back(app->org().CreateUnit(actor, t).id);
      }
      communes.emplace_back(commune, villages);
    }
    store::Tx tx(c);
    std::mt19937 rng(7);
    std::uniform_int_distribution<int> n(0, 400);
    for (auto& [commune, villages] : communes) {
      long long form = c.InsertId(
          "INSERT INTO report_forms (commune_id, code, name, period_type, deadline_working_days, "
          "created_at) VALUES (:1, 'BC-THON-THANG', 'Báo cáo tháng của thôn', 'month', 2, "
          "'2026-01-01') "
          "RETURNING id",
          {commune});
      for (size_t i = 0; i < indicators.size(); ++i)
        c.Exec(
            "INSERT INTO report_form_indicators (form_id, indicator_id, position) VALUES (:1, :2, "
            ":3)",
            {form, indicators[i], static_cast<long long>(i)});
      for (long long v : villages) {
        c.Exec("INSERT INTO report_form_units (form_id, unit_id) VALUES (:1, :2)", {form, v});
        for (auto& p : periods) {
          long long s = c.InsertId(
              "INSERT INTO submissions (form_id, unit_id, commune_id, period_id, version, status, "
              "justification, return_reason, created_by, submitted_by, submitted_by_name, "
              "first_submitted_at, submitted_at, decided_by_name, decided_at, created_at, "
              "updated_at) "
              "VALUES (:1, :2, :3, :4, 1, 'approved', '', '', 0, 0, 'bench', '2026-01-01', "
              "'2026-01-01', 'bench', '2026-01-02', '2026-01-01', '2026-01-01') RETURNING id",
              {form, v, commune, p});
          for (long long ind : indicators) {
            double d = n(rng);
            c.Exec(
                "INSERT INTO report_values (submission_id, indicator_id, numerator, denominator) "
                "VALUES (:1, :2, :3, :4)",
                {s, ind, std::floor(d * 0.7), d});
          }
        }
      }
    }
    // The demo commune itself at the scale: 200 indicators (186 synthetic ones added, every
    // fourth a percent, spread over the ten tasks) on one more monthly form for all of its 20
    // reporting units, approved for 60 months.
    long long lp = c.QueryOne("SELECT id FROM org_units WHERE code = 'LP'")->Int(0);
    long long big_form = c.InsertId(
        "INSERT INTO report_forms (commune_id, code, name, period_type, deadline_working_days, "
        "created_at) "
        "VALUES (:1, 'BC-200', 'Bench: 200 indicators', 'month', 2, '2026-01-01') RETURNING id",
        {lp});
    std::vector<std::pair<long long, bool>> big;  // (indicator id, percent)
    for (auto& r : c.Query("SELECT id, kind FROM indicators WHERE provider = ''"))
      big.emplace_back(r.Int(0), r.Str(1) == "percent");
    for (int k = static_cast<int>(big.size()); k < 200; ++k) {
      bool pct = k % 4 == 3;
      std::vector<store::Value> params;
      params.emplace_back(fmt::format("BENCH_{:03}", k));
      params.emplace_back(fmt::format("Chỉ tiêu thử {:03}", k));
      params.emplace_back(std::string(pct ? "percent" : "count"));
      params.emplace_back(std::string(pct ? "ratio_of_sums" : "sum"));
      params.emplace_back(static_cast<long long>(1 + k % 10));
      long long id = c.InsertId(
          "INSERT INTO indicators (code, name_vi, name_en, unit, kind, direction, aggregation, "
          "key_no, provider, "
          "created_at, categories) VALUES (:1, :2, :2, 'đv', :3, 'higher', :4, :5, '', "
          "'2026-01-01', '') RETURNING id",
          params);
      big.emplace_back(id, pct);
    }
    for (size_t i = 0; i < big.size(); ++i)
      c.Exec(
          "INSERT INTO report_form_indicators (form_id, indicator_id, position) VALUES (:1, :2, "
          ":3)",
          {big_form, big[i].first, static_cast<long long>(i)});
    std::vector<long long> lp_units;
    for (auto& r : c.Query("SELECT id FROM org_units WHERE commune_id = :1 AND kind IN ('village', "
                           "'office', 'centre')",
                           {lp}))
      lp_units.push_back(r.Int(0));
    std::vector<std::string> months;
    Period m = Period::Containing(PeriodType::kMonth, clock::Today());
    for (int i = 0; i < 60; ++i) {
      m = Period::Containing(PeriodType::kMonth,
                             Date::FromDaysSinceEpoch(m.WindowStart().DaysSinceEpoch() - 1));
      months.push_back(m.Id());
    }
    for (long long u : lp_units) {
      c.Exec("INSERT INTO report_form_units (form_id, unit_id) VALUES (:1, :2)", {big_form, u});
      for (auto& p : months) {
        long long sid = c.InsertId(
            "INSERT INTO submissions (form_id, unit_id, commune_id, period_id, version, status, "
            "justification, "
            "return_reason, created_by, submitted_by, submitted_by_name, first_submitted_at, "
            "submitted_at, "
            "decided_by_name, decided_at, created_at, updated_at) VALUES (:1, :2, :3, :4, 1, "
            "'approved', '', '', "
            "0, 0, 'bench', '2026-01-01', '2026-01-01', 'bench', '2026-01-02', '2026-01-01', "
            "'2026-01-01') "
            "RETURNING id",
            {big_form, u, lp, p});
        for (auto& [ind, pct] : big) {
          double d = n(rng);
          std::vector<store::Value> vp;
          vp.emplace_back(sid);
          vp.emplace_back(ind);
          vp.emplace_back(pct ? std::floor(d * 0.8) : d);
          if (pct)
            vp.emplace_back(d);
          else
            vp.emplace_back(std::monostate{});
          c.Exec(
              "INSERT INTO report_values (submission_id, indicator_id, numerator, denominator) "
              "VALUES (:1, :2, :3, :4)",
              vp);
        }
      }
    }
    tx.Commit();
    issued_report = c.QueryOne("SELECT id FROM commune_reports WHERE status = 'issued'")->Int(0);
    chair = Login("chutich");
    city = Login("giamsat");
    office = Login("vanphong");
  }
  ~CityDemo() {
    app.reset();
    std::filesystem::remove_all(dir);
  }
};

CityDemo& TheCity() {
  static CityDemo demo;
  return demo;
}

void Serve(benchmark::State& state, const std::string& target, const std::string& cookie) {
  CityDemo& d = TheCity();
  auto req = http::Request::Make("GET", target, "", {{"Cookie", cookie}});
  for (auto _ : state) {
    auto r = d.app->Handle(req);
    if (r.status != 200) state.SkipWithError(("failed: " + target).c_str());
    benchmark::DoNotOptimize(r.body);
  }
}

}  // namespace

// The chairman's dashboard (ten tasks, indicators of three months, chart, missing reports).
static void BM_DashboardWithCityData(benchmark::State& state) {
  Serve(state, "/", TheCity().chair);
}
BENCHMARK(BM_DashboardWithCityData)->Unit(benchmark::kMillisecond);

// The consolidated report as a Decree 30 DOCX.
static void BM_ConsolidatedDocx(benchmark::State& state) {
  Serve(state, "/commune-reports/" + std::to_string(TheCity().issued_report) + "/docx",
        TheCity().office);
}
BENCHMARK(BM_ConsolidatedDocx)->Unit(benchmark::kMillisecond);

// The city's view of one month: 114 communes' completeness and the indicators rolled up to the
// city.
static void BM_CityViewApi(benchmark::State& state) {
  Serve(state, "/api/v1/city?period=" + TheCity().period, TheCity().city);
}
BENCHMARK(BM_CityViewApi)->Unit(benchmark::kMillisecond);

}  // namespace kientao

BENCHMARK_MAIN();
