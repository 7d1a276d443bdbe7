#include "http/router.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <chrono>
#include <set>

#include <spdlog/spdlog.h>
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

#include "http/compress.hpp"
#include "http/multipart.hpp"

namespace kientao::http {

namespace {}  // namespace

std::vector<std::string> PathSegments(const std::string& path) {
  std::vector<std::string> out;
  size_t pos = 1;
  while (pos <= path.size()) {
    size_t end = path.find('/', pos);
    if (end == std::string::npos) end = path.size();
    out.push_back(path.substr(pos, end - pos));
    pos = end + 1;
  }
  return out;
}

namespace {

bool Match(const Route& r, const std::vector<std::string>& segs,
           std::map<std::string, std::string>& params) {
  if (r.segments.size() != segs.size()) return false;
  for (size_t i = 0; i < segs.size(); ++i) {
    const std::string& p = r.segments[i];
    if (p.size() > 2 && p.front() == '{' && p.back() == '}') {
      if (segs[i].empty()) return false;
      params[p.substr(1, p.size() - 2)] = segs[i];
    } else if (p != segs[i]) {
      return false;
    }
  }
  return true;
}

bool StateChanging(const std::string& m) { return m != "GET" && m != "HEAD" && m != "OPTIONS"; }

}  // namespace

long long Ctx::Id(const std::string& name) const {
  auto it = params.find(name);
  long long v = 0;
  if (it != params.end()) {
    auto [p, ec] = std::from_chars(it->second.data(), it->second.data() + it->second.size(), v);
    if (ec == std::errc() && p == it->second.data() + it->second.size() && v > 0) return v;
  }
  throw Error(gen_errors::kNotFound, name);
}

void Router::Add(std::string method, std::string pattern, Access access, Handler handler) {
  Route r{std::move(method), pattern, std::move(access), std::move(handler), PathSegments(pattern)};
  routes_.push_back(std::move(r));
}

std::string Router::LanguageOf(const Request& req) const {
  // Vietnamese unless the user switched: office browsers often say English without the user
  // choosing it.
  auto c = req.Cookie("lang");
  return i18n_.Normalize(c ? *c : "");
}

std::string Router::ErrorJson(const Error& e, const std::string& lang) const {
  boost::json::object err;
  err["code"] = std::string(e.code());
  err["message"] = i18n_.ErrorMessage(lang, e);
  if (!e.field().empty()) err["field"] = e.field();
  if (!e.details().empty()) {
    boost::json::array details;
    for (const FieldError& d : e.details()) {
      boost::json::object o;
      if (d.row) o["row"] = d.row;
      o["field"] = d.field;
      o["code"] = d.code;
      o["message"] = i18n_.ErrorMessage(lang, d);
      details.push_back(std::move(o));
    }
    err["details"] = std::move(details);
    // Problems found beyond the first Error::kMaxDetails: counted, not listed.
    if (e.more_details()) err["more_details"] = e.more_details();
  }
  boost::json::object root;
  root["error"] = std::move(err);
  return boost::json::serialize(root);
}

Response Router::RenderError(Ctx& ctx, const Error& e) const {
  Response r = ctx.req.WantsJson() || !hooks_.error_page
                   ? Response::Json(ErrorJson(e, ctx.lang), e.status())
                   : hooks_.error_page(ctx, e.status(), i18n_.ErrorMessage(ctx.lang, e));
  // Busy (every database connection taken): a client may try again shortly.
  if (e.status() == 503) r.SetHeader("Retry-After", "5");
  return r;
}

// Headers every answer carries: no type sniffing, no referrer sent to other sites, and no copy kept
// by a browser or proxy of anything but static files (which set their own Cache-Control): JSON
// answers, exports and pages may hold personal data such as full citizen IDs.
namespace {
bool SameName(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

void SecureHeaders(Response& r) {
  bool nosniff = false, referrer = false, cache = false;
  for (auto& [k, v] : r.headers) {
    nosniff |= SameName(k, "X-Content-Type-Options");
    referrer |= SameName(k, "Referrer-Policy");
    cache |= SameName(k, "Cache-Control");
  }
  if (!nosniff) r.SetHeader("X-Content-Type-Options", "nosniff");
  if (!referrer) r.SetHeader("Referrer-Policy", "same-origin");
  if (!cache) r.SetHeader("Cache-Control", "no-store");
}
}  // namespace

Response Router::Handle(const Request& req) const {
  auto start = std::chrono::steady_clock::now();
  std::string route_name = "(none)";
  Response resp;
  try {
    resp = Dispatch(req, route_name);
  } catch (const std::exception& e) {
    spdlog::error("unhandled error on {} {}: {}", req.method, req.path, e.what());
    Ctx ctx{req, {}, nullptr, LanguageOf(req), &i18n_};
    resp = Response::Json(ErrorJson(Error(gen_errors::kInternal), ctx.lang), 500);
  }
  SecureHeaders(resp);
  if (req.method != "HEAD") CompressIfAccepted(req, resp);
  if (metrics_) {
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    metrics_->Record(req.method, route_name, resp.status, secs);
  }
  return resp;
}

Response Router::Dispatch(const Request& req, std::string& route_name) const {
  Ctx ctx{req, {}, nullptr, LanguageOf(req), &i18n_};
  std::optional<Principal> principal;
  try {
    if (!req.raw_path_ok) throw Error(gen_errors::kBadRequest, "path");
    if (!KnownMethod(req.method)) {
      route_name = "(method)";
      throw Error(gen_errors::kNotImplemented);
    }
    auto segs = PathSegments(req.path);
    const Route* found = nullptr;
    std::set<std::string> allowed;  // the methods of the routes whose path matches
    for (const Route& r : routes_) {
      std::map<std::string, std::string> params;
      if (!Match(r, segs, params)) continue;
      allowed.insert(r.method);
      if (r.method == "GET") allowed.insert("HEAD");
      if (found || (r.method != req.method && !(r.method == "GET" && req.method == "HEAD")))
        continue;
      found = &r;
      ctx.params = std::move(params);
    }
    if (!found) {
      if (!allowed.empty()) {
        route_name = "(method)";
        Response r = RenderError(ctx, Error(gen_errors::kMethodNotAllowed));
        std::string allow;
        for (auto& m : allowed) allow += (allow.empty() ? "" : ", ") + m;
        r.SetHeader("Allow", allow);
        return r;
      }
      if (hooks_.fallback && (req.method == "GET" || req.method == "HEAD")) {
        if (auto r = hooks_.fallback(req)) {
          route_name = "(static)";
          return *r;
        }
      }
      throw Error(gen_errors::kNotFound, "path");
    }
    route_name = found->pattern;
    if (!found->access.permission.empty() || found->access.csrf) {
      if (hooks_.authenticate) principal = hooks_.authenticate(req);
      if (principal) ctx.user = &*principal;
    }
    if (!found->access.permission.empty()) {
      if (!principal) {
        if (!req.WantsJson() && req.method == "GET")
          return Response::Redirect("/login?next=" + UrlEncode(req.target), 303);
        throw Error(gen_errors::kUnauthenticated);
      }
      if (found->access.permission != "login" &&
          !(hooks_.authorize && hooks_.authorize(*principal, found->access.permission)))
        throw Error(gen_errors::kForbidden);
    }
    if (found->access.csrf && principal && principal->token_id == 0 && StateChanging(req.method)) {
      std::string token = req.Header("x-csrf-token");
      if (token.empty() && req.Header("content-type").find("application/x-www-form-urlencoded") !=
                               std::string::npos) {
        auto form = ParseUrlEncoded(req.body);
        token = form.count("_csrf") ? form["_csrf"] : "";
      } else if (token.empty()) {
        if (auto parts = ParseMultipart(req.Header("content-type"), req.body);
            parts && parts->count("_csrf"))
          token = (*parts)["_csrf"].data;
      }
      if (!CsrfMatches(token, principal->csrf_token)) throw Error(gen_errors::kCsrf);
    }
    return found->handler(ctx);
  } catch (const Error& e) {
    if (e.status() >= 500) spdlog::error("{} {}: {}", req.method, req.path, e.what());
    return RenderError(ctx, e);
  }
}

}  // namespace kientao::http
