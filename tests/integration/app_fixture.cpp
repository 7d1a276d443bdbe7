#include "tests/integration/app_fixture.hpp"

#include <mutex>

#include <boost/json.hpp>

#include "app/demo_data.hpp"

namespace kientao::testing {

std::unique_ptr<TestDb> AppTest::db_;
std::unique_ptr<app::App> AppTest::app_;

namespace {
app::Config TestConfig(const std::string& url) {
  app::Config cfg;
  cfg.database_url = url;
  cfg.pool_size = 2;
  cfg.clock_today = kTestToday;
  return cfg;
}

// The demo, loaded once per process on the pinned day, copied for every test.
TestDb& DemoTemplate() {
  static std::unique_ptr<TestDb> demo = [] {
    auto db = std::make_unique<TestDb>();
    app::App app(TestConfig(db->url()));
    app::LoadDemoData(app);
    return db;
  }();
  return *demo;
}
}  // namespace

namespace {
std::vector<AnsweredError>& AnsweredErrorsMutable() {
  static std::vector<AnsweredError> all;
  return all;
}

std::string& OpenApiText() {
  static std::string text;
  return text;
}

// Keeps what an /api/v1 call answered with an error, for the check that the description lists it.
http::Response Recorded(const http::Request& req, http::Response resp) {
  if (resp.status >= 400 && req.path.rfind("/api/v1/", 0) == 0 &&
      resp.content_type.find("json") != std::string::npos) {
    static std::mutex m;  // the concurrency tests call from several threads
    std::lock_guard lock(m);
    AnsweredErrorsMutable().push_back({req.method, req.path, resp.status, ErrorCode(resp.body)});
  }
  return resp;
}
}  // namespace

const std::vector<AnsweredError>& AnsweredErrors() { return AnsweredErrorsMutable(); }
const std::string& OpenApiDocument() { return OpenApiText(); }

namespace {
void KeepOpenApi(const app::App& app) {
  if (!OpenApiText().empty()) return;
  OpenApiText() = app.Handle(http::Request::Make("GET", "/api/v1/openapi.json")).body;
}
}  // namespace

void AppTest::SetUpTestSuite() { DemoTemplate(); }

void AppTest::TearDownTestSuite() {}

void AppTest::SetUp() {
  db_ = std::make_unique<TestDb>(DemoTemplate(), 0);
  app_ = std::make_unique<app::App>(TestConfig(db_->url()));
  KeepOpenApi(*app_);
}

void AppTest::Reopen(int pool_size, int lease_timeout_ms) {
  app_.reset();
  app::Config cfg = TestConfig(db_->url());
  cfg.pool_size = pool_size;
  cfg.lease_timeout_ms = lease_timeout_ms;
  app_ = std::make_unique<app::App>(cfg);
}

void AppTest::TearDown() {
  app_.reset();
  db_.reset();
}

Session AppTest::Login(const std::string& username) {
  auto req = http::Request::Make(
      "POST", "/api/v1/session",
      "{\"username\":\"" + username + "\",\"password\":\"" + app::DemoPassword() + "\"}",
      {{"Content-Type", "application/json"}});
  req.remote_addr = "10.1.1." + std::to_string(username.size());
  auto resp = app_->Handle(req);
  EXPECT_EQ(resp.status, 201) << resp.body;
  Session s;
  s.username = username;
  std::string sc = resp.Header("Set-Cookie");
  s.cookie = sc.substr(0, sc.find(';'));
  s.csrf = boost::json::parse(resp.body).at("csrf_token").as_string().c_str();
  return s;
}

http::Response AppTest::Call(const Session& s, const std::string& method, const std::string& target,
                             const std::string& body, const std::string& content_type) {
  auto req = http::Request::Make(
      method, target, body,
      {{"Cookie", s.cookie}, {"X-CSRF-Token", s.csrf}, {"Content-Type", content_type}});
  req.remote_addr = "10.2.0.1";
  return Recorded(req, app_->Handle(req));
}

http::Response AppTest::Anonymous(const std::string& method, const std::string& target,
                                  const std::string& body, const std::string& content_type,
                                  const std::string& remote) {
  auto req = http::Request::Make(method, target, body, {{"Content-Type", content_type}});
  req.remote_addr = remote;
  return Recorded(req, app_->Handle(req));
}

long long AppTest::Count(const std::string& table) {
  store::Conn c = app_->db().Lease();
  return c.QueryOne("SELECT COUNT(*) FROM " + table)->Int(0);
}

long long AppTest::AuditSeq() {
  store::Conn c = app_->db().Lease();
  return c.QueryOne("SELECT last_seq FROM audit_head")->Int(0);
}

long long AppTest::UnitId(const std::string& code) {
  store::Conn c = app_->db().Lease();
  return c.QueryOne("SELECT id FROM org_units WHERE code = :1", {code})->Int(0);
}

long long AppTest::StaffIdByName(const std::string& full_name) {
  store::Conn c = app_->db().Lease();
  auto r = c.QueryOne("SELECT id FROM staff WHERE full_name = :1", {full_name});
  return r ? r->Int(0) : 0;
}

namespace {
template <typename Match>
const boost::json::object& FindWhere(const boost::json::value& array, Match match,
                                     const std::string& what) {
  static const boost::json::object kNone;
  if (!array.is_array()) {
    ADD_FAILURE() << "not a JSON array where " << what << " was looked for";
    return kNone;
  }
  for (auto& e : array.as_array())
    if (e.is_object() && match(e.as_object())) return e.as_object();
  ADD_FAILURE() << "no element with " << what << " in " << boost::json::serialize(array);
  return kNone;
}
}  // namespace

const boost::json::object& Find(const boost::json::value& array, std::string_view key,
                                long long value) {
  return FindWhere(
      array,
      [&](const boost::json::object& o) {
        auto* v = o.if_contains(key);
        return v && v->is_int64() && v->as_int64() == value;
      },
      std::string(key) + " = " + std::to_string(value));
}

const boost::json::object& Find(const boost::json::value& array, std::string_view key,
                                std::string_view value) {
  return FindWhere(
      array,
      [&](const boost::json::object& o) {
        auto* v = o.if_contains(key);
        return v && v->is_string() && v->as_string() == value;
      },
      std::string(key) + " = " + std::string(value));
}

const boost::json::object& Find(const boost::json::value& array, std::string_view key,
                                std::string_view inner, long long value) {
  return FindWhere(
      array,
      [&](const boost::json::object& o) {
        auto* v = o.if_contains(key);
        if (!v || !v->is_object()) return false;
        auto* w = v->as_object().if_contains(inner);
        return w && w->is_int64() && w->as_int64() == value;
      },
      std::string(key) + "." + std::string(inner) + " = " + std::to_string(value));
}

std::string ErrorCode(const std::string& body) {
  boost::system::error_code ec;
  auto v = boost::json::parse(body, ec);
  if (ec || !v.is_object() || !v.as_object().contains("error")) return "";
  return v.at("error").at("code").as_string().c_str();
}

std::string ErrorField(const std::string& body) {
  boost::system::error_code ec;
  auto v = boost::json::parse(body, ec);
  if (ec || !v.is_object() || !v.as_object().contains("error")) return "";
  auto& e = v.at("error").as_object();
  return e.contains("field") ? e.at("field").as_string().c_str() : "";
}

}  // namespace kientao::testing
