#include "http/compress.hpp"

#include <zlib.h>

#include <list>
#include <mutex>
#include <stdexcept>
#include <utility>

#include "base/text.hpp"

namespace kientao::http {

namespace {

constexpr size_t kMinBytes = 1024;

bool Compressible(std::string_view type) {
  for (std::string_view t : {"text/html", "application/json", "text/css", "application/javascript",
                             "text/javascript", "image/svg+xml", "text/csv", "text/plain"})
    if (type.substr(0, t.size()) == t) return true;
  return false;
}

// Static files compressed once per ETag, the newest first.
struct Cache {
  std::mutex mu;
  std::list<std::pair<std::string, std::string>> items;  // (etag + size, gzip)
  static constexpr size_t kItems = 64;
};
Cache& TheCache() {
  static Cache c;
  return c;
}

}  // namespace

bool AcceptsGzip(std::string_view header) {
  std::string h = text::AsciiLower(header);
  size_t at = 0;
  while (at <= h.size()) {
    size_t end = h.find(',', at);
    if (end == std::string::npos) end = h.size();
    std::string item = h.substr(at, end - at);
    at = end + 1;
    size_t semi = item.find(';');
    std::string coding = item.substr(0, semi);
    coding.erase(0, coding.find_first_not_of(" \t"));
    coding.erase(coding.find_last_not_of(" \t") + 1);
    if (coding != "gzip" && coding != "*") continue;
    if (semi == std::string::npos) return true;
    size_t q = item.find("q=", semi);
    if (q == std::string::npos) return true;
    return std::strtod(item.c_str() + q + 2, nullptr) > 0;
  }
  return false;
}

std::string Gzip(std::string_view data) {
  z_stream zs{};
  if (deflateInit2(&zs, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
    throw std::runtime_error("gzip: deflateInit2 failed");
  std::string out;
  out.resize(deflateBound(&zs, static_cast<uLong>(data.size())));
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  int rc = deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  if (rc != Z_STREAM_END) throw std::runtime_error("gzip: deflate did not finish");
  return out;
}

void CompressIfAccepted(const Request& req, Response& resp) {
  if (resp.status != 200 || !Compressible(resp.content_type) ||
      !resp.Header("Content-Encoding").empty())
    return;
  resp.SetHeader("Vary", "Accept-Encoding");
  if (resp.body.size() < kMinBytes || !AcceptsGzip(req.Header("accept-encoding"))) return;
  std::string etag = resp.Header("ETag");
  if (!etag.empty()) {
    std::string key = etag + "/" + std::to_string(resp.body.size());
    Cache& c = TheCache();
    {
      std::lock_guard g(c.mu);
      for (auto it = c.items.begin(); it != c.items.end(); ++it)
        if (it->first == key) {
          c.items.splice(c.items.begin(), c.items, it);
          resp.body = c.items.front().second;
          resp.SetHeader("Content-Encoding", "gzip");
          return;
        }
    }
    std::string gz = Gzip(resp.body);
    std::lock_guard g(c.mu);
    c.items.emplace_front(key, gz);
    if (c.items.size() > Cache::kItems) c.items.pop_back();
    resp.body = std::move(gz);
  } else {
    resp.body = Gzip(resp.body);
  }
  resp.SetHeader("Content-Encoding", "gzip");
}

}  // namespace kientao::http
