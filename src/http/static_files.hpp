#pragma once
// Serves files from a few mounted folders (our CSS/JS and the npm packages' dist folders) with
// cache headers and ETags. Refuses any path that could leave its folder: "..", ".", empty segments,
// backslashes, NULs, and symlinks pointing outside. Thread-safe.
#include <optional>
#include <string>
#include <vector>

#include "http/request.hpp"

namespace kientao::http {

class StaticFiles {
 public:
  // Files under `dir` answer at `url_prefix` ("/static/vendor/bootstrap/"); prefixes end in '/'.
  void Mount(std::string url_prefix, std::string dir, long max_age_seconds);
  // nullopt when the path is under no mount or the file does not exist or is refused.
  std::optional<Response> Serve(const Request& req) const;

  static std::string ContentType(const std::string& path);

 private:
  struct MountPoint {
    std::string prefix;
    std::string dir;
    long max_age;
  };
  std::vector<MountPoint> mounts_;
};

}  // namespace kientao::http
