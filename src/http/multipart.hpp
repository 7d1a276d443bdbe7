#pragma once
// multipart/form-data bodies (file uploads from HTML forms).
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace kientao::http {

struct FormPart {
  std::string filename;  // "" for plain fields
  std::string content_type;
  std::string data;
};

// Parts by field name; nullopt when the body does not follow the boundary of `content_type`.
std::optional<std::map<std::string, FormPart>> ParseMultipart(std::string_view content_type,
                                                              std::string_view body);

}  // namespace kientao::http
