// The auth module's manifest: accounts, sessions, API tokens and the audit log's pages.
#include "app/module.hpp"
#include "app/app.hpp"
#include "modules/auth/permissions.hpp"
#include "modules/auth/web/auth_web.hpp"

namespace kientao::app {

void LoadAuthDemo(App& app, DemoContext& demo);  // demo/demo.cpp

Module AuthModule() {
  Module m;
  m.name = "auth";
  m.depends_on = {"org"};
  using namespace access;
  m.permissions = {{std::string(kUsersAdmin), {"admin"}},
                   {std::string(kAuditRead), {"admin", "office"}}};
  m.nav = {{"/users", "nav.users", std::string(kUsersAdmin), 0, 90},
           {"/audit", "nav.audit", std::string(kAuditRead), 0, 91}};
  m.routes = [](App& app) {
    auth::AuthWebOptions opts{
        app.config().secure_cookies, [&app](const Actor& a) {
          std::vector<auth::StaffOption> out;
          for (auto& r : app.org().ListStaff(a, {})->rows)
            out.push_back({r.staff.id, r.staff.full_name + " — " + r.unit_name});
          return out;
        }};
    auth::RegisterAuthRoutes(app.router(), app.auth(), app.db(), app.layout(), opts);
  };
  m.demo = &LoadAuthDemo;
  return m;
}

}  // namespace kientao::app
