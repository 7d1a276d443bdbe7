#include "http/layout.hpp"

#include "base/clock.hpp"

namespace kientao::http {

namespace {
// "nav.home" = "…" becomes t → nav → home, so templates write {{t.nav.home}}.
void Insert(TemplateData& root, const std::string& key, const std::string& value) {
  auto dot = key.find('.');
  if (dot == std::string::npos) {
    root.set(key, value);
    return;
  }
  std::string head = key.substr(0, dot);
  TemplateData* child = root.get(head) ? const_cast<TemplateData*>(root.get(head)) : nullptr;
  if (!child || !child->is_object()) {
    root.set(head, Object());
    child = const_cast<TemplateData*>(root.get(head));
  }
  Insert(*child, key.substr(dot + 1), value);
}
}  // namespace

void Layout::Prepare() {
  for (std::string lang : {"vi", "en"}) {
    TemplateData t = Object();
    // Error codes ("ORG-1002") contain no dots; keep them flat.
    for (auto& [k, v] : i18n_.All(lang)) Insert(t, k, v);
    catalogues_[lang] = std::move(t);
  }
}

const TemplateData& Layout::Catalogue(const std::string& lang) const {
  auto it = catalogues_.find(lang);
  return it == catalogues_.end() ? catalogues_.at("vi") : it->second;
}

void Layout::AddCommon(const Ctx& ctx, TemplateData& data) const {
  data.set("t", Catalogue(ctx.lang));
  data.set("lang", ctx.lang);
  data.set(ctx.lang == "en" ? "lang_en" : "lang_vi", true);
  if (ctx.user) {
    TemplateData u = Object();
    u.set("name", ctx.user->display_name);
    u.set("username", ctx.user->username);
    data.set("user", u);
    data.set("csrf", MaskCsrf(ctx.user->csrf_token));  // masked afresh on every page (BREACH)
  }
}

std::string Layout::Fragment(const Ctx& ctx, const std::string& name, TemplateData data) const {
  AddCommon(ctx, data);
  return templates_.Render(name, data);
}

Response Layout::Page(const Ctx& ctx, const std::string& name, TemplateData data,
                      const std::string& title, int status) const {
  AddCommon(ctx, data);
  TemplateData shell = Object();
  AddCommon(ctx, shell);
  shell.set("body", templates_.Render(name, data));
  shell.set("title", title);
  shell.set("site_name", site_name_ ? site_name_(ctx.user) : std::string("kientao"));
  if (const auto& pinned = clock::Current().pinned()) {
    shell.set("clock_pinned",
              i18n_.Format(ctx.lang, "shell.clock_pinned", {{"day", pinned->ToVn()}}));
    shell.set("clock_pinned_iso", pinned->ToIso());
  }
  if (ctx.user) {
    TemplateData tasks = List(), admin = List();
    bool exact_match = false;
    for (const NavItem& n : nav_) exact_match = exact_match || ctx.req.path == n.href;
    for (const NavItem& n : nav_) {
      if (!n.permission.empty() && !(authorize_ && authorize_(*ctx.user, n.permission))) continue;
      TemplateData item = Object();
      item.set("href", n.href);
      item.set("label", i18n_.Get(ctx.lang, n.label_key));
      if (n.task) item.set("task", std::to_string(n.task));
      if (!n.built) item.set("not_built", true);
      // The entry for this very page is active; failing one, the entry whose section holds the
      // page.
      bool active = ctx.req.path == n.href ||
                    (!exact_match && n.href != "/" && ctx.req.path.rfind(n.href + "/", 0) == 0);
      if (active) item.set("active", true);
      (n.task ? tasks : admin).push_back(item);
    }
    shell.set("nav_tasks", tasks);
    shell.set("nav_admin", admin);
  }
  Response r = Response::Html(templates_.Render("layout", shell), status);
  r.SetHeader("Cache-Control", "no-store");
  r.SetHeader("X-Frame-Options", "DENY");
  r.SetHeader("X-Content-Type-Options", "nosniff");
  r.SetHeader("Content-Security-Policy",
              "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
              "script-src 'self'");
  return r;
}

}  // namespace kientao::http
