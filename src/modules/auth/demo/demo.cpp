// The demo's accounts: one per role, all with the password DemoPassword().
#include "app/app.hpp"
#include "app/demo_data.hpp"
#include "app/module.hpp"

namespace kientao::app {

namespace {

struct AccountSpec {
  const char* username;
  const char* display;
  const char* role;
  const char* scope;
  const char* staff_name;  // linked staff member, or nullptr
};

const AccountSpec kAccounts[] = {
    {"quantri", "Quản trị hệ thống", "admin", "HP", nullptr},
    {"chutich", "Nguyễn Phú Trung", "leader", "LP", "Nguyễn Phú Trung"},
    {"vanphong", "Phạm Thị Lan", "office", "LP", "Phạm Thị Lan"},
    {"truongphong", "Trịnh Thị Loan", "unit_head", "LP-KT", "Trịnh Thị Loan"},
    {"congchuc", "Phan Thị Thảo", "staff", "LP-KT", "Phan Thị Thảo"},
    // A one-stop clerk: enters dossiers at the counter; her KPI page shows the dossiers she
    // handled.
    {"motcua", "Tô Thị Bích", "staff", "LP-TTHCC", "Tô Thị Bích"},
    {"truongthon", "Nguyễn Văn Chiến", "village_head", "LP-T01", "Nguyễn Văn Chiến"},
    {"giamsat", "Sở Nội vụ thành phố", "supervisor", "HP", nullptr},
};

}  // namespace

void LoadAuthDemo(App& app, DemoContext& demo) {
  for (const AccountSpec& a : kAccounts) {
    auth::NewUser u{a.username,     a.display,
                    DemoPassword(), a.staff_name ? demo.staff_ids.at(a.staff_name) : 0,
                    a.role,         a.scope};
    app.auth().CreateUser(demo.actor, u);
    demo.accounts.push_back({a.username, DemoPassword(), a.role, a.scope});
  }
}

}  // namespace kientao::app
