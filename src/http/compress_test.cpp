#include "http/compress.hpp"

#include <zlib.h>

#include <gtest/gtest.h>

namespace kientao::http {
namespace {

// Read back with zlib's own inflate, as a browser would.
std::string Gunzip(const std::string& gz) {
  z_stream zs{};
  EXPECT_EQ(inflateInit2(&zs, 15 + 16), Z_OK);
  std::string out(1 << 20, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(gz.data()));
  zs.avail_in = static_cast<uInt>(gz.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(inflate(&zs, Z_FINISH), Z_STREAM_END);
  out.resize(zs.total_out);
  inflateEnd(&zs);
  return out;
}

TEST(Gzip, AcceptEncodingIsReadWithItsWeights) {
  EXPECT_TRUE(AcceptsGzip("gzip, deflate, br"));
  EXPECT_TRUE(AcceptsGzip("br;q=1.0, GZIP;q=0.5"));
  EXPECT_TRUE(AcceptsGzip("*"));
  EXPECT_FALSE(AcceptsGzip("gzip;q=0"));
  EXPECT_FALSE(AcceptsGzip("identity"));
  EXPECT_FALSE(AcceptsGzip(""));
}

TEST(Gzip, LargeTextAnswersAreCompressedWhenAcceptedAndReadBackTheSame) {
  std::string page = "<!doctype html><html lang=\"vi\"><body>";
  for (int i = 0; i < 200; ++i)
    page += "<p>Ủy ban nhân dân xã Lạc Phương " + std::to_string(i) + "</p>";
  auto req = Request::Make("GET", "/", "", {{"Accept-Encoding", "gzip, br"}});
  Response r = Response::Html(page);
  CompressIfAccepted(req, r);
  EXPECT_EQ(r.Header("Content-Encoding"), "gzip");
  EXPECT_EQ(r.Header("Vary"), "Accept-Encoding");
  EXPECT_LT(r.body.size(), page.size() / 3);
  EXPECT_EQ(Gunzip(r.body), page);
  // Not accepted, too small, not text, not 200: left as they are.
  Response plain = Response::Html(page);
  CompressIfAccepted(Request::Make("GET", "/"), plain);
  EXPECT_EQ(plain.body, page);
  EXPECT_EQ(plain.Header("Vary"), "Accept-Encoding");
  Response small = Response::Json("{\"status\":\"ok\"}");
  CompressIfAccepted(req, small);
  EXPECT_EQ(small.Header("Content-Encoding"), "");
  Response png;
  png.content_type = "image/png";
  png.body = std::string(5000, 'x');
  CompressIfAccepted(req, png);
  EXPECT_EQ(png.Header("Content-Encoding"), "");
  Response missing = Response::Html(page, 404);
  CompressIfAccepted(req, missing);
  EXPECT_EQ(missing.Header("Content-Encoding"), "");
}

TEST(Gzip, AStaticFileIsCompressedOncePerVersion) {
  std::string css(20000, 'a');
  auto req = Request::Make("GET", "/static/a.css", "", {{"Accept-Encoding", "gzip"}});
  Response a;
  a.content_type = "text/css; charset=utf-8";
  a.body = css;
  a.SetHeader("ETag", "\"20000-1\"");
  Response b = a;
  CompressIfAccepted(req, a);
  CompressIfAccepted(req, b);
  EXPECT_EQ(a.body, b.body);
  EXPECT_EQ(Gunzip(b.body), css);
}

}  // namespace
}  // namespace kientao::http
