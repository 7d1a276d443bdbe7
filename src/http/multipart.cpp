#include "http/multipart.hpp"

namespace kientao::http {

namespace {
std::string HeaderParam(std::string_view header, std::string_view name) {
  std::string key = std::string(name) + "=";
  size_t p = 0;
  while ((p = header.find(key, p)) != std::string_view::npos) {
    if (p == 0 || header[p - 1] == ' ' || header[p - 1] == ';') break;
    p += key.size();
  }
  if (p == std::string_view::npos) return {};
  p += key.size();
  if (p < header.size() && header[p] == '"') {
    size_t end = header.find('"', p + 1);
    return std::string(
        header.substr(p + 1, end == std::string_view::npos ? std::string_view::npos : end - p - 1));
  }
  size_t end = header.find(';', p);
  return std::string(
      header.substr(p, end == std::string_view::npos ? std::string_view::npos : end - p));
}
}  // namespace

std::optional<std::map<std::string, FormPart>> ParseMultipart(std::string_view content_type,
                                                              std::string_view body) {
  if (content_type.find("multipart/form-data") == std::string_view::npos) return std::nullopt;
  std::string boundary = HeaderParam(content_type, "boundary");
  if (boundary.empty()) return std::nullopt;
  std::string delim = "--" + boundary;
  std::map<std::string, FormPart> parts;
  size_t pos = body.find(delim);
  if (pos == std::string_view::npos) return std::nullopt;
  for (;;) {
    pos += delim.size();
    if (body.substr(pos, 2) == "--") return parts;
    if (body.substr(pos, 2) != "\r\n") return std::nullopt;
    pos += 2;
    size_t headers_end = body.find("\r\n\r\n", pos);
    if (headers_end == std::string_view::npos) return std::nullopt;
    std::string_view headers = body.substr(pos, headers_end - pos);
    size_t data_start = headers_end + 4;
    size_t next = body.find("\r\n" + delim, data_start);
    if (next == std::string_view::npos) return std::nullopt;
    FormPart part;
    std::string name;
    size_t hp = 0;
    while (hp < headers.size()) {
      size_t eol = headers.find("\r\n", hp);
      if (eol == std::string_view::npos) eol = headers.size();
      std::string_view line = headers.substr(hp, eol - hp);
      std::string lower(line.substr(0, line.find(':')));
      for (auto& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      if (lower == "content-disposition") {
        name = HeaderParam(line, "name");
        part.filename = HeaderParam(line, "filename");
      } else if (lower == "content-type") {
        auto colon = line.find(':');
        part.content_type = std::string(line.substr(colon + 1));
        while (!part.content_type.empty() && part.content_type.front() == ' ')
          part.content_type.erase(0, 1);
      }
      hp = eol + 2;
    }
    part.data = std::string(body.substr(data_start, next - data_start));
    if (!name.empty()) parts.emplace(name, std::move(part));
    pos = next + 2;
  }
}

}  // namespace kientao::http
