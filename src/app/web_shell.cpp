// The shell's own routes: dashboard, the ten task pages, /healthz and /metrics.
#include "app/app.hpp"
#include "base/access.hpp"
#include "base/clock.hpp"
#include "modules/auth/permissions.hpp"
#include "modules/directive/web/directive_web.hpp"
#include "modules/org/permissions.hpp"
#include "modules/reporting/permissions.hpp"
#include "modules/reporting/web/report_web.hpp"

#include <cmath>

#include <boost/json.hpp>

namespace kientao::app {

namespace {
constexpr int kTasks = 10;
}  // namespace

void App::RegisterShellRoutes() {
  const http::Access any_user{"login"};
  router_.Get("/healthz", http::Access{"", false}, [this](http::Ctx&) {
    store::Conn c = db_->Lease();
    c.QueryOne("SELECT 1");
    return http::Response::Json("{\"status\":\"ok\"}");
  });
  // The service worker that keeps report forms working offline, allowed to control every page.
  router_.Get("/sw.js", http::Access{"", false}, [this](http::Ctx& ctx) {
    http::Request r = ctx.req;
    r.path = "/static/app/sw.js";
    auto resp = static_files_.Serve(r);
    if (!resp) throw Error(gen_errors::kNotFound);
    resp->SetHeader("Service-Worker-Allowed", "/");
    resp->SetHeader("Cache-Control", "no-cache");
    return *resp;
  });
  // The API's description (http/openapi.hpp): public, like any API's documentation.
  router_.Get("/api/v1/openapi.json", http::Access{"", false},
              [this](http::Ctx&) { return http::Response::Json(openapi_json_); });
  router_.Get("/metrics", http::Access{"", false}, [this](http::Ctx& ctx) {
    // Scrapers on the machine itself, or an administrator.
    bool local = ctx.req.remote_addr == "127.0.0.1" || ctx.req.remote_addr == "::1" ||
                 ctx.req.remote_addr.empty();
    if (!local) {
      auto p = Authenticate(ctx.req);
      if (!p || !access::HasPermission(*p, access::kUsersAdmin))
        throw Error(gen_errors::kForbidden);
    }
    http::Response r = http::Response::Text(metrics_.Render());
    r.content_type = "text/plain; version=0.0.4; charset=utf-8";
    return r;
  });

  // The ten tasks' pages (a task whose registry no module runs yet says so), the dashboard, then
  // every module's entries by weight.
  for (int i = 1; i <= kTasks; ++i)
    layout_.AddNav({"/tasks/" + std::to_string(i), "task." + std::to_string(i) + ".short", "", i,
                    TaskBuilt(i)});
  layout_.AddNav({"/", "nav.dashboard", "", 0, true});
  std::vector<NavEntry> entries;
  for (const Module& m : modules_) entries.insert(entries.end(), m.nav.begin(), m.nav.end());
  std::stable_sort(entries.begin(), entries.end(),
                   [](const NavEntry& a, const NavEntry& b) { return a.weight < b.weight; });
  for (const NavEntry& e : entries) layout_.AddNav({e.href, e.label_key, e.permission, 0, true});

  router_.Get("/", any_user, [this](http::Ctx& ctx) {
    http::TemplateData d = http::Object();
    org::StaffFilter f;
    Actor actor{*ctx.user, ctx.user->username, ctx.req.remote_addr};
    auto units = org_->ListUnits(actor, false);
    long villages = 0, offices = 0;
    for (auto& u : units) {
      if (u.kind == org::OrgKind::kVillage || u.kind == org::OrgKind::kResidentialGroup) ++villages;
      if (u.kind == org::OrgKind::kOffice || u.kind == org::OrgKind::kCentre) ++offices;
    }
    d.set("villages", std::to_string(villages));
    d.set("offices", std::to_string(offices));
    if (access::HasPermission(*ctx.user, access::kStaffRead)) {
      auto staff = org_->ListStaff(actor, f);
      std::map<org::StaffCategory, int> by_cat;
      for (auto& s : staff->rows) ++by_cat[s.staff.category];
      http::TemplateData cats = http::List();
      for (auto c : org::AllCategories()) {
        http::TemplateData o = http::Object();
        o.set("label", ctx.T("org.category." + std::string(org::CategoryCode(c))));
        o.set("count", std::to_string(by_cat[c]));
        cats.push_back(o);
      }
      d.set("staff_count", std::to_string(staff->rows.size()));
      d.set("categories", cats);
      d.set("can_read_staff", true);
    }
    std::vector<http::TemplateData> tasks;
    long overdue = 0;
    auto key_tasks = directives_->KeyTasks(actor, clock::Today());
    for (int i = 1; i <= kTasks; ++i) {
      http::TemplateData t = http::Object();
      if (auto it = key_tasks.find(i); it != key_tasks.end()) {
        const directive::TaskView& v = it->second;
        t = directive::StatusData(ctx, v);
        t.set("lead", v.row.lead_unit_name);
        if (v.days_overdue) ++overdue;
      } else if (!TaskBuilt(i)) {
        t.set("not_built", true);
      }
      t.set("n", std::to_string(i));
      t.set("title", ctx.T("task." + std::to_string(i) + ".title"));
      tasks.push_back(t);
    }
    http::TemplateData task_list = http::List();
    if (access::HasPermission(*ctx.user, access::kReportRead)) AddReportData(ctx, actor, d, tasks);
    d.set("overdue", std::to_string(overdue));
    if (overdue) d.set("has_overdue", true);
    for (auto& t : tasks) task_list.push_back(t);
    d.set("tasks", task_list);
    d.set("today", clock::Today().ToVn());
    return layout_.Page(ctx, "shell/dashboard", d, ctx.T("nav.dashboard"));
  });
}

void App::AddReportData(const http::Ctx& ctx, const Actor& actor, http::TemplateData& d,
                        std::vector<http::TemplateData>& tasks) {
  long long commune = reports_->ActorCommune(actor);
  if (!commune) return;
  Date today = clock::Today();
  Period last = reporting::DefaultPeriod(PeriodType::kMonth, today);
  std::vector<Period> periods = {reporting::PreviousPeriod(reporting::PreviousPeriod(last)),
                                 reporting::PreviousPeriod(last), last};
  std::vector<std::vector<reporting::IndicatorLine>> by_period;
  try {
    for (auto& p : periods)
      by_period.push_back(reports_->CommuneIndicators(actor, commune, p.Id()));
  } catch (const Error& e) {
    // Users scoped to one unit or village see their own reports below, not the commune's figures.
    if (e.code() != gen_errors::kOutOfScope.code) throw;
    by_period.assign(periods.size(), {});
  }
  const auto& now = by_period.back();
  auto fmt_value = [](const reporting::IndicatorLine& l, std::optional<double> v) {
    if (!v) return std::string("—");
    return reporting::VnNumber(*v, 1) +
           (l.def.kind == indicator::Kind::kPercent ? "%" : " " + l.def.unit);
  };
  // Each card: the task's main indicator this period (one with a target first, a percent before a
  // count), its target and its trend.
  for (size_t n = 1; n <= tasks.size(); ++n) {
    int best = -1, best_score = -1;
    for (size_t i = 0; i < now.size(); ++i) {
      const auto& l = now[i];
      if (l.def.key_no != static_cast<int>(n) || !l.value) continue;
      int score = (l.target ? 2 : 0) + (l.def.kind == indicator::Kind::kPercent ? 1 : 0);
      if (score > best_score) best = static_cast<int>(i), best_score = score;
    }
    if (best < 0) continue;
    {
      size_t i = static_cast<size_t>(best);
      const auto& l = now[i];
      http::TemplateData& t = tasks[n - 1];
      t.set("indicator", ctx.lang == "en" ? l.def.name_en : l.def.name_vi);
      t.set("indicator_value", fmt_value(l, l.value));
      if (l.target) {
        t.set("indicator_target", fmt_value(l, l.target));
        bool met = indicator::MeetsTarget(l.def, *l.value, *l.target);
        t.set(met ? "indicator_met" : "indicator_not_met", true);
      }
      std::string trend;
      for (auto& lines : by_period)
        trend += (trend.empty() ? "" : " → ") + fmt_value(lines[i], lines[i].value);
      t.set("indicator_trend", trend);
    }
  }
  // The chart and its table: every percent indicator of the period.
  boost::json::array names, values, targets, value_texts;
  http::TemplateData rows = http::List();
  for (const auto& l : now) {
    if (l.def.kind != indicator::Kind::kPercent) continue;
    std::string name = ctx.lang == "en" ? l.def.name_en : l.def.name_vi;
    names.push_back(boost::json::value(name));
    values.push_back(l.value ? boost::json::value(std::round(*l.value * 10) / 10)
                             : boost::json::value(nullptr));
    targets.push_back(l.target ? boost::json::value(*l.target) : boost::json::value(nullptr));
    // The bar's label exactly as the cards and the table write it ("77,4%").
    value_texts.push_back(boost::json::value(fmt_value(l, l.value)));
    http::TemplateData r = http::Object();
    r.set("task", l.def.key_no ? std::to_string(l.def.key_no) : "—");
    r.set("name", name);
    r.set("value", fmt_value(l, l.value));
    r.set("target", l.target ? fmt_value(l, l.target) : "—");
    rows.push_back(r);
  }
  boost::json::object chart{{"names", names},
                            {"values", values},
                            {"targets", targets},
                            {"valueTexts", value_texts},
                            {"valueLabel", ctx.T("report.value")},
                            {"targetLabel", ctx.T("report.target")}};
  if (!names.empty()) d.set("chart", boost::json::serialize(chart));
  d.set("indicator_rows", rows);
  d.set("period_label", ctx.lang == "en" ? last.LabelEn() : last.LabelVi());
  d.set("period", last.Id());
  // Reports missing for the period, form by form.
  http::TemplateData missing = http::List();
  long total_missing = 0;
  for (auto& f : reports_->Forms(actor)) {
    if (f.period_type != PeriodType::kMonth) continue;
    auto st = reports_->Status(actor, f.id, last.Id());
    http::TemplateData m = http::Object();
    m.set("form_id", std::to_string(f.id));
    m.set("form", f.name);
    m.set("received", std::to_string(st.completeness.received));
    m.set("expected", std::to_string(st.completeness.expected));
    m.set("missing", std::to_string(st.completeness.missing.size()));
    if (!st.completeness.missing.empty()) m.set("has_missing", true);
    m.set("deadline", st.deadline.ToVn());
    total_missing += static_cast<long>(st.completeness.missing.size());
    missing.push_back(m);
  }
  d.set("report_forms", missing);
  d.set("reports_missing", std::to_string(total_missing));
  d.set("has_reports", true);
}

}  // namespace kientao::app
