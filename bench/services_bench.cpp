// The dossier import and statistics at a city's scale (issue 11): N dossiers (default 1,000,000)
// of the provincial export's documented shape, imported with every check through the service into
// a SQLite database holding the demo, then the statistics of a year over them. Writes the CSV to
// <dir>/dossiers.csv so bench/services_compare.sh can load the same file with `sqlite3 .import`
// and into DuckDB in the same run. Usage: services_bench <dir> [rows [import-only]]
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>

#include <fmt/format.h>

#include "app/app.hpp"
#include "app/demo_data.hpp"
#include "base/csv.hpp"
#include "modules/services/service.hpp"

using namespace kientao;

namespace {

double Seconds(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

// A year (2024) of dossiers over the demo's procedures: received on every day, due 0–15 days later,
// most returned, some late, a third full-process online.
std::string Dossiers(long rows) {
  const char* procedures[] = {"DEMO-HT-01", "DEMO-HT-04", "DEMO-HT-05",   "DEMO-CT-01",
                              "DEMO-CT-02", "DEMO-DD-01", "DEMO-BTXH-01", "DEMO-KT-01"};
  const bool full[] = {true, true, true, false, false, false, true, true};
  std::string out = CsvLine({"code", "procedure_code", "received_on", "channel",
                             "full_process_online", "due_on", "returned_on", "unit_code"});
  out.reserve(static_cast<size_t>(rows) * 96);
  long first = Date::FromYmd(2024, 1, 1)->DaysSinceEpoch();
  for (long i = 0; i < rows; ++i) {
    int p = static_cast<int>(i % 8);
    long day = first + (i * 366) / rows;
    bool online = full[p] ? (i % 3 != 0) : (i % 5 == 0);
    long due = day + (i % 7) * 2;
    long back = due + (i % 13 == 0 ? 2 : -(i % 3));
    if (back < day) back = day;
    std::string returned = i % 17 == 0 ? "" : Date::FromDaysSinceEpoch(back).ToIso();
    out += fmt::format("HS-{:07},{},{},{},{},{},{},LP-TTHCC\r\n", i, procedures[p],
                       Date::FromDaysSinceEpoch(day).ToIso(), online ? "online" : "counter",
                       online && full[p] ? 1 : 0, Date::FromDaysSinceEpoch(due).ToIso(), returned);
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: services_bench <dir> [rows]\n";
    return 2;
  }
  std::string dir = argv[1];
  long rows = argc > 2 ? std::atol(argv[2]) : 1000000;
  std::filesystem::create_directories(dir);
  std::filesystem::remove(dir + "/kientao.db");
  app::Config cfg;
  cfg.database_url = dir + "/kientao.db";
  app::App app(cfg);
  app::LoadDemoData(app);
  auto& svc = app.Kept<services::ServicesService>("services");
  Principal root = app::App::Superuser();
  Actor actor{root, "bench", "127.0.0.1"};

  std::string csv = Dossiers(rows);
  std::ofstream(dir + "/dossiers.csv", std::ios::binary) << csv;
  std::cout << fmt::format("rows: {}, file: {:.1f} MB\n", rows, csv.size() / 1e6);

  auto t = std::chrono::steady_clock::now();
  services::ImportResult r = svc.ImportDossiersCsv(actor, csv, "", "LP");
  double import_s = Seconds(t);
  std::cout << fmt::format("kientao import with validation: {:.2f} s ({} created, {:.0f} rows/s)\n",
                           import_s, r.created, rows / import_s);

  if (argc > 3 && std::string(argv[3]) == "import-only") return 0;  // for a profile of the import
  t = std::chrono::steady_clock::now();
  services::ImportResult again = svc.ImportDossiersCsv(actor, csv, "", "LP");
  std::cout << fmt::format("the same file again (nothing changes): {:.2f} s ({} unchanged)\n",
                           Seconds(t), again.unchanged);

  std::vector<double> times;
  services::Stats s;
  for (int i = 0; i < 5; ++i) {
    t = std::chrono::steady_clock::now();
    s = svc.Statistics(actor, *Date::FromYmd(2024, 1, 1), *Date::FromYmd(2024, 12, 31), "", "");
    times.push_back(Seconds(t) * 1000);
  }
  std::sort(times.begin(), times.end());
  std::cout << fmt::format(
      "kientao statistics of 2024 (received {}, resolved {}, late {}): median {:.0f} ms, best "
      "{:.0f} ms of 5\n",
      s.counts.received, s.counts.resolved, s.counts.late, times[2], times[0]);
  std::cout << fmt::format("import_seconds={:.3f}\n", import_s);
  return 0;
}
