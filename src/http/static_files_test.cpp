#include "http/static_files.hpp"

#include <filesystem>
#include <fstream>

#include <regex>

#include <gtest/gtest.h>

namespace kientao::http {

namespace fs = std::filesystem;

class StaticFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("kt-static-" + std::to_string(::getpid()));
    fs::create_directories(root_ / "pub" / "css");
    std::ofstream(root_ / "pub" / "css" / "a.css") << "body{}";
    std::ofstream(root_ / "secret.txt") << "secret";
    fs::create_symlink(root_ / "secret.txt", root_ / "pub" / "link.txt");
    files_.Mount("/static/", (root_ / "pub").string(), 600);
  }
  void TearDown() override { fs::remove_all(root_); }
  fs::path root_;
  StaticFiles files_;
};

TEST_F(StaticFilesTest, ServesFilesWithCacheHeadersAndEtag) {
  auto r = files_.Serve(Request::Make("GET", "/static/css/a.css"));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->body, "body{}");
  EXPECT_EQ(r->content_type, "text/css; charset=utf-8");
  EXPECT_EQ(r->Header("Cache-Control"), "public, max-age=600");
  auto again = files_.Serve(
      Request::Make("GET", "/static/css/a.css", "", {{"If-None-Match", r->Header("ETag")}}));
  EXPECT_EQ(again->status, 304);
  EXPECT_TRUE(again->body.empty());
  // Weak comparison, lists and "*" (RFC 9110 §13.1.2), as proxies and browsers send them.
  std::string etag = r->Header("ETag");
  for (std::string inm : {"W/" + etag, "\"other\", " + etag, std::string("*"), " " + etag + " "}) {
    auto x = files_.Serve(Request::Make("GET", "/static/css/a.css", "", {{"If-None-Match", inm}}));
    EXPECT_EQ(x->status, 304) << inm;
  }
  auto other = files_.Serve(
      Request::Make("GET", "/static/css/a.css", "", {{"If-None-Match", "\"other\", W/\"x\""}}));
  EXPECT_EQ(other->status, 200);
  // Last-Modified as an HTTP-date, and If-Modified-Since with it.
  std::string modified = r->Header("Last-Modified");
  EXPECT_TRUE(std::regex_match(
      modified, std::regex("(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \\d\\d (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|"
                           "Sep|Oct|Nov|Dec) \\d{4} \\d\\d:\\d\\d:\\d\\d GMT")))
      << modified;
  EXPECT_EQ(
      files_
          .Serve(Request::Make("GET", "/static/css/a.css", "", {{"If-Modified-Since", modified}}))
          ->status,
      304);
  EXPECT_EQ(files_
                .Serve(Request::Make("GET", "/static/css/a.css", "",
                                     {{"If-Modified-Since", "Sun, 06 Nov 1994 08:49:37 GMT"}}))
                ->status,
            200);
  EXPECT_EQ(HttpDate(784111777), "Sun, 06 Nov 1994 08:49:37 GMT");
}

TEST_F(StaticFilesTest, RefusesEveryWayOut) {
  for (const char* t :
       {"/static/../secret.txt", "/static/%2e%2e/secret.txt", "/static/css/../../secret.txt",
        "/static/link.txt", "/static/.hidden", "/static//etc/passwd",
        "/static/css\\..\\..\\secret.txt", "/static/", "/static/css"})
    EXPECT_FALSE(files_.Serve(Request::Make("GET", t))) << t;
}

}  // namespace kientao::http
