#include "modules/auth/web/auth_web.hpp"

#include <algorithm>

#include <boost/json.hpp>

#include "base/access.hpp"
#include "http/form.hpp"
#include "http/input.hpp"
#include "modules/auth/errors.hpp"
#include "modules/auth/permissions.hpp"
#include "store/audit_log.hpp"

namespace kientao::auth {

namespace json = boost::json;
using http::Access;
using http::Ctx;
using http::Input;
using http::Response;
using http::TemplateData;

namespace {

// Only same-site relative targets after login, never "//host" or "/\host".
std::string SafeNext(const std::string& next) {
  if (next.size() < 1 || next[0] != '/' || (next.size() > 1 && (next[1] == '/' || next[1] == '\\')))
    return "/";
  return next;
}

json::object UserJson(const UserInfo& u) {
  json::array grants;
  for (auto& g : u.grants) grants.push_back({{"role", g.role}, {"scope", g.scope_code}});
  return {{"id", u.id},
          {"username", u.username},
          {"display_name", u.display_name},
          {"staff_id", u.staff_id ? json::value(u.staff_id) : json::value(nullptr)},
          {"active", u.active},
          {"roles", std::move(grants)}};
}

json::object TokenJson(const TokenInfo& t) {
  return {{"id", t.id},
          {"name", t.name},
          {"role", t.role},
          {"scope", t.scope_code},
          {"created_by", t.created_by},
          {"created_at", t.created_at},
          {"revoked_at", t.revoked_at ? json::value(*t.revoked_at) : json::value(nullptr)},
          {"last_used_at", t.last_used_at ? json::value(*t.last_used_at) : json::value(nullptr)}};
}

TemplateData RoleOptions(const Ctx& ctx, const std::string& selected) {
  TemplateData list = http::List();
  for (auto r : access::AllRoles()) {
    TemplateData o = http::Object();
    o.set("value", std::string(r));
    o.set("label", ctx.T("role." + std::string(r)));
    if (selected == r) o.set("selected", true);
    list.push_back(o);
  }
  return list;
}

}  // namespace

void RegisterAuthRoutes(http::Router& router, AuthService& svc, store::Database& db,
                        const http::Layout& layout, AuthWebOptions opts) {
  const Access public_no_csrf{"", false};
  const Access users_admin{std::string(access::kUsersAdmin)};
  const Access audit_read{std::string(access::kAuditRead)};
  const Access any_user{"login"};

  auto login_page = [&layout](Ctx& ctx, const std::string& username, const std::string& error,
                              int status) {
    TemplateData d = http::Object();
    d.set("username", username);
    d.set("next", SafeNext(ctx.req.Query("next")));
    if (!error.empty()) d.set("error", error);
    return layout.Page(ctx, "auth/login", d, ctx.T("auth.login_title"), status);
  };
  router.Get("/login", public_no_csrf,
             [login_page](Ctx& ctx) { return login_page(ctx, "", "", 200); });
  router.Post("/login", public_no_csrf, [&svc, login_page, opts](Ctx& ctx) {
    // Throttle and size first: a throttled address or an oversized body costs no parsing.
    try {
      // Login CSRF: another site must not sign a visitor's browser into an account of its
      // choosing (the page's form is same-origin; browsers say where a POST comes from).
      if (ctx.req.FromOtherSite()) throw Error(gen_errors::kCsrf);
      svc.CheckAddress(ctx.req.remote_addr);
      if (ctx.req.body.size() > AuthService::kMaxLoginBody) throw Error(gen_errors::kBodyTooLarge);
    } catch (const Error& e) {
      return login_page(ctx, "", ctx.Message(e), e.status());
    }
    Input in = Input::FromForm(ctx.req.body);
    std::string username = in.Str("username", 40, false).value_or("");
    try {
      auto res =
          svc.Login(username, in.Str("password", 200, false).value_or(""), ctx.req.remote_addr);
      Response r = Response::Redirect(SafeNext(in.Str("next", 2000, false).value_or("/")));
      r.SetHeader("Set-Cookie",
                  http::SetCookie("kt_session", res.session_token, -1, opts.secure_cookies));
      return r;
    } catch (const Error& e) {
      return login_page(ctx, username, ctx.Message(e), e.status());
    }
  });
  router.Post("/logout", any_user, [&svc, opts](Ctx& ctx) {
    if (auto c = ctx.req.Cookie("kt_session")) svc.Logout(*c);
    Response r = Response::Redirect("/login");
    r.SetHeader("Set-Cookie", http::SetCookie("kt_session", "", 0, opts.secure_cookies));
    return r;
  });
  router.Get("/lang/{lang}", public_no_csrf, [opts](Ctx& ctx) {
    std::string lang = ctx.params["lang"] == "en" ? "en" : "vi";
    std::string back = ctx.req.Header("referer");
    auto host = ctx.req.Header("host");
    // Return to the page the switch was pressed on, when it is ours.
    std::string target = "/";
    auto pos = back.find(host);
    if (!host.empty() && pos != std::string::npos && pos <= 8)
      target = SafeNext(back.substr(pos + host.size()));
    Response r = Response::Redirect(target);
    r.SetHeader("Set-Cookie",
                http::SetCookie("lang", lang, 365L * 24 * 3600, opts.secure_cookies, false));
    return r;
  });

  // ---- JSON API: session ----
  router.Post("/api/v1/session", public_no_csrf, [&svc, opts](Ctx& ctx) {
    if (ctx.req.FromOtherSite()) throw Error(gen_errors::kCsrf);  // login CSRF, as on /login
    svc.CheckAddress(ctx.req.remote_addr);
    if (ctx.req.body.size() > AuthService::kMaxLoginBody) throw Error(gen_errors::kBodyTooLarge);
    Input in = Input::FromJson(ctx.req.body);
    in.AllowOnly({"username", "password"});
    auto res =
        svc.Login(in.ReqStr("username", 40), in.ReqStr("password", 200), ctx.req.remote_addr);
    Response r = http::JsonAnswer(json::object{{"csrf_token", res.csrf_token}}, 201);
    r.SetHeader("Set-Cookie",
                http::SetCookie("kt_session", res.session_token, -1, opts.secure_cookies));
    return r;
  });
  router.Add("DELETE", "/api/v1/session", any_user, [&svc, opts](Ctx& ctx) {
    if (auto c = ctx.req.Cookie("kt_session")) svc.Logout(*c);
    Response r = Response::Json("{}", 200);
    r.SetHeader("Set-Cookie", http::SetCookie("kt_session", "", 0, opts.secure_cookies));
    return r;
  });
  router.Get("/api/v1/me", any_user, [](Ctx& ctx) {
    json::array grants;
    for (auto& g : ctx.user->grants)
      grants.push_back({{"role", g.role}, {"scope_unit_id", g.scope_unit_id}});
    json::object o{{"username", ctx.user->username},
                   {"display_name", ctx.user->display_name},
                   {"roles", grants}};
    if (!ctx.user->csrf_token.empty()) o["csrf_token"] = ctx.user->csrf_token;
    return http::JsonAnswer(o);
  });

  // ---- JSON API: users and tokens ----
  router.Get("/api/v1/users", users_admin, [&svc](Ctx& ctx) {
    json::array arr;
    for (auto& u : svc.ListUsers(ctx.AsActor())) arr.push_back(UserJson(u));
    return http::JsonAnswer(json::object{{"items", arr}});
  });
  router.Post("/api/v1/users", users_admin, [&svc](Ctx& ctx) {
    Input in = Input::FromRequest(ctx.req);
    in.AllowOnly({"username", "display_name", "password", "staff_id", "role", "scope"});
    NewUser u{in.ReqStr("username", 40),  in.Str("display_name", 100, false).value_or(""),
              in.ReqStr("password", 200), in.Int("staff_id", false).value_or(0),
              in.ReqStr("role", 32),      in.ReqStr("scope", 32)};
    long long id = svc.CreateUser(ctx.AsActor(), u);
    return http::JsonAnswer(json::object{{"id", id}, {"username", u.username}}, 201);
  });
  router.Post("/api/v1/users/{username}/disable", users_admin, [&svc](Ctx& ctx) {
    svc.DisableUser(ctx.AsActor(), ctx.params["username"]);
    return http::JsonAnswer(json::object{{"username", ctx.params["username"]}, {"active", false}});
  });
  router.Get("/api/v1/tokens", users_admin, [&svc](Ctx& ctx) {
    json::array arr;
    for (auto& t : svc.ListTokens(ctx.AsActor())) arr.push_back(TokenJson(t));
    return http::JsonAnswer(json::object{{"items", arr}});
  });
  router.Post("/api/v1/tokens", users_admin, [&svc](Ctx& ctx) {
    Input in = Input::FromRequest(ctx.req);
    in.AllowOnly({"name", "role", "scope"});
    std::string name = in.ReqStr("name", 40);
    std::string token =
        svc.CreateToken(ctx.AsActor(), name, in.ReqStr("role", 32), in.ReqStr("scope", 32));
    return http::JsonAnswer(json::object{{"name", name}, {"token", token}}, 201);
  });
  router.Post("/api/v1/tokens/{name}/revoke", users_admin, [&svc](Ctx& ctx) {
    svc.RevokeToken(ctx.AsActor(), ctx.params["name"]);
    return http::JsonAnswer(json::object{{"name", ctx.params["name"]}, {"revoked", true}});
  });

  // ---- Pages: users and tokens ----
  auto users_page = [&svc, &layout, opts](Ctx& ctx, TemplateData d, int status) {
    TemplateData users = http::List();
    for (auto& u : svc.ListUsers(ctx.AsActor())) {
      TemplateData ud = http::Object();
      ud.set("username", u.username);
      ud.set("display_name", u.display_name);
      if (u.active) ud.set("active", true);
      std::string roles;
      for (auto& g : u.grants)
        roles += (roles.empty() ? "" : ", ") + ctx.T("role." + g.role) + " — " + g.scope_name;
      ud.set("roles", roles);
      if (u.username != ctx.user->username && u.active) ud.set("can_disable", true);
      users.push_back(ud);
    }
    TemplateData tokens = http::List();
    for (auto& t : svc.ListTokens(ctx.AsActor())) {
      TemplateData td = http::Object();
      td.set("name", t.name);
      td.set("role", ctx.T("role." + t.role));
      td.set("scope", t.scope_code);
      td.set("created_at", t.created_at.substr(0, 10));
      if (!t.revoked_at) td.set("active", true);
      tokens.push_back(td);
    }
    d.set("users", users);
    d.set("tokens", tokens);
    std::string role =
        d.get("v") && d.get("v")->get("role") ? d.get("v")->get("role")->string_value() : "staff";
    std::string staff = d.get("v") && d.get("v")->get("staff_id")
                            ? d.get("v")->get("staff_id")->string_value()
                            : "";
    TemplateData staff_list = http::List();
    if (opts.staff_options) {
      for (auto& o : opts.staff_options(ctx.AsActor())) {
        TemplateData item = http::Object();
        item.set("value", std::to_string(o.id));
        item.set("label", o.label);
        if (staff == std::to_string(o.id)) item.set("selected", true);
        staff_list.push_back(item);
      }
    }
    d.set("staff_options", staff_list);
    d.set("roles", RoleOptions(ctx, role));
    return layout.Page(ctx, "auth/users", d, ctx.T("auth.users_title"), status);
  };
  router.Get("/users", users_admin,
             [users_page](Ctx& ctx) { return users_page(ctx, http::Object(), 200); });
  router.Post("/users", users_admin, [&svc, users_page](Ctx& ctx) {
    Input in = Input::FromForm(ctx.req.body);
    TemplateData d = http::Object();
    try {
      in.AllowOnly({"username", "display_name", "password", "role", "scope", "staff_id"});
      NewUser u{in.ReqStr("username", 40),  in.Str("display_name", 100, false).value_or(""),
                in.ReqStr("password", 200), in.Int("staff_id", false).value_or(0),
                in.ReqStr("role", 32),      in.ReqStr("scope", 32)};
      svc.CreateUser(ctx.AsActor(), u);
      d.set("created_user", u.username);
      return users_page(ctx, d, 200);
    } catch (const Error& e) {
      d.set("v", http::EchoForm(in, {"username", "display_name", "role", "scope", "staff_id"}));
      http::SetFormError(d, ctx, e);
      d.set("sent_users", true);  // the message beside the field of this form, not the token form
      return users_page(ctx, d, e.status());
    }
  });
  router.Post("/users/{username}/disable", users_admin, [&svc](Ctx& ctx) {
    svc.DisableUser(ctx.AsActor(), ctx.params["username"]);
    return Response::Redirect("/users");
  });
  router.Post("/tokens", users_admin, [&svc, users_page](Ctx& ctx) {
    Input in = Input::FromForm(ctx.req.body);
    TemplateData d = http::Object();
    try {
      in.AllowOnly({"name", "role", "scope"});
      std::string name = in.ReqStr("name", 40);
      d.set("new_token",
            svc.CreateToken(ctx.AsActor(), name, in.ReqStr("role", 32), in.ReqStr("scope", 32)));
      d.set("new_token_name", name);
      return users_page(ctx, d, 200);
    } catch (const Error& e) {
      d.set("token_error", ctx.Message(e));
      if (!e.field().empty()) d.set("msg_" + e.field(), ctx.Message(e));
      d.set("sent_tokens", true);
      return users_page(ctx, d, e.status());
    }
  });
  router.Post("/tokens/{name}/revoke", users_admin, [&svc](Ctx& ctx) {
    svc.RevokeToken(ctx.AsActor(), ctx.params["name"]);
    return Response::Redirect("/users");
  });
  router.Get("/account", any_user, [&layout](Ctx& ctx) {
    return layout.Page(ctx, "auth/account", http::Object(), ctx.T("auth.account_title"));
  });
  router.Post("/account/password", any_user, [&svc, &layout](Ctx& ctx) {
    Input in = Input::FromForm(ctx.req.body);
    TemplateData d = http::Object();
    try {
      in.AllowOnly({"current", "password"});
      if (ctx.user->token_id) throw Error(gen_errors::kForbidden);
      // The current password must be right: a borrowed open session cannot take over the account.
      svc.CheckCurrentPassword(ctx.AsActor(), in.Str("current", 200, false).value_or(""));
      svc.SetPassword(ctx.AsActor(), ctx.user->username, in.ReqStr("password", 200));
      d.set("changed", true);
      return layout.Page(ctx, "auth/account", d, ctx.T("auth.account_title"));
    } catch (const Error& e) {
      http::SetFormError(d, ctx, e);
      return layout.Page(ctx, "auth/account", d, ctx.T("auth.account_title"), e.status());
    }
  });

  // ---- Audit log ----
  auto audit_query = [](Ctx& ctx) {
    store::AuditQuery q;
    q.entity = ctx.req.Query("entity");
    q.actor = ctx.req.Query("actor");
    q.before_seq = std::atoll(ctx.req.Query("before").c_str());
    q.limit = 50;
    // Those who hold the audit over a root of the tree (the city's administrators: scope "/1/")
    // see every entry, the security events of no commune included; those scoped below it see the
    // entries of the communes they hold.
    bool whole_tree = false;
    for (auto& g : ctx.user->grants)
      if (access::RoleHas(g.role, access::kAuditRead) &&
          std::count(g.scope_path.begin(), g.scope_path.end(), '/') == 2)
        whole_tree = true;
    if (!whole_tree) {
      for (auto& g : ctx.user->grants)
        if (access::RoleHas(g.role, access::kAuditRead)) q.commune_ids.push_back(g.scope_unit_id);
      if (q.commune_ids.empty()) q.commune_ids.push_back(-1);
    }
    return q;
  };
  router.Get("/api/v1/audit", audit_read, [&db, audit_query](Ctx& ctx) {
    store::Conn c = db.Lease();
    json::array arr;
    for (auto& e : store::ListAudit(c, audit_query(ctx))) {
      arr.push_back({{"seq", e.seq},
                     {"at", e.at},
                     {"actor", e.actor},
                     {"action", e.action},
                     {"entity", e.entity},
                     {"entity_id", e.entity_id},
                     {"before", e.before_json ? json::parse(*e.before_json) : json::value(nullptr)},
                     {"after", e.after_json ? json::parse(*e.after_json) : json::value(nullptr)},
                     {"remote_addr", e.remote_addr},
                     {"hash", e.hash}});
    }
    return http::JsonAnswer(json::object{{"items", arr}});
  });
  router.Get("/audit", audit_read, [&db, &layout, audit_query](Ctx& ctx) {
    store::Conn c = db.Lease();
    auto q = audit_query(ctx);
    auto entries = store::ListAudit(c, q);
    TemplateData d = http::Object();
    TemplateData rows = http::List();
    for (auto& e : entries) {
      TemplateData r = http::Object();
      r.set("seq", std::to_string(e.seq));
      // Stored in UTC; shown in Vietnam time (UTC+7).
      auto date = Date::ParseIso(e.at.substr(0, 10));
      int hour = std::atoi(e.at.substr(11, 2).c_str()) + 7;
      if (date && hour >= 24) {
        date = Date::FromDaysSinceEpoch(date->DaysSinceEpoch() + 1);
        hour -= 24;
      }
      r.set("at", (date ? date->ToVn() : e.at) + " " + (hour < 10 ? "0" : "") +
                      std::to_string(hour) + e.at.substr(13, 6));
      r.set("actor", e.actor);
      r.set("action", ctx.T("audit.action." + e.action));
      r.set("entity", ctx.T("audit.entity." + e.entity));
      r.set("entity_id", e.entity_id);
      if (e.before_json) r.set("before", *e.before_json);
      if (e.after_json) r.set("after", *e.after_json);
      r.set("remote_addr", e.remote_addr);
      rows.push_back(r);
    }
    d.set("rows", rows);
    d.set("entity", q.entity);
    d.set("actor", q.actor);
    if (entries.size() == 50) d.set("next_before", std::to_string(entries.back().seq));
    return layout.Page(ctx, "auth/audit", d, ctx.T("audit.title"));
  });
}

}  // namespace kientao::auth
