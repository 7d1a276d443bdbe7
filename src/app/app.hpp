#pragma once
// The application: opens the database, applies migrations, loads the built-in templates and
// catalogues, and wires every module's routes into one router. Thread-safe once constructed.
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "app/config.hpp"
#include "app/module.hpp"
#include "base/principal.hpp"
#include "http/i18n.hpp"
#include "http/layout.hpp"
#include "http/metrics.hpp"
#include "http/router.hpp"
#include "http/static_files.hpp"
#include "http/templates.hpp"
#include "modules/auth/service.hpp"
#include "modules/directive/service.hpp"
#include "modules/documents/docx.hpp"
#include "modules/indicator/service.hpp"
#include "modules/kpi/service.hpp"
#include "modules/org/service.hpp"
#include "modules/reporting/reporting_rules.hpp"
#include "modules/reporting/service.hpp"
#include "modules/staffing/domain/retirement.hpp"
#include "modules/staffing/plan.hpp"
#include "modules/staffing/streamlining.hpp"
#include "store/db.hpp"
#include "store/migrations.hpp"

namespace kientao::app {

class App {
 public:
  // Throws std::runtime_error when the database cannot be opened or a migration fails.
  explicit App(const Config& cfg, bool migrate = true);
  ~App();

  http::Response Handle(const http::Request& req) const { return router_.Handle(req); }
  store::Database& db() { return *db_; }
  http::Router& router() { return router_; }
  http::Metrics& metrics() { return metrics_; }
  const http::I18n& i18n() const { return i18n_; }
  org::OrgService& org() { return *org_; }
  auth::AuthService& auth() { return *auth_; }
  directive::DirectiveService& directives() { return *directives_; }
  indicator::IndicatorService& indicators() { return *indicators_; }
  reporting::ReportService& reports() { return *reports_; }
  staffing::StaffingService& staffing() { return *staffing_; }
  kpi::KpiService& kpi() { return *kpi_; }
  staffing::StreamliningService& streamlining() { return *streamlining_; }
  const reporting::ReportingRules& reporting_rules() const { return *reporting_rules_; }
  const staffing::RetirementRule& retirement_rule() const { return retirement_rule_; }
  const documents::Layout30& doc_layout() const { return doc_layout_; }
  const http::Layout& layout() const { return layout_; }
  const Config& config() const { return cfg_; }
  // What a module keeps for the application's lifetime (its services, its catalogue), by its name.
  template <typename T>
  T& Keep(const std::string& module, std::shared_ptr<T> value) {
    kept_[module] = value;
    return *value;
  }
  template <typename T>
  T& Kept(const std::string& module) const {
    return *std::static_pointer_cast<T>(kept_.at(module));
  }
  // Every rule file (path, text): the built-in ones of every module (src/modules/<m>/rules/*.toml,
  // without the golden cases), then the province's from paths.rules_dir (<dir>/<module>/*.toml).
  std::vector<std::pair<std::string, std::string>> RuleFiles() const;
  // One module's rule files whose names start with `prefix` (file name, text), a province's file
  // in place of the built-in one of the same name; sorted by name.
  std::vector<std::pair<std::string, std::string>> ModuleRules(const std::string& module,
                                                               const std::string& prefix) const;
  // The text of one module's rule file `name` (the province's when it has one); throws when none.
  std::string ModuleRule(const std::string& module, const std::string& name) const;
  // The modules, in dependency order (module.hpp).
  const std::vector<Module>& modules() const { return modules_; }
  // Whether some module runs key task n's registry.
  bool TaskBuilt(int n) const;
  // The pages of the modules serving each key task, for the task's page (from the modules' nav).
  std::map<int, std::vector<std::pair<std::string, std::string>>> ModulePages() const;
  // Key task n's indicators for the last closed month, as rows for its page, for those who may
  // read the commune's figures.
  http::TemplateData KeyTaskIndicators(const http::Ctx& ctx, int key_no);

  // The store core's migrations, then every module's in dependency order.
  static std::vector<store::Migration> AllMigrations();
  // A principal with the administrator role over the whole tree, for the command line.
  static Principal Superuser();
  // A built-in file by its path in the source tree; throws std::runtime_error when it is missing.
  static std::string_view Resource(std::string_view path);
  // The message of an Error in the given language, with the field named.
  std::string Message(const Error& e, const std::string& lang = "vi") const;

 private:
  void LoadAuditKey();
  void LoadResources();

  void RegisterShellRoutes();
  // The dashboard's report parts: each key task's main indicator against its target with its trend,
  // the indicator chart and table, and the reports missing for the last closed period.
  void AddReportData(const http::Ctx& ctx, const Actor& actor, http::TemplateData& d,
                     std::vector<http::TemplateData>& tasks);
  std::optional<Principal> Authenticate(const http::Request& req);

  Config cfg_;
  std::vector<Module> modules_;
  std::map<std::string, std::shared_ptr<void>> kept_;
  std::unique_ptr<store::Database> db_;
  http::I18n i18n_;
  http::Templates templates_;
  http::Metrics metrics_;
  std::string openapi_json_;  // /api/v1/openapi.json, built once every route is registered
  http::Layout layout_{templates_, i18n_};
  http::Router router_{i18n_, &metrics_};
  http::StaticFiles static_files_;
  std::unique_ptr<org::OrgService> org_;
  std::unique_ptr<auth::AuthService> auth_;
  std::unique_ptr<reporting::ReportingRules> reporting_rules_;
  std::unique_ptr<directive::DirectiveService> directives_;
  documents::Layout30 doc_layout_;
  staffing::RetirementRule retirement_rule_;
  std::unique_ptr<staffing::StaffingService> staffing_;
  kpi::KpiRules kpi_rules_;
  std::unique_ptr<kpi::KpiService> kpi_;
  staffing::BenefitRules benefit_rules_;
  staffing::RankingRules ranking_rules_;
  std::unique_ptr<staffing::StreamliningService> streamlining_;
  std::unique_ptr<indicator::IndicatorService> indicators_;
  std::unique_ptr<reporting::ReportService> reports_;
};

// The folder holding static/ and node_modules/: cfg.web_dir, else the web/ folder of the source
// tree.
std::string WebDir(const Config& cfg);

}  // namespace kientao::app
