#pragma once
// A fresh, empty database for one test: an SQLite file in a temporary folder, or a new database on
// the throwaway PostgreSQL server the test command started (KIENTAO_TEST_PG_URL). The backend comes
// from KIENTAO_TEST_BACKEND ("sqlite" unless set). Removed when destroyed.
#include <string>

namespace kientao::testing {

class TestDb {
 public:
  TestDb();
  // A new database holding a copy of `source` (the SQLite file copied; on PostgreSQL a database
  // created from it as template). Nothing may be connected to `source` meanwhile.
  explicit TestDb(const TestDb& source, int /*copy*/);
  ~TestDb();
  TestDb(const TestDb&) = delete;
  TestDb& operator=(const TestDb&) = delete;
  const std::string& url() const { return url_; }
  bool postgres() const { return postgres_; }
  // A folder for files the test writes (backups, CSV); removed with the database.
  const std::string& dir() const { return dir_; }

 private:
  void MakeDir();
  std::string url_;
  std::string dir_;
  std::string pg_name_;
  bool postgres_ = false;
};

// "postgres" or "sqlite", for test names and messages.
std::string BackendName();

}  // namespace kientao::testing
