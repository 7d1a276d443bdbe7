#include "tests/support/test_db.hpp"

#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>

#include "store/db.hpp"

namespace kientao::testing {

namespace {
std::atomic<int> counter{0};

std::string PgServerUrl() {
  const char* url = std::getenv("KIENTAO_TEST_PG_URL");
  if (!url || !*url)
    throw std::runtime_error(
        "KIENTAO_TEST_BACKEND=postgres but KIENTAO_TEST_PG_URL is not set: run the tests with "
        "./kientao.sh test, "
        "which starts a throwaway PostgreSQL server");
  return url;
}

std::string WithDatabase(const std::string& server_url, const std::string& db) {
  auto slash = server_url.rfind('/');
  return server_url.substr(0, slash + 1) + db;
}
}  // namespace

std::string BackendName() {
  const char* b = std::getenv("KIENTAO_TEST_BACKEND");
  return b && std::string(b) == "postgres" ? "postgres" : "sqlite";
}

void TestDb::MakeDir() {
  int n = ++counter;
  dir_ = (std::filesystem::temp_directory_path() /
          ("kientao-test-" + std::to_string(::getpid()) + "-" + std::to_string(n)))
             .string();
  std::filesystem::remove_all(dir_);
  std::filesystem::create_directories(dir_);
  pg_name_ = "kt_test_" + std::to_string(::getpid()) + "_" + std::to_string(n);
}

TestDb::TestDb(const TestDb& source, int) {
  MakeDir();
  postgres_ = source.postgres_;
  if (postgres_) {
    store::Database admin(PgServerUrl(), 1);
    store::Conn c = admin.Lease();
    c.Exec("CREATE DATABASE " + pg_name_ + " TEMPLATE " + source.pg_name_);
    url_ = WithDatabase(PgServerUrl(), pg_name_);
  } else {
    url_ = dir_ + "/kientao.db";
    std::filesystem::copy_file(source.url_, url_);
    for (const char* side : {"-wal", "-shm"})
      if (std::filesystem::exists(source.url_ + side))
        std::filesystem::copy_file(source.url_ + side, url_ + side);
  }
}

TestDb::TestDb() {
  MakeDir();
  if (BackendName() == "postgres") {
    postgres_ = true;
    store::Database admin(PgServerUrl(), 1);
    store::Conn c = admin.Lease();
    c.Exec("DROP DATABASE IF EXISTS " + pg_name_);
    c.Exec("CREATE DATABASE " + pg_name_ + " ENCODING 'UTF8' TEMPLATE template0");
    url_ = WithDatabase(PgServerUrl(), pg_name_);
  } else {
    url_ = dir_ + "/kientao.db";
  }
}

TestDb::~TestDb() {
  if (postgres_) {
    try {
      store::Database admin(PgServerUrl(), 1);
      store::Conn c = admin.Lease();
      c.Exec("DROP DATABASE IF EXISTS " + pg_name_ + " WITH (FORCE)");
    } catch (...) {
      // The server is removed with its folder at the end of the run anyway.
    }
  }
  std::error_code ec;
  std::filesystem::remove_all(dir_, ec);
}

}  // namespace kientao::testing
