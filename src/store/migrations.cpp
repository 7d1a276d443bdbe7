#include "store/migrations.hpp"

#include <set>
#include <stdexcept>

#include "base/clock.hpp"
#include "base/date.hpp"

namespace kientao::store {

namespace {
void EnsureVersionTable(Conn& c) {
  c.Exec(
      "CREATE TABLE IF NOT EXISTS schema_version (module TEXT NOT NULL, version INTEGER NOT NULL, "
      "name TEXT NOT NULL, applied_at TEXT NOT NULL, PRIMARY KEY (module, version))");
}
}  // namespace

std::vector<std::pair<std::string, int>> AppliedMigrations(Database& db) {
  Conn c = db.Lease();
  EnsureVersionTable(c);
  std::vector<std::pair<std::string, int>> out;
  for (auto& r : c.Query("SELECT module, version FROM schema_version ORDER BY module, version"))
    out.emplace_back(r.Str(0), static_cast<int>(r.Int(1)));
  return out;
}

MigrationReport Migrate(Database& db, const std::vector<Migration>& migrations) {
  auto applied_list = AppliedMigrations(db);
  std::set<std::pair<std::string, int>> applied(applied_list.begin(), applied_list.end());
  MigrationReport report;
  Conn c = db.Lease();
  for (const Migration& m : migrations) {
    if (applied.count({m.module, m.version})) continue;
    try {
      Tx tx(c);
      // Another process may have applied it while we waited for the write lock.
      if (c.QueryOne("SELECT 1 FROM schema_version WHERE module = :m AND version = :v",
                     {m.module, static_cast<long long>(m.version)}))
        continue;
      c.ExecScript(m.sql);
      c.Exec(
          "INSERT INTO schema_version (module, version, name, applied_at) VALUES (:m, :v, :n, :t)",
          {m.module, static_cast<long long>(m.version), m.name, clock::NowIsoUtc()});
      tx.Commit();
    } catch (const std::exception& e) {
      throw std::runtime_error("migration " + m.module + "/" + m.name +
                               " failed and was rolled back: " + e.what());
    }
    report.applied.push_back(m.module + "/" + m.name);
  }
  return report;
}

}  // namespace kientao::store
