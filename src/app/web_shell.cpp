// The shell's own routes: dashboard, the ten task pages, /healthz and /metrics.
#include "app/app.hpp"
#include "base/access.hpp"
#include "modules/directive/web/directive_web.hpp"

namespace kientao::app {

namespace {
constexpr int kTasks = 10;
// Modules of the dispatch's tasks that are built so far; the others' pages say plainly they are
// not.
bool TaskBuilt(int) { return false; }
}  // namespace

void App::RegisterShellRoutes() {
  const http::Access any_user{"login"};
  router_.Get("/healthz", http::Access{"", false}, [this](http::Ctx&) {
    store::Conn c = db_->Lease();
    c.QueryOne("SELECT 1");
    return http::Response::Json("{\"status\":\"ok\"}");
  });
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

  for (int i = 1; i <= kTasks; ++i)
    layout_.AddNav({"/tasks/" + std::to_string(i), "task." + std::to_string(i) + ".short", "", i,
                    TaskBuilt(i)});
  layout_.AddNav({"/", "nav.dashboard", "", 0, true});
  layout_.AddNav({"/org", "nav.org", std::string(access::kOrgRead), 0, true});
  layout_.AddNav({"/staff", "nav.staff", std::string(access::kStaffRead), 0, true});
  layout_.AddNav({"/tasks", "nav.tasks", std::string(access::kTaskRead), 0, true});
  layout_.AddNav({"/periods", "nav.periods", "", 0, true});
  layout_.AddNav({"/users", "nav.users", std::string(access::kUsersAdmin), 0, true});
  layout_.AddNav({"/audit", "nav.audit", std::string(access::kAuditRead), 0, true});

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
    http::TemplateData tasks = http::List();
    long overdue = 0;
    auto key_tasks = directives_->KeyTasks(actor, Date::Today());
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
    d.set("overdue", std::to_string(overdue));
    if (overdue) d.set("has_overdue", true);
    d.set("tasks", tasks);
    d.set("today", Date::Today().ToVn());
    return layout_.Page(ctx, "shell/dashboard", d, ctx.T("nav.dashboard"));
  });
}

}  // namespace kientao::app
