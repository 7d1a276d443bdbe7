#include "store/backup.hpp"

#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <stdexcept>

#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

// SOCI wraps sqlite3.h in the namespace sqlite_api; the C API is used from there.
using namespace sqlite_api;  // NOLINT(google-build-using-namespace)

namespace kientao::store {

namespace {

sqlite3* RawHandle(Conn& c) {
  auto* be = static_cast<soci::sqlite3_session_backend*>(c.session().get_backend());
  return be->conn_;
}

void CopyDatabase(sqlite3* from, sqlite3* to) {
  sqlite3_backup* b = sqlite3_backup_init(to, "main", from, "main");
  if (!b) throw std::runtime_error(std::string("backup cannot start: ") + sqlite3_errmsg(to));
  int rc;
  do {
    rc = sqlite3_backup_step(b, 256);
    if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) sqlite3_sleep(20);
  } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
  sqlite3_backup_finish(b);
  if (rc != SQLITE_DONE)
    throw std::runtime_error(std::string("backup failed: ") + sqlite3_errstr(rc));
}

std::string ShellQuote(const std::string& s) {
  std::string r = "'";
  for (char ch : s) {
    if (ch == '\'')
      r += "'\\''";
    else
      r += ch;
  }
  return r + "'";
}

void RunCommand(const std::string& cmd) {
  int rc = std::system(cmd.c_str());
  if (rc == -1 || !WIFEXITED(rc) || WEXITSTATUS(rc) != 0)
    throw std::runtime_error("command failed: " + cmd.substr(0, cmd.find(' ')));
}

}  // namespace

void Backup(Database& db, const std::string& file) {
  if (db.backend() == Backend::kPostgres) {
    RunCommand("pg_dump --format=custom --no-owner --file=" + ShellQuote(file) + " " +
               ShellQuote(db.url()));
    return;
  }
  std::string tmp = file + ".part";
  std::filesystem::remove(tmp);
  sqlite3* out = nullptr;
  if (sqlite3_open(tmp.c_str(), &out) != SQLITE_OK) {
    std::string msg = out ? sqlite3_errmsg(out) : "out of memory";
    sqlite3_close(out);
    throw std::runtime_error("cannot create " + file + ": " + msg);
  }
  try {
    Conn c = db.Lease();
    CopyDatabase(RawHandle(c), out);
  } catch (...) {
    sqlite3_close(out);
    std::filesystem::remove(tmp);
    throw;
  }
  sqlite3_exec(out, "PRAGMA journal_mode=DELETE", nullptr, nullptr, nullptr);
  sqlite3_close(out);
  std::filesystem::rename(tmp, file);
}

void Restore(Database& db, const std::string& file) {
  if (!std::filesystem::exists(file)) throw std::runtime_error("no such backup file: " + file);
  if (db.backend() == Backend::kPostgres) {
    RunCommand("pg_restore --clean --if-exists --no-owner --single-transaction --dbname=" +
               ShellQuote(db.url()) + " " + ShellQuote(file));
    return;
  }
  sqlite3* in = nullptr;
  if (sqlite3_open_v2(file.c_str(), &in, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    sqlite3_close(in);
    throw std::runtime_error("cannot open backup " + file);
  }
  char* err = nullptr;
  if (sqlite3_exec(in, "SELECT count(*) FROM schema_version", nullptr, nullptr, &err) !=
      SQLITE_OK) {
    std::string msg = err ? err : "";
    sqlite3_free(err);
    sqlite3_close(in);
    throw std::runtime_error("not a kientao backup: " + file + " (" + msg + ")");
  }
  try {
    Conn c = db.Lease();
    CopyDatabase(in, RawHandle(c));
  } catch (...) {
    sqlite3_close(in);
    throw;
  }
  sqlite3_close(in);
}

}  // namespace kientao::store
