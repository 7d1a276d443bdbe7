#include "http/static_files.hpp"

#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace kientao::http {

namespace fs = std::filesystem;

void StaticFiles::Mount(std::string url_prefix, std::string dir, long max_age_seconds) {
  std::error_code ec;
  auto canon = fs::weakly_canonical(dir, ec);
  mounts_.push_back({std::move(url_prefix), ec ? dir : canon.string(), max_age_seconds});
}

std::string StaticFiles::ContentType(const std::string& path) {
  auto ext = fs::path(path).extension().string();
  if (ext == ".css") return "text/css; charset=utf-8";
  if (ext == ".js" || ext == ".mjs") return "text/javascript; charset=utf-8";
  if (ext == ".json" || ext == ".map") return "application/json";
  if (ext == ".svg") return "image/svg+xml";
  if (ext == ".png") return "image/png";
  if (ext == ".ico") return "image/x-icon";
  if (ext == ".woff2") return "font/woff2";
  if (ext == ".woff") return "font/woff";
  if (ext == ".txt") return "text/plain; charset=utf-8";
  return "application/octet-stream";
}

namespace {
bool SafeRelative(const std::string& rel) {
  if (rel.empty() || rel.find('\\') != std::string::npos || rel.find('\0') != std::string::npos)
    return false;
  size_t pos = 0;
  while (pos <= rel.size()) {
    size_t end = rel.find('/', pos);
    if (end == std::string::npos) end = rel.size();
    std::string seg = rel.substr(pos, end - pos);
    if (seg.empty() || seg == "." || seg == ".." || seg.front() == '.') return false;
    pos = end + 1;
  }
  return true;
}
}  // namespace

std::optional<Response> StaticFiles::Serve(const Request& req) const {
  for (const MountPoint& m : mounts_) {
    if (req.path.rfind(m.prefix, 0) != 0) continue;
    std::string rel = req.path.substr(m.prefix.size());
    if (!SafeRelative(rel)) return std::nullopt;
    std::error_code ec;
    fs::path full = fs::weakly_canonical(fs::path(m.dir) / rel, ec);
    if (ec) return std::nullopt;
    std::string fulls = full.string();
    if (fulls.compare(0, m.dir.size() + 1, m.dir + "/") != 0) return std::nullopt;
    struct stat st {};
    if (::stat(fulls.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return std::nullopt;
    std::string etag = "\"" + std::to_string(st.st_size) + "-" + std::to_string(st.st_mtime) + "\"";
    Response r;
    r.content_type = ContentType(fulls);
    r.SetHeader("Cache-Control", "public, max-age=" + std::to_string(m.max_age));
    std::string modified = HttpDate(static_cast<long long>(st.st_mtime));
    r.SetHeader("ETag", etag);
    r.SetHeader("Last-Modified", modified);
    r.SetHeader("X-Content-Type-Options", "nosniff");
    // If-None-Match decides when present (weak comparison, lists, "*"); else If-Modified-Since
    // with the date this file was last sent with.
    std::string inm = req.Header("if-none-match");
    bool unchanged = !inm.empty() ? EtagMatches(inm, etag)
                                  : !req.Header("if-modified-since").empty() &&
                                        req.Header("if-modified-since") == modified;
    if (unchanged) {
      r.status = 304;
      return r;
    }
    std::ifstream in(fulls, std::ios::binary);
    std::ostringstream os;
    os << in.rdbuf();
    r.body = os.str();
    return r;
  }
  return std::nullopt;
}

}  // namespace kientao::http
