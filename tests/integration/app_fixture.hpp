#pragma once
// One demo application per test, each on its own copy of a demo database of the backend under test
// (the demo is loaded once per process into a template), driven through the router (no socket):
// sign-in, requests with the session cookie and CSRF token, and counts of what was written. No test
// sees another's writes, so the suites run in any order (CI shuffles them).
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>
#include <boost/json.hpp>

#include "app/app.hpp"
#include "tests/support/test_db.hpp"

namespace kientao::testing {

struct Session {
  std::string cookie;  // "kt_session=…"
  std::string csrf;
  std::string username;
};

// The day every date-dependent test runs on: the app's clock is pinned to it, so the suite gives
// the same answers whatever the machine's date (CI runs it under faketime on other years too). It
// is the demo's anchor day, so the demo is exactly the one its figures were written for.
inline constexpr const char* kTestToday = "2026-11-28";

class AppTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite();
  static void TearDownTestSuite();
  // A fresh copy of the demo and an application on it; a fixture's own SetUp calls this first.
  void SetUp() override;
  void TearDown() override;
  // The application again on the same database, with a pool of `pool_size` connections that a
  // request waits for at most `lease_timeout_ms`.
  static void Reopen(int pool_size, int lease_timeout_ms);

  // Signs in a demo account (password LacPhuong@2026).
  static Session Login(const std::string& username);
  static http::Response Call(const Session& s, const std::string& method, const std::string& target,
                             const std::string& body = {},
                             const std::string& content_type = "application/json");
  static http::Response Anonymous(const std::string& method, const std::string& target,
                                  const std::string& body = {},
                                  const std::string& content_type = "application/json",
                                  const std::string& remote = "10.0.0.1");
  // Number of rows in `table`, and the newest audit sequence number: "nothing was written" checks.
  static long long Count(const std::string& table);
  static long long AuditSeq();
  static long long UnitId(const std::string& code);
  static long long StaffIdByName(const std::string& full_name);

  static std::unique_ptr<TestDb> db_;
  static std::unique_ptr<app::App> app_;
};

// The object of a JSON array whose `key` is `value` (an integer, a string, or at `key` → `inner`
// for nested ids). A missing one fails the test and the empty object returned fails every .at()
// after it, so an assertion about it can never pass by not running. The answer points into `array`:
// keep the parsed document alive while it is used.
const boost::json::object& Find(const boost::json::value& array, std::string_view key,
                                long long value);
const boost::json::object& Find(const boost::json::value& array, std::string_view key,
                                std::string_view value);
const boost::json::object& Find(const boost::json::value& array, std::string_view key,
                                std::string_view inner, long long value);
// Not for a boost::json::array: it would be copied into a temporary value and the answer dangle.
void Find(const boost::json::array&, std::string_view, long long) = delete;
void Find(const boost::json::array&, std::string_view, std::string_view) = delete;

// Every error an /api/v1 call of this process answered (through AppTest::Call or Anonymous), and
// the API description of the first application: the OpenAPI test checks each was described.
struct AnsweredError {
  std::string method, path;
  int status;
  std::string code;
};
const std::vector<AnsweredError>& AnsweredErrors();
const std::string& OpenApiDocument();

// The error code in a JSON error body ("" when none).
std::string ErrorCode(const std::string& body);
std::string ErrorField(const std::string& body);

}  // namespace kientao::testing
