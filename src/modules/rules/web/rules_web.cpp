#include "modules/rules/web/rules_web.hpp"

#include <boost/json.hpp>

#include "base/clock.hpp"
#include "http/input.hpp"
#include "modules/rules/permissions.hpp"

namespace kientao::rules {

namespace json = boost::json;
using http::Ctx;
using http::TemplateData;

namespace {

// The day asked for (?on=), else today.
Date Day(const Ctx& ctx) {
  std::string on = ctx.req.Query("on");
  if (on.empty()) return clock::Today();
  auto d = Date::Parse(on);
  if (!d) throw Error(gen_errors::kInvalidDate, "on", {{"value", on}});
  return *d;
}

json::object VersionJson(const Version& v) {
  json::array unverified;
  for (auto& u : v.value.unverified)
    unverified.push_back({{"key", u.key}, {"article", u.article}, {"note", u.note}});
  json::object o{{"file", v.meta.file.substr(v.meta.file.rfind('/') + 1)},
                 {"article", v.meta.article},
                 {"verified", v.meta.verified && v.value.unverified.empty()},
                 {"effective_from", v.meta.effective_from.ToIso()},
                 {"effective_to", v.meta.effective_to ? json::value(v.meta.effective_to->ToIso())
                                                      : json::value(nullptr)},
                 {"province", v.value.province},
                 {"unverified", unverified}};
  return o;
}

// One rule set as the page shows it: its versions newest first, the one in force marked.
TemplateData SetView(const Ctx& ctx, const RuleSet<VersionInfo>& s, Date on) {
  TemplateData x = http::Object();
  const Version* now = s.On(on);
  x.set("id", s.id());
  x.set("title", s.versions().back().meta.title);
  x.set("module", ctx.T("rules.module." + s.versions().back().value.module));
  TemplateData versions = http::List();
  for (auto it = s.versions().rbegin(); it != s.versions().rend(); ++it) {
    TemplateData v = http::Object();
    v.set("article", it->meta.article);
    v.set("from", it->meta.effective_from.ToVn());
    if (it->meta.effective_to) v.set("to", it->meta.effective_to->ToVn());
    if (&*it == now) v.set("in_force", true);
    if (it->value.province) v.set("province", true);
    TemplateData unverified = http::List();
    for (auto& u : it->value.unverified) {
      TemplateData m = http::Object();
      m.set("key", u.key == "rule" ? ctx.T("rules.header") : u.key);
      m.set("article", u.article);
      m.set("note", u.note);
      unverified.push_back(m);
    }
    if (!unverified.is_empty_list()) {
      v.set("unverified", unverified);
      v.set("has_unverified", true);
    }
    versions.push_back(v);
  }
  x.set("versions", versions);
  if (!now) x.set("none_in_force", true);
  return x;
}

}  // namespace

void RegisterRulesRoutes(http::Router& router, const Catalog& catalog, const http::Layout& layout) {
  const http::Access read{std::string(access::kRulesRead)};
  router.Get("/api/v1/rules", read, [&catalog](Ctx& ctx) {
    Date on = Day(ctx);
    json::array sets;
    for (auto& s : catalog.sets()) {
      json::array versions;
      for (auto& v : s.versions()) versions.push_back(VersionJson(v));
      const Version* now = s.On(on);
      sets.push_back({{"id", s.id()},
                      {"title", s.versions().back().meta.title},
                      {"module", s.versions().back().value.module},
                      {"in_force", now ? json::value(VersionJson(*now)) : json::value(nullptr)},
                      {"versions", versions}});
    }
    return http::JsonAnswer(json::object{{"on", on.ToIso()}, {"sets", sets}});
  });
  router.Get("/rules", read, [&catalog, &layout](Ctx& ctx) {
    Date on = Day(ctx);
    TemplateData d = http::Object();
    d.set("on", on.ToVn());
    TemplateData sets = http::List();
    int unverified = 0;
    for (auto& s : catalog.sets()) {
      sets.push_back(SetView(ctx, s, on));
      for (auto& v : s.versions()) unverified += static_cast<int>(v.value.unverified.size());
    }
    d.set("sets", sets);
    d.set("unverified_count", std::to_string(unverified));
    return layout.Page(ctx, "rules/rules", d, ctx.T("rules.title"));
  });
}

}  // namespace kientao::rules
