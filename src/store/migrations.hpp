#pragma once
// Versioned SQL migrations per module. Each migration runs in its own transaction together with the
// row that records it in `schema_version`, so one that fails leaves the database exactly as it was.
#include <string>
#include <vector>

#include "store/db.hpp"

namespace kientao::store {

struct Migration {
  std::string module;  // "org"
  int version;         // 1, 2, … within the module
  std::string name;    // "0001_org_units"
  std::string sql;     // statements separated by ";" at line ends; "@ID@" is the auto-increment key
};

struct MigrationReport {
  std::vector<std::string> applied;  // "org/0001_org_units"
};

// Applies every migration not yet recorded, in the order given (modules in dependency order,
// versions ascending). Throws std::runtime_error naming the migration that failed; earlier ones
// stay applied.
MigrationReport Migrate(Database& db, const std::vector<Migration>& migrations);

// (module, version) pairs recorded in schema_version.
std::vector<std::pair<std::string, int>> AppliedMigrations(Database& db);

}  // namespace kientao::store
