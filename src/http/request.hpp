#pragma once
// The HTTP request and response as the router and handlers see them: plain values, no sockets.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kientao::http {

struct Request {
  std::string method;                          // "GET", "POST", …
  std::string target;                          // as received: "/staff?q=an"
  std::string path;                            // percent-decoded path without the query: "/staff"
  std::map<std::string, std::string> query;    // decoded; the first value of a repeated key
  std::map<std::string, std::string> headers;  // keys lower-case
  std::string body;
  std::string remote_addr;
  bool raw_path_ok = true;  // false when the path had a bad escape or a NUL

  // Header value or "".
  std::string Header(std::string_view name) const;
  std::optional<std::string> Cookie(std::string_view name) const;
  std::string Query(const std::string& name) const;
  bool WantsJson() const;  // an /api/ path, or Accept: application/json without text/html
  // True when a browser says the request comes from another site: an Origin (or, without one, a
  // Referer) whose host and port differ from the Host asked for, or "Origin: null". Requests that
  // carry neither (command-line clients) are not from another site.
  bool FromOtherSite() const;

  // Builds path and query from target.
  static Request Make(std::string method, std::string target, std::string body = {},
                      std::map<std::string, std::string> headers = {});
};

// The CSRF token as a page carries it: masked afresh on every page ("m." + hex mask + hex of the
// token XOR the mask), so a compressed page never repeats the same secret bytes an attacker could
// probe with reflected input (BREACH). CsrfMatches accepts the masked form and the bare token (API
// clients get it from /api/v1/session).
std::string MaskCsrf(const std::string& token);
bool CsrfMatches(const std::string& sent, const std::string& token);

// Whether an If-None-Match header matches `etag` by the weak comparison of RFC 9110 §13.1.2:
// "*" matches anything, a list matches when any member does, W/ prefixes are ignored.
bool EtagMatches(std::string_view if_none_match, std::string_view etag);
// An HTTP-date (IMF-fixdate, RFC 9110 §5.6.7) for seconds since the epoch: "Sun, 06 Nov 1994
// 08:49:37 GMT".
std::string HttpDate(long long unix_seconds);

struct Response {
  int status = 200;
  std::string content_type = "text/html; charset=utf-8";
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  bool close = false;  // ask the server to close the connection after this answer

  void SetHeader(std::string name, std::string value) {
    headers.emplace_back(std::move(name), std::move(value));
  }
  std::string Header(std::string_view name) const;

  static Response Json(std::string body, int status = 200);
  static Response Html(std::string body, int status = 200);
  static Response Text(std::string body, int status = 200);
  static Response Redirect(std::string location, int status = 303);
};

// The methods kientao knows (RFC 9110's and PATCH): any other is answered 501, and counted in the
// metrics as "other".
bool KnownMethod(std::string_view method);

// application/x-www-form-urlencoded and query strings; '+' is a space. Returns nullopt on a bad
// escape.
std::optional<std::string> UrlDecode(std::string_view s, bool plus_is_space);
std::map<std::string, std::string> ParseUrlEncoded(std::string_view s);
std::string UrlEncode(std::string_view s);
std::string HtmlEscape(std::string_view s);
// "name=value; Path=/; HttpOnly; SameSite=Lax" with max_age < 0 meaning a session cookie.
std::string SetCookie(std::string_view name, std::string_view value, long max_age, bool secure,
                      bool http_only = true);

}  // namespace kientao::http
