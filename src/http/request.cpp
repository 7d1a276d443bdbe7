#include "http/request.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <ctime>
#include <random>

#include "base/text.hpp"

namespace kientao::http {

std::string Request::Header(std::string_view name) const {
  auto it = headers.find(std::string(name));
  return it == headers.end() ? std::string() : it->second;
}

std::optional<std::string> Request::Cookie(std::string_view name) const {
  std::string all = Header("cookie");
  size_t pos = 0;
  while (pos < all.size()) {
    size_t end = all.find(';', pos);
    if (end == std::string::npos) end = all.size();
    std::string_view part(all.data() + pos, end - pos);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    auto eq = part.find('=');
    if (eq != std::string_view::npos && part.substr(0, eq) == name)
      return std::string(part.substr(eq + 1));
    pos = end + 1;
  }
  return std::nullopt;
}

std::string Request::Query(const std::string& name) const {
  auto it = query.find(name);
  return it == query.end() ? std::string() : it->second;
}

namespace {

std::optional<std::string> FromHex(std::string_view hex) {
  if (hex.size() % 2) return std::nullopt;
  auto nibble = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
  };
  std::string out;
  for (size_t i = 0; i < hex.size(); i += 2) {
    int hi = nibble(hex[i]), lo = nibble(hex[i + 1]);
    if (hi < 0 || lo < 0) return std::nullopt;
    out.push_back(static_cast<char>(hi << 4 | lo));
  }
  return out;
}

}  // namespace

std::string MaskCsrf(const std::string& token) {
  thread_local std::random_device rd;
  std::string mask(token.size(), '\0'), masked(token.size(), '\0');
  for (size_t i = 0; i < token.size(); ++i) {
    mask[i] = static_cast<char>(rd() & 0xFF);
    masked[i] = static_cast<char>(token[i] ^ mask[i]);
  }
  return "m." + text::Hex(mask) + text::Hex(masked);
}

bool CsrfMatches(const std::string& sent, const std::string& token) {
  if (token.empty() || sent.empty()) return false;
  std::string plain;
  if (sent.size() == 2 + 4 * token.size() && sent.compare(0, 2, "m.") == 0) {
    auto mask = FromHex(std::string_view(sent).substr(2, 2 * token.size()));
    auto masked = FromHex(std::string_view(sent).substr(2 + 2 * token.size()));
    if (!mask || !masked) return false;
    plain.resize(token.size());
    for (size_t i = 0; i < token.size(); ++i)
      plain[i] = static_cast<char>((*mask)[i] ^ (*masked)[i]);
  } else {
    plain = sent;
  }
  if (plain.size() != token.size()) return false;
  unsigned char diff = 0;  // the same time whatever matches
  for (size_t i = 0; i < token.size(); ++i) diff |= static_cast<unsigned char>(plain[i] ^ token[i]);
  return diff == 0;
}

bool EtagMatches(std::string_view header, std::string_view etag) {
  auto opaque = [](std::string_view t) {
    while (!t.empty() && (t.front() == ' ' || t.front() == '\t')) t.remove_prefix(1);
    while (!t.empty() && (t.back() == ' ' || t.back() == '\t')) t.remove_suffix(1);
    if (t.substr(0, 2) == "W/") t.remove_prefix(2);
    return t;
  };
  std::string_view mine = opaque(etag);
  if (opaque(header) == "*") return true;
  while (!header.empty()) {
    size_t comma = header.find(',');
    std::string_view one = header.substr(0, comma);
    if (!mine.empty() && opaque(one) == mine) return true;
    if (comma == std::string_view::npos) break;
    header.remove_prefix(comma + 1);
  }
  return false;
}

std::string HttpDate(long long unix_seconds) {
  static const char* kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                  "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  std::time_t t = static_cast<std::time_t>(unix_seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[40];
  std::snprintf(buf, sizeof buf, "%s, %02d %s %04d %02d:%02d:%02d GMT", kDays[tm.tm_wday],
                tm.tm_mday, kMonths[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min,
                tm.tm_sec);
  return buf;
}

bool Request::FromOtherSite() const {
  std::string origin = Header("origin");
  std::string from = origin.empty() ? Header("referer") : origin;
  if (from.empty()) return false;
  if (from == "null") return true;
  // "https://xa.example.vn:8443/path" → "xa.example.vn:8443"
  size_t scheme = from.find("://");
  if (scheme == std::string::npos) return true;
  std::string authority = from.substr(scheme + 3);
  authority = authority.substr(0, authority.find_first_of("/?#"));
  std::string host = Header("host");
  return host.empty() || text::AsciiLower(authority) != text::AsciiLower(host);
}

bool Request::WantsJson() const {
  if (path.rfind("/api/", 0) == 0) return true;
  std::string accept = Header("accept");
  return accept.find("application/json") != std::string::npos &&
         accept.find("text/html") == std::string::npos;
}

Request Request::Make(std::string method, std::string target, std::string body,
                      std::map<std::string, std::string> headers) {
  Request r;
  r.method = std::move(method);
  r.target = std::move(target);
  r.body = std::move(body);
  for (auto& [k, v] : headers) {
    std::string key = k;
    std::transform(key.begin(), key.end(), key.begin(),
                   [](unsigned char c) { return std::tolower(c); });
    r.headers[key] = v;
  }
  auto q = r.target.find('?');
  std::string_view raw_path = std::string_view(r.target).substr(0, q);
  auto decoded = UrlDecode(raw_path, false);
  if (!decoded || decoded->find('\0') != std::string::npos) {
    r.raw_path_ok = false;
    r.path = std::string(raw_path);
  } else {
    r.path = *decoded;
  }
  if (q != std::string::npos) r.query = ParseUrlEncoded(std::string_view(r.target).substr(q + 1));
  return r;
}

std::string Response::Header(std::string_view name) const {
  for (auto& [k, v] : headers) {
    if (k.size() == name.size() && std::equal(k.begin(), k.end(), name.begin(), [](char a, char b) {
          return std::tolower(a) == std::tolower(b);
        }))
      return v;
  }
  return {};
}

bool KnownMethod(std::string_view m) {
  for (std::string_view k : {"GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"})
    if (m == k) return true;
  return false;
}

Response Response::Json(std::string body, int status) {
  Response r;
  r.status = status;
  r.content_type = "application/json; charset=utf-8";
  r.body = std::move(body);
  return r;
}

Response Response::Html(std::string body, int status) {
  Response r;
  r.status = status;
  r.body = std::move(body);
  return r;
}

Response Response::Text(std::string body, int status) {
  Response r;
  r.status = status;
  r.content_type = "text/plain; charset=utf-8";
  r.body = std::move(body);
  return r;
}

Response Response::Redirect(std::string location, int status) {
  Response r;
  r.status = status;
  r.SetHeader("Location", std::move(location));
  return r;
}

namespace {
int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}
}  // namespace

std::optional<std::string> UrlDecode(std::string_view s, bool plus_is_space) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '%') {
      if (i + 2 >= s.size()) return std::nullopt;
      int hi = HexValue(s[i + 1]), lo = HexValue(s[i + 2]);
      if (hi < 0 || lo < 0) return std::nullopt;
      out.push_back(static_cast<char>(hi * 16 + lo));
      i += 2;
    } else if (c == '+' && plus_is_space) {
      out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
  return out;
}

std::map<std::string, std::string> ParseUrlEncoded(std::string_view s) {
  std::map<std::string, std::string> out;
  size_t pos = 0;
  while (pos <= s.size()) {
    size_t end = s.find('&', pos);
    if (end == std::string_view::npos) end = s.size();
    std::string_view part = s.substr(pos, end - pos);
    if (!part.empty()) {
      auto eq = part.find('=');
      auto k = UrlDecode(part.substr(0, eq), true);
      auto v = eq == std::string_view::npos ? std::optional<std::string>("")
                                            : UrlDecode(part.substr(eq + 1), true);
      if (k && v && !out.count(*k)) out.emplace(std::move(*k), std::move(*v));
    }
    pos = end + 1;
  }
  return out;
}

std::string UrlEncode(std::string_view s) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~' || c == '/') {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 15]);
    }
  }
  return out;
}

std::string HtmlEscape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out.push_back(c);
    }
  }
  return out;
}

std::string SetCookie(std::string_view name, std::string_view value, long max_age, bool secure,
                      bool http_only) {
  std::string c = std::string(name) + "=" + std::string(value) + "; Path=/; SameSite=Lax";
  if (http_only) c += "; HttpOnly";
  if (secure) c += "; Secure";
  if (max_age >= 0) c += "; Max-Age=" + std::to_string(max_age);
  return c;
}

}  // namespace kientao::http
