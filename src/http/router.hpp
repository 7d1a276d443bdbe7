#pragma once
// The router: a pure function from Request to Response. It matches the route, authenticates
// (through a hook the app supplies), checks the route's permission and the CSRF token, calls the
// handler and turns any kientao::Error into the right answer — JSON for API clients, a page for
// browsers. No sockets: tests call Handle() directly.
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/error.hpp"
#include "base/principal.hpp"
#include "http/i18n.hpp"
#include "http/metrics.hpp"
#include "http/request.hpp"

namespace kientao::http {

// Everything a handler gets. `user` is set on every route that requires a login.
struct Ctx {
  const Request& req;
  std::map<std::string, std::string> params;
  const Principal* user = nullptr;
  std::string lang = "vi";
  const I18n* i18n = nullptr;

  // A numeric path parameter; a non-number is 404 GEN-0009.
  long long Id(const std::string& name) const;
  const std::string& T(const std::string& key) const { return i18n->Get(lang, key); }
  // The signed-in user as the actor of a service call (audit name and client address).
  Actor AsActor() const { return Actor{*user, user->username, req.remote_addr}; }
  // The message of `e` in the user's language.
  std::string Message(const Error& e) const { return i18n->ErrorMessage(lang, e); }
};

using Handler = std::function<Response(Ctx&)>;

// "/api/v1/staff/12" → {"api", "v1", "staff", "12"}: how routes and request paths are matched.
std::vector<std::string> PathSegments(const std::string& path);

// Who may call a route.
struct Access {
  std::string permission;  // "" = public; "login" = any signed-in user; otherwise a permission name
  bool csrf = true;  // state-changing requests from a browser session must carry the CSRF token
};

struct Route {
  std::string method;
  std::string pattern;  // "/api/v1/staff/{id}"
  Access access;
  Handler handler;
  std::vector<std::string> segments;
};

struct RouterHooks {
  // The principal behind the request's session cookie or bearer token, if any; may throw Error
  // (401).
  std::function<std::optional<Principal>(const Request&)> authenticate;
  // Whether the principal holds `permission` anywhere in its scope.
  std::function<bool(const Principal&, const std::string& permission)> authorize;
  // Renders an error page for browsers (status, title, message).
  std::function<Response(const Ctx&, int status, const std::string& message)> error_page;
  // Answers requests that match no route (static files); nullopt means 404.
  std::function<std::optional<Response>(const Request&)> fallback;
};

class Router {
 public:
  Router(const I18n& i18n, Metrics* metrics) : i18n_(i18n), metrics_(metrics) {}
  void Add(std::string method, std::string pattern, Access access, Handler handler);
  void Get(std::string pattern, Access access, Handler h) {
    Add("GET", std::move(pattern), std::move(access), std::move(h));
  }
  void Post(std::string pattern, Access access, Handler h) {
    Add("POST", std::move(pattern), std::move(access), std::move(h));
  }
  void SetHooks(RouterHooks hooks) { hooks_ = std::move(hooks); }
  // Never throws.
  Response Handle(const Request& req) const;
  const std::vector<Route>& routes() const { return routes_; }
  // The JSON error body {"error":{"code","message","field"[,"details"]}} in the request's language.
  std::string ErrorJson(const Error& e, const std::string& lang) const;
  std::string LanguageOf(const Request& req) const;

 private:
  Response Dispatch(const Request& req, std::string& route_name) const;
  Response RenderError(Ctx& ctx, const Error& e) const;
  const I18n& i18n_;
  Metrics* metrics_;
  std::vector<Route> routes_;
  RouterHooks hooks_;
};

}  // namespace kientao::http
