// The permission table: for every route the server has, which roles may call it. A route added
// without a row here fails the test, so every route's access is decided on purpose.
#include <map>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

#include "base/access.hpp"
#include "base/clock.hpp"
#include "modules/reporting/web/report_web.hpp"
#include "tests/integration/app_fixture.hpp"
#include "tests/support/watchdog.hpp"

namespace kientao::testing {

namespace {

const std::set<std::string> kAll = {"admin", "leader",       "office",    "unit_head",
                                    "staff", "village_head", "supervisor"};
const std::set<std::string> kPublic = {"*public*"};
const std::set<std::string> kOrgWrite = {"admin", "office"};
const std::set<std::string> kStaffRead = {"admin",     "leader", "office",
                                          "unit_head", "staff",  "supervisor"};
const std::set<std::string> kStaffFull = {"admin", "office"};
const std::set<std::string> kStaffWrite = {"admin", "office", "unit_head"};
const std::set<std::string> kAdminOnly = {"admin"};
const std::set<std::string> kTaskUpdate = {"admin", "office", "unit_head", "staff"};
const std::set<std::string> kTaskAssign = {"admin", "office", "leader"};
const std::set<std::string> kDelegate = {"admin", "office", "leader", "unit_head"};
const std::set<std::string> kReportSubmit = {"admin", "office", "unit_head", "staff",
                                             "village_head"};
const std::set<std::string> kReportApprove = {"admin", "office"};
const std::set<std::string> kCity = {"admin", "supervisor"};
const std::set<std::string> kKpiRead = {"admin", "leader", "office", "unit_head", "supervisor"};
const std::set<std::string> kKpiReview = {"admin", "leader", "unit_head"};
const std::set<std::string> kKpiRate = {"admin", "leader"};
const std::set<std::string> kStaffingPlan = {"admin", "leader", "office"};
const std::set<std::string> kHouseholdRead = {"admin", "leader", "office", "village_head",
                                              "supervisor"};
const std::set<std::string> kHouseholdWrite = {"admin", "office", "village_head"};

struct Row {
  std::set<std::string> roles;
  std::string
      body;  // a body that is refused or harmless, so allowed calls change nothing that matters
};

// "METHOD pattern" → who may call it. Ids are ones that do not exist (999999), so an allowed call
// answers 404/422 and a refused one 403.
const std::map<std::string, Row>& Table() {
  static const std::map<std::string, Row> kTable = {
      {"GET /healthz", {kPublic, ""}},
      {"GET /sw.js", {kPublic, ""}},
      {"GET /metrics", {kAdminOnly, ""}},  // and anyone on the machine itself (see below)
      {"GET /login", {kPublic, ""}},
      {"POST /login", {kPublic, ""}},
      {"GET /lang/{lang}", {kPublic, ""}},
      {"POST /api/v1/session", {kPublic, ""}},
      {"GET /api/v1/openapi.json", {kPublic, ""}},
      {"GET /", {kAll, ""}},
      {"GET /tasks/{n}", {kAll, ""}},
      {"GET /api/v1/me", {kAll, ""}},
      {"GET /api/v1/periods", {kAll, ""}},
      {"GET /rules", {kAll, ""}},
      {"GET /api/v1/rules", {kAll, ""}},
      {"GET /api/v1/directives", {kAll, ""}},
      {"GET /api/v1/directives/{id}", {kAll, ""}},
      {"GET /directives/{id}", {kAll, ""}},
      {"GET /api/v1/tasks", {kAll, ""}},
      {"GET /tasks", {kAll, ""}},
      {"POST /api/v1/directives/{id}/tasks", {kTaskAssign, "{}"}},
      {"POST /directives/{id}/tasks", {kTaskAssign, "{}"}},
      {"GET /api/v1/tasks/{id}", {kAll, ""}},
      {"POST /api/v1/tasks/{id}/updates", {kTaskUpdate, "{}"}},
      {"POST /tasks/{n}/updates", {kTaskUpdate, "{}"}},
      {"POST /api/v1/tasks/{id}/evidence", {kTaskUpdate, "{}"}},
      {"GET /api/v1/tasks/{id}/evidence", {kAll, ""}},
      {"GET /evidence/{id}", {kAll, ""}},
      {"GET /directive-files/{id}", {kAll, ""}},
      {"POST /api/v1/directives/{id}/attachments", {kTaskAssign, "{}"}},
      {"POST /directives/{id}/attachments", {kTaskAssign, "{}"}},
      {"POST /tasks/{n}/evidence", {kTaskUpdate, "{}"}},
      {"POST /api/v1/tasks/{id}/subtasks", {kDelegate, "{}"}},
      {"POST /api/v1/tasks/{id}/stop", {kTaskAssign, "{}"}},
      {"POST /api/v1/tasks/{id}/deadline", {kTaskAssign, "{}"}},
      {"POST /api/v1/directives", {kTaskAssign, "{}"}},
      {"GET /directives", {kAll, ""}},
      {"POST /directives", {kTaskAssign, "{}"}},
      {"GET /my-tasks", {kAll, ""}},
      {"POST /tasks/{n}/subtasks", {kDelegate, "{}"}},
      {"POST /tasks/{n}/stop", {kTaskAssign, "{}"}},
      {"POST /tasks/{n}/deadline", {kTaskAssign, "{}"}},
      {"GET /api/v1/periods/{id}", {kAll, ""}},
      {"GET /periods", {kAll, ""}},
      {"GET /account", {kAll, ""}},
      {"POST /account/password", {kAll, "current=wrong-password&password=x"}},
      {"POST /logout", {kAll, ""}},
      {"DELETE /api/v1/session", {kAll, ""}},
      {"GET /api/v1/org-units", {kAll, ""}},
      {"GET /api/v1/org-units/{id}", {kAll, ""}},
      {"GET /org", {kAll, ""}},
      {"GET /org/{id}", {kAll, ""}},
      {"POST /api/v1/org-units", {kOrgWrite, "{}"}},
      {"PATCH /api/v1/org-units/{id}", {kOrgWrite, "{}"}},
      {"POST /api/v1/org-units/{id}/deactivate", {kOrgWrite, "{}"}},
      {"GET /org/new", {kOrgWrite, ""}},
      {"POST /org", {kOrgWrite, "{}"}},
      {"GET /org/{id}/edit", {kOrgWrite, ""}},
      {"POST /org/{id}", {kOrgWrite, "{}"}},
      {"POST /org/{id}/deactivate", {kOrgWrite, "{}"}},
      {"GET /api/v1/staff", {kStaffRead, ""}},
      {"GET /api/v1/staff/{id}", {kStaffRead, ""}},
      {"GET /staff", {kStaffRead, ""}},
      {"GET /staff/{id}", {kStaffRead, ""}},
      {"GET /api/v1/staff/{id}/citizen-id", {kStaffFull, ""}},
      {"POST /staff/{id}/citizen-id", {kStaffFull, ""}},
      {"POST /api/v1/staff", {kStaffWrite, "{}"}},
      {"PATCH /api/v1/staff/{id}", {kStaffWrite, "{}"}},
      {"POST /api/v1/staff/{id}/deactivate", {kStaffWrite, "{}"}},
      {"GET /staff/new", {kStaffWrite, ""}},
      {"POST /staff", {kStaffWrite, "{}"}},
      {"GET /staff/{id}/edit", {kStaffWrite, ""}},
      {"POST /staff/{id}", {kStaffWrite, "{}"}},
      {"POST /staff/{id}/deactivate", {kStaffWrite, "{}"}},
      {"GET /api/v1/staff/export", {kStaffFull, ""}},
      {"POST /api/v1/staff/import", {kStaffFull, ""}},
      // services: the dossier register (read: kStaffRead's roles; the counter: kTaskUpdate's;
      // import and full citizen IDs: the office).
      {"GET /api/v1/services/procedures", {kStaffRead, ""}},
      {"POST /api/v1/services/procedures/import", {kStaffFull, ""}},
      {"POST /api/v1/services/dossiers/import", {kStaffFull, ""}},
      {"GET /api/v1/services/dossiers", {kStaffRead, ""}},
      {"POST /api/v1/services/dossiers", {kTaskUpdate, "{}"}},
      {"GET /api/v1/services/dossiers/{id}", {kStaffRead, ""}},
      {"GET /api/v1/services/dossiers/{id}/citizen-id", {kStaffFull, ""}},
      {"POST /api/v1/services/dossiers/{id}/return", {kTaskUpdate, "{}"}},
      {"POST /api/v1/services/dossiers/{id}/steps", {kTaskUpdate, "{}"}},
      {"GET /api/v1/services/stats", {kStaffRead, ""}},
      {"GET /api/v1/services/index766", {kStaffRead, ""}},
      {"GET /services/766", {kStaffRead, ""}},
      {"GET /services", {kStaffRead, ""}},
      {"GET /services/dossiers", {kStaffRead, ""}},
      {"GET /services/dossiers.xlsx", {kStaffRead, ""}},
      {"GET /services/stats.xlsx", {kStaffRead, ""}},
      {"GET /services/dossiers/new", {kTaskUpdate, ""}},
      {"POST /services/dossiers", {kTaskUpdate, ""}},
      {"GET /services/dossiers/{id}", {kStaffRead, ""}},
      {"POST /services/dossiers/{id}/return", {kTaskUpdate, ""}},
      {"POST /services/dossiers/{id}/steps", {kTaskUpdate, ""}},
      {"GET /services/dossiers/{id}/slip", {kStaffRead, ""}},
      {"GET /services/dossiers/{id}/slip.docx", {kStaffRead, ""}},
      {"GET /services/dossiers/{id}/slip.pdf", {kStaffRead, ""}},
      {"GET /services/dossiers/{id}/notices/{n}", {kStaffRead, ""}},
      {"GET /tra-cuu/{token}", {kPublic, ""}},
      {"POST /services/dossiers/{id}/citizen-id", {kStaffFull, ""}},
      {"GET /services/procedures", {kStaffRead, ""}},
      {"GET /services/import", {kStaffFull, ""}},
      {"POST /services/import", {kStaffFull, ""}},
      {"POST /services/import/mapping", {kStaffFull, ""}},
      {"GET /api/v1/services/import-mappings", {kStaffFull, ""}},
      {"POST /api/v1/services/import-mappings", {kStaffFull, "{}"}},
      // sipas: the satisfaction survey (read: kStaffRead's roles; paper and tablets: the office;
      // the answers themselves: public, the signed link or the tablet is the permission).
      {"GET /api/v1/sipas/questionnaires", {kStaffRead, ""}},
      {"GET /api/v1/sipas/indices", {kStaffRead, ""}},
      {"POST /api/v1/sipas/answers", {kPublic, "{}"}},
      {"POST /api/v1/sipas/paper", {kStaffFull, "{}"}},
      {"GET /khao-sat/{token}", {kPublic, ""}},
      {"POST /khao-sat/{token}", {kPublic, ""}},
      {"GET /khao-sat/quay/{token}", {kPublic, ""}},
      {"POST /khao-sat/quay/{token}", {kPublic, ""}},
      {"GET /sipas", {kStaffRead, ""}},
      {"GET /sipas/paper", {kStaffFull, ""}},
      {"POST /sipas/paper", {kStaffFull, ""}},
      {"GET /sipas/kiosks", {kStaffFull, ""}},
      {"POST /sipas/kiosks", {kStaffFull, ""}},
      {"POST /sipas/kiosks/{id}/active", {kStaffFull, ""}},
      {"GET /sipas/answers.xlsx", {kStaffRead, ""}},
      {"GET /sipas/report.docx", {kStaffRead, ""}},
      // poverty: the standards and the calculators on them (no household's data): everyone
      {"GET /api/v1/poverty/standards", {kAll, ""}},
      {"POST /api/v1/poverty/classify", {kAll, "{}"}},
      {"POST /api/v1/poverty/measures", {kAll, "{}"}},
      {"GET /poverty", {kAll, ""}},
      // the household registry (personal data): read in scope; entered by the office and village
      // heads
      {"GET /api/v1/poverty/households", {kHouseholdRead, ""}},
      {"GET /api/v1/poverty/households/{id}", {kHouseholdRead, ""}},
      {"POST /api/v1/poverty/households", {kHouseholdWrite, "{}"}},
      {"GET /poverty/households", {kHouseholdRead, ""}},
      {"GET /staff/import", {kStaffFull, ""}},
      {"POST /staff/import", {kStaffFull, ""}},
      {"GET /staff/export.csv", {kStaffFull, ""}},
      {"GET /api/v1/users", {kAdminOnly, ""}},
      {"POST /api/v1/users", {kAdminOnly, "{}"}},
      {"POST /api/v1/users/{username}/disable", {kAdminOnly, ""}},
      {"GET /api/v1/tokens", {kAdminOnly, ""}},
      {"POST /api/v1/tokens", {kAdminOnly, "{}"}},
      {"POST /api/v1/tokens/{name}/revoke", {kAdminOnly, ""}},
      {"GET /users", {kAdminOnly, ""}},
      {"POST /users", {kAdminOnly, "{}"}},
      {"POST /users/{username}/disable", {kAdminOnly, ""}},
      {"POST /tokens", {kAdminOnly, "{}"}},
      {"POST /tokens/{name}/revoke", {kAdminOnly, ""}},
      {"GET /api/v1/audit", {kStaffFull, ""}},
      {"GET /audit", {kStaffFull, ""}},
      {"GET /api/v1/staffing/retirement", {kAll, ""}},
      {"GET /api/v1/staffing/retirements", {kStaffRead, ""}},
      {"GET /staffing", {kStaffRead, ""}},
      {"GET /staffing/plan.xlsx", {kStaffRead, ""}},
      {"GET /api/v1/staffing/plan", {kStaffRead, ""}},
      {"POST /api/v1/staffing/quotas", {kOrgWrite, "{}"}},
      {"POST /staffing/quotas", {kOrgWrite, "{}"}},
      {"GET /api/v1/indicators", {kAll, ""}},
      {"GET /api/v1/report-forms", {kAll, ""}},
      {"GET /api/v1/report-forms/{id}/status", {kAll, ""}},
      {"POST /api/v1/report-forms/{id}/reminders", {kReportApprove, "{}"}},
      {"GET /api/v1/reports", {kAll, ""}},
      {"POST /api/v1/reports/save", {kReportSubmit, "{}"}},
      {"POST /api/v1/reports/submit", {kReportSubmit, "{}"}},
      {"GET /api/v1/reports/{id}", {kAll, ""}},
      {"POST /api/v1/reports/{id}/return", {kReportApprove, "{}"}},
      {"POST /api/v1/reports/{id}/approve", {kReportApprove, "{}"}},
      {"POST /api/v1/reports/{id}/reopen", {kReportSubmit, "{}"}},
      {"GET /api/v1/communes/{id}/indicators", {kAll, ""}},
      {"POST /api/v1/communes/{id}/reports", {kReportApprove, "{}"}},
      {"GET /api/v1/commune-reports/{id}", {kAll, ""}},
      {"POST /api/v1/commune-reports/{id}", {kReportApprove, "{}"}},
      {"POST /api/v1/commune-reports/{id}/issue", {kReportApprove, "{}"}},
      {"GET /commune-reports/{id}/docx", {kAll, ""}},
      {"GET /commune-reports/{id}/xlsx", {kAll, ""}},
      {"GET /commune-reports/{id}/pdf", {kAll, ""}},
      {"GET /reports", {kAll, ""}},
      {"GET /reports/{form}/{period}", {kAll, ""}},
      {"POST /report-forms/{id}/remind", {kReportApprove, "{}"}},
      {"GET /reports/{form}/{period}/{unit}", {kAll, ""}},
      {"POST /reports/{form}/{period}/{unit}", {kReportSubmit, "{}"}},
      {"POST /submissions/{id}/approve", {kReportApprove, "{}"}},
      {"POST /submissions/{id}/return", {kReportApprove, "{}"}},
      {"POST /submissions/{id}/reopen", {kReportSubmit, "{}"}},
      {"GET /commune-reports", {kAll, ""}},
      {"POST /commune-reports", {kReportApprove, "{}"}},
      {"POST /commune-reports/{id}", {kReportApprove, "{}"}},
      {"POST /commune-reports/{id}/issue", {kReportApprove, "{}"}},
      {"GET /api/v1/commune-reports/{id}/package", {kAll, ""}},
      {"GET /api/v1/commune-reports/{id}/adx", {kAll, ""}},
      {"POST /api/v1/city/packages", {kAdminOnly, "{}"}},
      {"GET /api/v1/city", {kCity, ""}},
      {"GET /city", {kCity, ""}},
      {"POST /api/v1/indicators", {kAdminOnly, "{}"}},
      {"POST /api/v1/indicator-rules", {kAdminOnly, "{}"}},
      {"POST /api/v1/indicators/{code}/targets", {kReportApprove, "{}"}},
      {"POST /api/v1/report-forms", {kReportApprove, "{}"}},
      {"GET /indicators", {kAll, ""}},
      {"POST /indicators", {kAdminOnly, "{}"}},
      {"DELETE /api/v1/indicator-rules/{id}", {kAdminOnly, ""}},
      {"POST /indicator-rules/{id}/delete", {kAdminOnly, "{}"}},
      {"POST /indicator-rules", {kAdminOnly, "{}"}},
      {"POST /indicators/{code}/targets", {kReportApprove, "{}"}},
      {"GET /report-forms/new", {kReportApprove, ""}},
      {"POST /report-forms", {kReportApprove, "{}"}},
      {"GET /api/v1/kpi/me", {kAll, ""}},
      {"GET /api/v1/kpi/staff/{id}", {kAll, ""}},
      {"GET /api/v1/kpi/units/{id}/products", {kAll, ""}},
      {"POST /api/v1/kpi/products", {kKpiReview, "{}"}},
      {"POST /api/v1/kpi/units/{id}/period-kind", {kKpiReview, "{}"}},
      {"POST /api/v1/kpi/assignments", {kKpiReview, "{}"}},
      {"POST /api/v1/kpi/assignments/import", {kKpiReview, "{}"}},
      {"POST /api/v1/kpi/assignments/{id}/done", {kAll, "{}"}},
      {"POST /api/v1/kpi/assignments/{id}/review", {kKpiReview, "{}"}},
      {"GET /api/v1/kpi/review-queue", {kKpiReview, ""}},
      {"POST /api/v1/kpi/general", {kKpiReview, "{}"}},
      {"POST /api/v1/kpi/absences", {kKpiReview, "{}"}},
      {"GET /api/v1/kpi/ranking", {kKpiRead, ""}},
      {"GET /api/v1/kpi/ratings", {kKpiRead, ""}},
      {"POST /api/v1/kpi/vetoes", {kKpiRate, "{}"}},
      {"POST /api/v1/kpi/quota-exceptions", {kKpiRate, "{}"}},
      {"POST /api/v1/kpi/rating-meeting", {kKpiRate, "{}"}},
      {"POST /api/v1/kpi/ratings/approve", {kKpiRate, "{}"}},
      {"GET /kpi", {kAll, ""}},
      {"POST /kpi/assignments/{id}/done", {kAll, "{}"}},
      {"GET /kpi/review", {kKpiReview, ""}},
      {"POST /kpi/assignments/{id}/review", {kKpiReview, "{}"}},
      {"POST /kpi/general", {kKpiReview, "{}"}},
      {"POST /kpi/assignments", {kKpiReview, "{}"}},
      {"POST /kpi/products", {kKpiReview, "{}"}},
      {"POST /kpi/units/{id}/period-kind", {kKpiReview, "{}"}},
      {"POST /kpi/absences", {kKpiReview, "{}"}},
      {"POST /kpi/assignments/import", {kKpiReview, "{}"}},
      {"GET /kpi/ranking", {kKpiRead, ""}},
      {"GET /kpi/ratings", {kKpiRead, ""}},
      {"POST /kpi/vetoes", {kKpiRate, "{}"}},
      {"POST /kpi/quota-exceptions", {kKpiRate, "{}"}},
      {"POST /kpi/rating-meeting", {kKpiRate, "{}"}},
      {"POST /kpi/ratings/approve", {kKpiRate, "{}"}},
      {"GET /kpi/sheet.xlsx", {kAll, ""}},
      {"GET /kpi/ratings.xlsx", {kKpiRead, ""}},
      {"GET /kpi/income.xlsx", {kKpiRead, ""}},
      {"GET /kpi/ratings.docx", {kKpiRead, ""}},
      {"GET /api/v1/staffing/candidates", {kStaffingPlan, ""}},
      {"POST /api/v1/staffing/candidates", {kStaffingPlan, "{}"}},
      {"POST /api/v1/staffing/candidates/{id}/withdraw", {kStaffingPlan, "{}"}},
      {"POST /api/v1/staffing/deferrals", {kStaffingPlan, "{}"}},
      {"GET /api/v1/staffing/ranking", {kStaffingPlan, ""}},
      {"GET /staffing/streamlining", {kStaffingPlan, ""}},
      {"POST /staffing/candidates", {kStaffingPlan, "{}"}},
      {"POST /staffing/candidates/{id}/withdraw", {kStaffingPlan, "{}"}},
      {"POST /staffing/deferrals", {kStaffingPlan, "{}"}},
      {"GET /staffing/candidates.xlsx", {kStaffingPlan, ""}},
      {"GET /staffing/plan.docx", {kStaffingPlan, ""}},
  };
  return kTable;
}

const std::map<std::string, std::string> kAccountOfRole = {
    {"admin", "quantri"},         {"leader", "chutich"}, {"office", "vanphong"},
    {"unit_head", "truongphong"}, {"staff", "congchuc"}, {"village_head", "truongthon"},
    {"supervisor", "giamsat"}};

std::string Concrete(const std::string& pattern) {
  std::string t = pattern;
  for (auto [ph, v] : std::map<std::string, std::string>{{"{id}", "999999"},
                                                         {"{n}", "3"},
                                                         {"{lang}", "vi"},
                                                         {"{username}", "khong-co-ai"},
                                                         {"{name}", "khong-co"},
                                                         {"{form}", "999999"},
                                                         {"{period}", "2026M11"},
                                                         {"{unit}", "999999"},
                                                         {"{code}", "KHONG_CO"}})
    for (size_t p; (p = t.find(ph)) != std::string::npos;) t.replace(p, ph.size(), v);
  return t;
}

bool Ends(const std::string& key) {
  return key == "POST /logout" || key == "DELETE /api/v1/session";
}

}  // namespace

class PermissionTable : public AppTest {};

TEST_F(PermissionTable, OnlyAdminAndOfficeReadFullCitizenIds) {
  // Granted by the org module's manifest; every other role sees citizen IDs masked.
  for (auto role : access::AllRoles()) {
    bool expected = role == access::kAdmin || role == access::kOffice;
    EXPECT_EQ(access::RoleHas(role, "staff.read_full"), expected) << role;
  }
  // Every permission some module grants is granted to the administrator.
  for (auto& perm : access::Permissions())
    EXPECT_TRUE(access::RoleHas(access::kAdmin, perm)) << perm;
}

TEST_F(PermissionTable, CoversEveryRoute) {
  std::set<std::string> routes;
  for (auto& r : app_->router().routes()) routes.insert(r.method + " " + r.pattern);
  for (auto& key : routes) EXPECT_TRUE(Table().count(key)) << "no permission row for " << key;
  for (auto& [key, row] : Table())
    EXPECT_TRUE(routes.count(key)) << "permission row for a missing route: " << key;
}

TEST_F(PermissionTable, EveryRoleGetsExactlyItsRoutes) {
  for (auto& [role, account] : kAccountOfRole) {
    Session s = Login(account);
    std::vector<std::string> keys;
    for (auto& [key, row] : Table())
      if (!Ends(key)) keys.push_back(key);
    for (auto& [key, row] : Table())
      if (Ends(key)) keys.push_back(key);
    for (auto& key : keys) {
      const Row& row = Table().at(key);
      if (Ends(key)) s = Login(account);
      std::string method = key.substr(0, key.find(' '));
      std::string target = Concrete(key.substr(key.find(' ') + 1));
      bool api = target.rfind("/api/", 0) == 0;
      std::string ctype = api ? "application/json" : "application/x-www-form-urlencoded";
      auto resp = Call(s, method, target, row.body, ctype);
      // Every answer: no type sniffing, no referrer to other sites, kept by no cache (pages,
      // JSON and exports may hold full citizen IDs).
      EXPECT_EQ(resp.Header("X-Content-Type-Options"), "nosniff") << key;
      EXPECT_EQ(resp.Header("Referrer-Policy"), "same-origin") << key;
      if (key != "GET /sw.js") {  // the service worker: a static script, revalidated (no-cache)
        EXPECT_NE(resp.Header("Cache-Control").find("no-store"), std::string::npos) << key;
      }
      bool allowed = row.roles.count(role) || row.roles == kPublic;
      if (allowed) {
        EXPECT_NE(resp.status, 403) << role << " " << key << ": " << resp.body.substr(0, 200);
        if (row.roles != kPublic) {
          EXPECT_NE(resp.status, 401) << role << " " << key;
        }
        EXPECT_LT(resp.status, 500) << role << " " << key << ": " << resp.body.substr(0, 300);
      } else {
        EXPECT_EQ(resp.status, 403) << role << " " << key;
        if (api) {
          EXPECT_EQ(ErrorCode(resp.body), "GEN-0011") << role << " " << key;
        }
      }
    }
  }
}

// Every route at once from four callers (the server's four workers), on a pool of one connection
// and on a pool of two: no request waits for a connection that another request on its own thread
// holds (that deadlocked the whole server: KpiService::RatedPeople → OrgService::ListStaff), so
// every answer comes, none of them a 5xx, and no lease ran out of time. Under a watchdog: a
// deadlock fails the suite instead of hanging it.
TEST_F(PermissionTable, EveryRouteAnswersConcurrentlyOnPoolsOfOneAndTwo) {
  const std::vector<std::string> accounts = {"vanphong",   "chutich",     "quantri",
                                             "truongthon", "truongphong", "giamsat"};
  std::vector<std::string> keys;
  for (auto& [key, row] : Table())
    if (!Ends(key)) keys.push_back(key);
  for (int pool : {1, 2}) {
    // A lease that waited this long is a deadlock and is answered 503, which fails the test.
    Reopen(pool, 20000);
    std::vector<Session> sessions;
    for (auto& a : accounts) sessions.push_back(Login(a));
    std::mutex mu;
    std::vector<std::string> failures;
    WithinSeconds(240, [&] {
      std::vector<std::thread> callers;
      for (size_t i = 0; i < sessions.size(); ++i)
        callers.emplace_back([&, i] {
          // Each caller walks the routes from a different place, so different routes overlap.
          for (size_t k = 0; k < keys.size(); ++k) {
            const std::string& key = keys[(k + i * keys.size() / sessions.size()) % keys.size()];
            std::string method = key.substr(0, key.find(' '));
            std::string target = Concrete(key.substr(key.find(' ') + 1));
            bool api = target.rfind("/api/", 0) == 0;
            auto resp = Call(sessions[i], method, target, Table().at(key).body,
                             api ? "application/json" : "application/x-www-form-urlencoded");
            if (resp.status >= 500) {
              std::lock_guard g(mu);
              failures.push_back(accounts[i] + " " + key + " → " + std::to_string(resp.status));
            }
          }
        });
      for (auto& t : callers) t.join();
    });
    for (auto& f : failures) ADD_FAILURE() << "pool " << pool << ": " << f;
    EXPECT_EQ(app_->db().Stats().timeouts, 0) << "pool " << pool;
    EXPECT_EQ(app_->db().Stats().in_use, 0) << "pool " << pool;
  }
}

TEST_F(PermissionTable, WithoutSigningInApiAnswers401AndPagesGoToLogin) {
  EXPECT_EQ(Anonymous("GET", "/metrics", "", "", "127.0.0.1").status, 200);
  EXPECT_EQ(Anonymous("GET", "/metrics", "", "", "10.9.9.9").status, 403);
  for (auto& [key, row] : Table()) {
    if (row.roles == kPublic || key == "GET /metrics") continue;
    std::string method = key.substr(0, key.find(' '));
    std::string target = Concrete(key.substr(key.find(' ') + 1));
    auto resp = Anonymous(method, target, row.body);
    if (target.rfind("/api/", 0) == 0 || method != "GET") {
      EXPECT_EQ(resp.status, 401) << key;
    } else {
      EXPECT_EQ(resp.status, 303) << key;
      EXPECT_EQ(resp.Header("Location").rfind("/login?next=", 0), 0u) << key;
    }
  }
}

TEST_F(PermissionTable, ApiTokensActWithTheirRoleAndStopWhenRevoked) {
  Session admin = Login("quantri");
  auto created = Call(admin, "POST", "/api/v1/tokens",
                      R"({"name":"city-sync","role":"supervisor","scope":"HP"})");
  ASSERT_EQ(created.status, 201) << created.body;
  std::string token = created.body.substr(created.body.find("kt_"), 67);
  auto with_token = [&](const std::string& method, const std::string& target,
                        const std::string& body = {}) {
    auto req = http::Request::Make(
        method, target, body,
        {{"Authorization", "Bearer " + token}, {"Content-Type", "application/json"}});
    return app_->Handle(req);
  };
  EXPECT_EQ(with_token("GET", "/api/v1/staff").status, 200);
  // Machine clients need no CSRF token; a read-only role is still refused writes.
  EXPECT_EQ(with_token("POST", "/api/v1/staff", "{}").status, 403);
  EXPECT_EQ(Call(admin, "POST", "/api/v1/tokens/city-sync/revoke").status, 200);
  auto after = with_token("GET", "/api/v1/staff");
  EXPECT_EQ(after.status, 401);
  auto bogus =
      http::Request::Make("GET", "/api/v1/staff", "", {{"Authorization", "Bearer kt_nope"}});
  EXPECT_EQ(app_->Handle(bogus).status, 401);
}

// Scope: the same call on a row inside the caller's subtree and on one outside it. Outside, the
// answer is a refusal with its code, nothing is written (not even an audit entry) and nothing of
// the other row is revealed.
TEST_F(PermissionTable, EveryRoleActsOnlyInsideItsScope) {
  struct Row {
    std::string user, method, in_target, in_body, out_target, out_body;
    int in_status, out_status;
    std::string out_code, secret;  // a name of the out-of-scope row that must not appear
  };
  long long thao = StaffIdByName("Phan Thị Thảo"), hong = StaffIdByName("Vũ Thị Hồng");
  auto task = [&](int key_no) {
    store::Conn c = app_->db().Lease();
    return c.QueryOne("SELECT id FROM tasks WHERE key_no = :1", {static_cast<long long>(key_no)})
        ->Int(0);
  };
  long long form = 0;
  {
    store::Conn c = app_->db().Lease();
    form = c.QueryOne("SELECT id FROM report_forms WHERE code = 'BC-THON-THANG'")->Int(0);
  }
  std::string period = reporting::DefaultPeriod(PeriodType::kMonth, clock::Today()).Id();
  auto report = [&](const char* unit) {
    return "{\"form_id\": " + std::to_string(form) +
           ", \"unit_id\": " + std::to_string(UnitId(unit)) + ", \"period\": \"" + period +
           "\", \"values\": [{\"indicator\": \"HOUSEHOLDS\", \"numerator\": 200}]}";
  };
  std::string update = R"({"on_date": "28/11/2026", "percent": 90, "narrative": "Tiến độ"})";
  const std::vector<Row> rows = {
      {"truongphong", "PATCH", "/api/v1/staff/" + std::to_string(thao),
       R"({"position": "Chuyên viên"})", "/api/v1/staff/" + std::to_string(hong),
       R"({"position": "Chuyên viên"})", 200, 404, "ORG-1005", "Vũ Thị Hồng"},
      {"truongphong", "GET", "/api/v1/staff/" + std::to_string(thao), "",
       "/api/v1/staff/" + std::to_string(hong), "", 200, 404, "ORG-1005", "Vũ Thị Hồng"},
      {"truongthon", "POST", "/api/v1/reports/save", report("LP-T01"), "/api/v1/reports/save",
       report("LP-T02"), 200, 422, "REP-4005", "Đoài Lạc"},  // the form shows only the own village
      {"truongphong", "POST", "/api/v1/tasks/" + std::to_string(task(10)) + "/updates", update,
       "/api/v1/tasks/" + std::to_string(task(1)) + "/updates", update, 201, 403, "GEN-0011", ""},
      {"vanphong", "PATCH", "/api/v1/org-units/" + std::to_string(UnitId("LP-T01")),
       R"({"name": "Thôn Đông Hải"})", "/api/v1/org-units/" + std::to_string(UnitId("HP")),
       R"({"name": "Thành phố Hải Phòng"})", 200, 404, "ORG-1001", ""},  // not even its existence
  };
  for (const Row& r : rows) {
    Session s = Login(r.user);
    long long seq = AuditSeq();
    auto out = Call(s, r.method, r.out_target, r.out_body);
    EXPECT_EQ(out.status, r.out_status)
        << r.user << " " << r.method << " " << r.out_target << " " << out.body;
    EXPECT_EQ(ErrorCode(out.body), r.out_code) << r.out_target << " " << out.body;
    EXPECT_EQ(AuditSeq(), seq) << r.out_target << ": a refusal wrote something";
    if (!r.secret.empty()) {
      EXPECT_EQ(out.body.find(r.secret), std::string::npos) << out.body;
    }
    auto in = Call(s, r.method, r.in_target, r.in_body);
    EXPECT_EQ(in.status, r.in_status)
        << r.user << " " << r.method << " " << r.in_target << " " << in.body;
  }
}

}  // namespace kientao::testing
