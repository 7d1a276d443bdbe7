// The API's description (/api/v1/openapi.json) against the router and against what the API really
// answers: every /api/v1 route is described and every described operation exists, and every error
// any test of this suite received from an /api/v1 route is listed, status and code, for that
// operation. The document's conformance to OpenAPI 3.1 is checked by a validator from npm
// (tests/api/openapi.mjs).
#include <set>

#include "tests/integration/app_fixture.hpp"

namespace kientao::testing {

namespace {

namespace json = boost::json;

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// The described path template a request path falls under, preferring literal segments
// ("/api/v1/staff/export" over "/api/v1/staff/{id}"), like the router.
std::string TemplateOf(const json::object& paths, const std::string& path) {
  auto segs = http::PathSegments(path);
  std::string best;
  int best_literals = -1;
  for (auto& [tmpl, item] : paths) {
    auto t = http::PathSegments(std::string(tmpl));
    if (t.size() != segs.size()) continue;
    int literals = 0;
    bool ok = true;
    for (size_t i = 0; i < t.size() && ok; ++i) {
      if (t[i].size() > 2 && t[i].front() == '{') continue;
      ok = t[i] == segs[i];
      ++literals;
    }
    if (ok && literals > best_literals) best = std::string(tmpl), best_literals = literals;
  }
  return best;
}

// The codes an error answer of the description lists.
const json::value& CodesOf(const json::value& answer) {
  return answer.at("content")
      .at("application/json")
      .at("schema")
      .at("allOf")
      .at(1)
      .at("properties")
      .at("error")
      .at("properties")
      .at("code")
      .at("enum");
}

class OpenApi : public AppTest {};

TEST_F(OpenApi, IsServedToAnyoneAndDescribesEveryApiRouteAndNoOther) {
  auto resp = Anonymous("GET", "/api/v1/openapi.json");
  ASSERT_EQ(resp.status, 200) << resp.body;
  EXPECT_NE(resp.content_type.find("application/json"), std::string::npos);
  json::value doc = json::parse(resp.body);
  EXPECT_EQ(doc.at("openapi").as_string(), "3.1.0");
  const json::object& paths = doc.at("paths").as_object();

  std::set<std::string> routes, described;
  for (const http::Route& r : app_->router().routes())
    if (r.pattern.rfind("/api/v1/", 0) == 0) routes.insert(Lower(r.method) + " " + r.pattern);
  for (auto& [path, item] : paths)
    for (auto& [method, op] : item.as_object()) {
      if (method == "parameters" || method == "summary" || method == "description") continue;
      described.insert(std::string(method) + " " + std::string(path));
    }
  for (auto& r : routes) EXPECT_TRUE(described.count(r)) << r << " is not described";
  for (auto& d : described) EXPECT_TRUE(routes.count(d)) << d << " is described but not a route";
  EXPECT_GT(routes.size(), 80u);
}

TEST_F(OpenApi, EachOperationSaysWhoMayCallItWhatItAnswersAndWhichCodesItsErrorsCarry) {
  json::value doc = json::parse(Anonymous("GET", "/api/v1/openapi.json").body);
  std::map<std::string, const http::Route*> routes;
  for (const http::Route& r : app_->router().routes())
    routes[Lower(r.method) + " " + r.pattern] = &r;
  for (auto& [path, item] : doc.at("paths").as_object())
    for (auto& [method, opv] : item.as_object()) {
      std::string key = std::string(method) + " " + std::string(path);
      const json::object& op = opv.as_object();
      EXPECT_TRUE(op.contains("summary")) << key;
      bool success = false;
      for (auto& [status, answer] : op.at("responses").as_object()) {
        int s = std::stoi(std::string(status));
        if (s < 400) {
          success = true;
          continue;
        }
        // Each error answer is the error body with its codes listed, each in both catalogues.
        const json::value& codes = CodesOf(answer);
        EXPECT_FALSE(codes.as_array().empty()) << key << " " << s;
        for (auto& c : codes.as_array()) {
          std::string code(c.as_string());
          EXPECT_TRUE(app_->i18n().Has("vi", code) && app_->i18n().Has("en", code))
              << key << ": " << code << " has no message";
        }
      }
      EXPECT_TRUE(success) << key << " describes no successful answer";
      auto r = routes.find(key);
      if (r == routes.end()) continue;
      // A route behind a permission says so, with the sign-in answer; a public one needs nothing.
      const std::string& perm = r->second->access.permission;
      EXPECT_EQ(op.at("security").as_array().empty(), perm.empty()) << key;
      EXPECT_EQ(op.contains("x-permission"), !perm.empty()) << key;
      bool asks_sign_in = false;
      if (auto* a401 = op.at("responses").as_object().if_contains("401"))
        for (auto& c : CodesOf(*a401).as_array()) asks_sign_in = asks_sign_in || c == "GEN-0010";
      EXPECT_EQ(asks_sign_in, !perm.empty()) << key;
    }
}

// After every test of the process: each error an /api/v1 call answered is described for its
// operation, with its status and its code. A handler that starts answering a new error fails here
// until the module's openapi.json lists it.
class AnsweredErrorsAreDescribed : public ::testing::Environment {
 public:
  void TearDown() override {
    if (OpenApiDocument().empty()) return;  // no application test ran
    json::value doc = json::parse(OpenApiDocument());
    const json::object& paths = doc.at("paths").as_object();
    std::set<std::string> reported;
    for (const AnsweredError& e : AnsweredErrors()) {
      std::string tmpl = TemplateOf(paths, e.path);
      // An unknown path or method is the router's answer (404, 405, 501), not an operation's.
      if (tmpl.empty()) continue;
      const json::object& item = paths.at(tmpl).as_object();
      const json::value* op = item.if_contains(Lower(e.method == "HEAD" ? "GET" : e.method));
      if (!op) continue;
      std::string key = e.method + " " + tmpl + " " + std::to_string(e.status) + " " + e.code;
      const json::value* answer =
          op->at("responses").as_object().if_contains(std::to_string(e.status));
      bool listed = false;
      if (answer)
        for (auto& c : CodesOf(*answer).as_array()) listed = listed || c.as_string() == e.code;
      if (!listed && reported.insert(key).second)
        ADD_FAILURE() << key << " was answered (" << e.path << ") but is not described";
    }
  }
};

[[maybe_unused]] ::testing::Environment* const kAnsweredErrors =
    ::testing::AddGlobalTestEnvironment(new AnsweredErrorsAreDescribed);

}  // namespace

}  // namespace kientao::testing
