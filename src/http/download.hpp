#pragma once
// A file the browser saves rather than shows: the bytes, their type, the file name, never cached.
#include <string>
#include <utility>

#include "http/request.hpp"

namespace kientao::http {

inline constexpr const char* kXlsxType =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
inline constexpr const char* kDocxType =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

inline Response Download(std::string body, const std::string& content_type,
                         const std::string& filename) {
  Response r;
  r.content_type = content_type;
  r.body = std::move(body);
  r.SetHeader("Content-Disposition", "attachment; filename=\"" + filename + "\"");
  r.SetHeader("Cache-Control", "no-store");
  return r;
}

}  // namespace kientao::http
