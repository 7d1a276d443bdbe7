#pragma once
// Online backup and restore. SQLite: the online backup API, safe while the server runs. PostgreSQL:
// pg_dump (custom format) and pg_restore, which must be on PATH.
#include <string>

#include "store/db.hpp"

namespace kientao::store {

// Writes a consistent copy of the database to `file`. Throws std::runtime_error on failure.
void Backup(Database& db, const std::string& file);
// Replaces the database's content with the backup in `file`. Throws std::runtime_error on failure;
// on SQLite the live database is unchanged when the backup file is not a valid database.
void Restore(Database& db, const std::string& file);

}  // namespace kientao::store
