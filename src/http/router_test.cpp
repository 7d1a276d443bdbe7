#include "http/router.hpp"

#include <gtest/gtest.h>

#include "http/metrics.hpp"

namespace kientao::http {

namespace {

class RouterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    i18n_.Load("vi",
               "\"GEN-0009\" = \"Không tìm thấy.\"\n\"GEN-0010\" = \"Vui lòng đăng nhập.\"\n"
               "\"GEN-0004\" = \"Vui lòng nhập {field}.\"\n[field]\nname = \"Tên\"\n",
               "vi");
    i18n_.Load("en", "\"GEN-0004\" = \"Please enter {field}.\"\n[field]\nname = \"Name\"\n", "en");
    RouterHooks hooks;
    hooks.authenticate = [](const Request& r) -> std::optional<Principal> {
      if (r.Header("authorization") == "Bearer good") {
        Principal p;
        p.username = "u";
        p.grants.push_back({"staff", 1, "/1/"});
        return p;
      }
      if (r.Cookie("kt_session") == std::optional<std::string>("s")) {
        Principal p;
        p.username = "browser";
        p.csrf_token = "tok";
        p.grants.push_back({"admin", 1, "/1/"});
        return p;
      }
      return std::nullopt;
    };
    hooks.authorize = [](const Principal& p, const std::string& perm) {
      return perm == "read" || (perm == "write" && p.grants[0].role == "admin");
    };
    router_.SetHooks(hooks);
    router_.Get("/api/v1/things/{id}", Access{"read"}, [](Ctx& c) {
      return Response::Json("{\"id\":" + std::to_string(c.Id("id")) + "}");
    });
    router_.Post("/api/v1/things", Access{"write"},
                 [](Ctx&) -> Response { throw Error(gen_errors::kRequired, "name"); });
    router_.Get("/public", Access{"", false}, [](Ctx&) { return Response::Text("hi"); });
  }
  I18n i18n_;
  Router router_{i18n_, nullptr};
};

}  // namespace

TEST_F(RouterTest, MatchesPathParameters) {
  auto r = router_.Handle(
      Request::Make("GET", "/api/v1/things/42", "", {{"Authorization", "Bearer good"}}));
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, "{\"id\":42}");
}

TEST_F(RouterTest, NonNumericIdIsNotFound) {
  auto r = router_.Handle(
      Request::Make("GET", "/api/v1/things/abc", "", {{"Authorization", "Bearer good"}}));
  EXPECT_EQ(r.status, 404);
  EXPECT_NE(r.body.find("GEN-0009"), std::string::npos);
}

TEST_F(RouterTest, ApiWithoutCredentialsIs401JsonAndPagesRedirectToLogin) {
  auto api = router_.Handle(Request::Make("GET", "/api/v1/things/1"));
  EXPECT_EQ(api.status, 401);
  EXPECT_EQ(api.body, "{\"error\":{\"code\":\"GEN-0010\",\"message\":\"Vui lòng đăng nhập.\"}}");
  router_.Get("/page", Access{"read"}, [](Ctx&) { return Response::Html("x"); });
  auto page = router_.Handle(Request::Make("GET", "/page?a=1"));
  EXPECT_EQ(page.status, 303);
  EXPECT_EQ(page.Header("location"), "/login?next=/page%3Fa%3D1");
}

TEST_F(RouterTest, MissingPermissionIs403) {
  auto r = router_.Handle(
      Request::Make("POST", "/api/v1/things", "{}", {{"Authorization", "Bearer good"}}));
  EXPECT_EQ(r.status, 403);
}

TEST_F(RouterTest, ErrorsNameTheFieldInTheUsersLanguage) {
  auto vi = router_.Handle(Request::Make("POST", "/api/v1/things", "{}",
                                         {{"Cookie", "kt_session=s"}, {"X-CSRF-Token", "tok"}}));
  EXPECT_EQ(vi.status, 422);
  EXPECT_EQ(
      vi.body,
      "{\"error\":{\"code\":\"GEN-0004\",\"message\":\"Vui lòng nhập Tên.\",\"field\":\"name\"}}");
  auto en =
      router_.Handle(Request::Make("POST", "/api/v1/things", "{}",
                                   {{"Cookie", "kt_session=s; lang=en"}, {"X-CSRF-Token", "tok"}}));
  EXPECT_NE(en.body.find("Please enter Name."), std::string::npos);
}

TEST_F(RouterTest, BrowserWritesNeedTheCsrfToken) {
  auto none =
      router_.Handle(Request::Make("POST", "/api/v1/things", "{}", {{"Cookie", "kt_session=s"}}));
  EXPECT_EQ(none.status, 403);
  EXPECT_NE(none.body.find("GEN-0012"), std::string::npos);
  auto wrong = router_.Handle(Request::Make("POST", "/api/v1/things", "{}",
                                            {{"Cookie", "kt_session=s"}, {"X-CSRF-Token", "bad"}}));
  EXPECT_EQ(wrong.status, 403);
  auto form = router_.Handle(Request::Make(
      "POST", "/api/v1/things", "_csrf=tok",
      {{"Cookie", "kt_session=s"}, {"Content-Type", "application/x-www-form-urlencoded"}}));
  EXPECT_EQ(form.status, 422);  // past the CSRF check, into the handler
}

TEST_F(RouterTest, WrongMethodIs405AndUnknownPathIs404) {
  auto wrong = router_.Handle(Request::Make("DELETE", "/api/v1/things/1"));
  EXPECT_EQ(wrong.status, 405);
  EXPECT_EQ(wrong.Header("Allow"), "GET, HEAD");  // what the path does take (RFC 9110 §15.5.6)
  EXPECT_EQ(router_.Handle(Request::Make("PUT", "/api/v1/things")).Header("Allow"), "POST");
  // A method nobody knows is not implemented, whatever the path.
  auto unknown = router_.Handle(Request::Make("BREW", "/api/v1/things/1"));
  EXPECT_EQ(unknown.status, 501);
  EXPECT_NE(unknown.body.find("GEN-0029"), std::string::npos);
  EXPECT_EQ(router_.Handle(Request::Make("GET", "/nowhere")).status, 404);
  EXPECT_EQ(router_.Handle(Request::Make("GET", "/public")).status, 200);
  EXPECT_EQ(router_.Handle(Request::Make("HEAD", "/public")).status, 200);
}

TEST_F(RouterTest, BadPercentEscapeIs400) {
  EXPECT_EQ(router_.Handle(Request::Make("GET", "/public%zz")).status, 400);
  EXPECT_EQ(router_.Handle(Request::Make("GET", "/public%00")).status, 400);
}

TEST(Request, ParsesQueryAndCookies) {
  auto r = Request::Make("GET", "/s?q=nguy%E1%BB%85n+v&x=1&x=2", "",
                         {{"Cookie", "a=1; kt_session=abc; lang=en"}});
  EXPECT_EQ(r.path, "/s");
  EXPECT_EQ(r.Query("q"), "nguyễn v");
  EXPECT_EQ(r.Query("x"), "1");
  EXPECT_EQ(r.Cookie("kt_session"), std::optional<std::string>("abc"));
  EXPECT_FALSE(r.Cookie("missing"));
}

TEST(Metrics, TheMethodLabelTakesOnlyKnownMethods) {
  Metrics m;
  m.Record("GET", "/healthz", 200, 0.001);
  for (int i = 0; i < 50; ++i) m.Record("X" + std::to_string(i), "(method)", 501, 0.001);
  std::string text = m.Render();
  EXPECT_NE(text.find("method=\"GET\""), std::string::npos);
  EXPECT_NE(text.find("method=\"other\",route=\"(method)\",status=\"501\"} 50"), std::string::npos)
      << text;
  EXPECT_EQ(text.find("X1"), std::string::npos);
}

// Pages carry the CSRF token masked afresh each time (so compression cannot leak it); both the
// masked form and the bare token are accepted, anything else refused.
TEST(Csrf, PagesCarryTheTokenMaskedAfreshAndBothFormsAreAccepted) {
  std::string token = "3f9a0c1d2e";
  std::string a = MaskCsrf(token), b = MaskCsrf(token);
  EXPECT_NE(a, b);
  EXPECT_EQ(a.find(token), std::string::npos);
  EXPECT_TRUE(CsrfMatches(a, token));
  EXPECT_TRUE(CsrfMatches(b, token));
  EXPECT_TRUE(CsrfMatches(token, token));
  std::string tampered = a;
  tampered.back() = tampered.back() == '0' ? '1' : '0';
  EXPECT_FALSE(CsrfMatches(tampered, token));
  EXPECT_FALSE(CsrfMatches("", token));
  EXPECT_FALSE(CsrfMatches("m.zz", token));
  EXPECT_FALSE(CsrfMatches(MaskCsrf("other-tok1"), token));
}

}  // namespace kientao::http
