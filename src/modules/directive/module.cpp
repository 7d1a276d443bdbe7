// The directive module's manifest: directives, tasks and the dispatch's ten key tasks.
#include "app/module.hpp"
#include "app/app.hpp"
#include "modules/directive/domain/task_status.hpp"
#include "modules/directive/permissions.hpp"
#include "modules/directive/web/directive_web.hpp"

namespace kientao::app {

namespace {

// The dispatch's key tasks on track at the period's cut-off: done on time or open within the
// deadline, of those with a deadline. At the commune ("directive.key_tasks").
class KeyTaskProvider : public indicator::Provider {
 public:
  std::string Name() const override { return "directive.key_tasks"; }
  std::vector<indicator::UnitValue> Values(store::Conn& c, const indicator::Definition&,
                                           long long commune_id, const Period& p) override {
    Date cut = p.WindowEnd();
    double on_track = 0, with_deadline = 0;
    for (auto& r : c.Query("SELECT deadline, completed_on, stopped FROM tasks WHERE commune_id = "
                           ":1 AND key_no IS NOT NULL AND start_on <= :2",
                           {commune_id, cut.ToIso()})) {
      directive::TaskDates d;
      if (!r.IsNull(0)) d.deadline = Date::ParseIso(r.Str(0));
      if (!r.IsNull(1)) {
        auto done = Date::ParseIso(r.Str(1));
        if (done && *done <= cut) d.completed_on = done;
      }
      d.stopped = r.Int(2) != 0;
      if (!d.deadline || d.stopped) continue;
      ++with_deadline;
      auto s = directive::DeriveStatus(d, cut);
      if (s == directive::TaskStatus::kDoneOnTime || s == directive::TaskStatus::kOpenOnTime)
        ++on_track;
    }
    if (with_deadline == 0) return {};
    return {{commune_id, on_track, with_deadline, cut}};
  }
};

}  // namespace

void LoadDirectiveDemo(App& app, DemoContext& demo);  // demo/demo.cpp

Module DirectiveModule() {
  Module m;
  m.name = "directive";
  m.depends_on = {"org"};
  using namespace access;
  const std::vector<std::string> all = {"admin", "leader",       "office",    "unit_head",
                                        "staff", "village_head", "supervisor"};
  m.permissions = {{std::string(kTaskRead), all},
                   {std::string(kTaskUpdate), {"admin", "office", "unit_head", "staff"}},
                   {std::string(kTaskAssign), {"admin", "leader", "office"}},
                   {std::string(kTaskDelegate), {"admin", "leader", "office", "unit_head"}}};
  m.nav = {{"/my-tasks", "nav.my_tasks", std::string(kTaskRead), 0, 30},
           {"/tasks", "nav.tasks", std::string(kTaskRead), 0, 31},
           {"/directives", "nav.directives", std::string(kTaskRead), 0, 32}};
  m.providers = [](App&, indicator::IndicatorService& ind) {
    ind.RegisterProvider(std::make_unique<KeyTaskProvider>());
  };
  m.routes = [](App& app) {
    directive::RegisterDirectiveRoutes(
        app.router(), app.directives(), app.layout(),
        [&app](const http::Ctx& ctx, int key_no) { return app.KeyTaskIndicators(ctx, key_no); },
        app.ModulePages());
  };
  m.demo = &LoadDirectiveDemo;
  return m;
}

}  // namespace kientao::app
