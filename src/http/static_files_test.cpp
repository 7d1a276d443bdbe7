#include "http/static_files.hpp"

#include <filesystem>
#include <fstream>

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
}

TEST_F(StaticFilesTest, RefusesEveryWayOut) {
  for (const char* t :
       {"/static/../secret.txt", "/static/%2e%2e/secret.txt", "/static/css/../../secret.txt",
        "/static/link.txt", "/static/.hidden", "/static//etc/passwd",
        "/static/css\\..\\..\\secret.txt", "/static/", "/static/css"})
    EXPECT_FALSE(files_.Serve(Request::Make("GET", t))) << t;
}

}  // namespace kientao::http
