// In-process benchmarks of the hot paths, without sockets: the authenticated staff list through the
// router, its parts (session lookup, the list query, JSON), and Vietnamese text handling.
#include <benchmark/benchmark.h>

#include <filesystem>

#include "app/app.hpp"
#include "app/demo_data.hpp"
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

}  // namespace kientao

BENCHMARK_MAIN();
