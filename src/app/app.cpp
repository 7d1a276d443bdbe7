#include "app/app.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include <spdlog/spdlog.h>

#include "base/access.hpp"
#include "base/clock.hpp"
#include "base/error.hpp"
#include "base/resources.hpp"
#include "base/rule_file.hpp"
#include "http/openapi.hpp"
#include "modules/reporting/permissions.hpp"
#include "modules/reporting/web/report_web.hpp"
#include "store/audit_log.hpp"

#ifndef KIENTAO_SOURCE_DIR
#define KIENTAO_SOURCE_DIR "."
#endif

namespace kientao::app {

std::string WebDir(const Config& cfg) {
  if (!cfg.web_dir.empty()) return cfg.web_dir;
  return std::string(KIENTAO_SOURCE_DIR) + "/web";
}

std::vector<store::Migration> App::AllMigrations() {
  std::vector<std::pair<std::string, std::string>> dirs = {{"core", "src/store/migrations/"}};
  for (const Module& m : InDependencyOrder(AllModules()))
    dirs.emplace_back(m.name, "src/modules/" + m.name + "/migrations/");
  std::vector<store::Migration> out;
  for (auto& [module, dir] : dirs) {
    std::vector<store::Migration> mine;
    for (auto& [path, text] : EmbeddedResources()) {
      if (path.rfind(dir, 0) != 0 || path.size() < 4 || path.substr(path.size() - 4) != ".sql")
        continue;
      std::string file(path.substr(dir.size()));
      std::string name = file.substr(0, file.size() - 4);
      mine.push_back({module, std::atoi(name.substr(0, 4).c_str()), name, std::string(text)});
    }
    std::sort(mine.begin(), mine.end(), [](auto& a, auto& b) { return a.version < b.version; });
    out.insert(out.end(), mine.begin(), mine.end());
  }
  return out;
}

Principal App::Superuser() {
  Principal p;
  p.username = "cli";
  p.display_name = "cli";
  p.grants.push_back({std::string(access::kAdmin), 0, "/"});
  return p;
}

// The audit key from [audit] key_file: at least 32 bytes (e.g. the 64 hex digits of `kientao audit
// keygen`); a missing or short file refuses the start, naming the key.
void App::LoadAuditKey() {
  if (cfg_.audit_key_file.empty()) {
    store::SetAuditKey("");
    return;
  }
  std::ifstream in(cfg_.audit_key_file, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  std::string key = ss.str();
  while (!key.empty() && (key.back() == '\n' || key.back() == '\r' || key.back() == ' '))
    key.pop_back();
  if (!in || key.size() < 32)
    throw std::runtime_error("audit.key_file: " + cfg_.audit_key_file +
                             " is missing or holds fewer than 32 bytes");
  store::SetAuditKey(std::move(key));
}

App::App(const Config& cfg, bool migrate) : cfg_(cfg) {
  clock::Install(cfg_.MakeClock());
  if (const auto& day = clock::Current().pinned())
    spdlog::warn(
        "the clock is pinned: today is {} for this process ([clock] today or "
        "KIENTAO_CLOCK_TODAY), not the system's date",
        day->ToIso());
  modules_ = InDependencyOrder(AllModules());
  // Each module's permissions, granted to the roles its manifest names.
  for (const Module& m : modules_)
    for (const PermissionGrant& g : m.permissions)
      for (const std::string& role : g.roles) {
        if (!access::IsRole(role))
          throw std::runtime_error("module " + m.name + " grants " + g.permission +
                                   " to an unknown role " + role);
        access::Grant(role, g.permission);
      }
  LoadResources();
  LoadAuditKey();
  db_ = std::make_unique<store::Database>(cfg_.database_url, cfg_.pool_size,
                                          std::chrono::milliseconds(cfg_.lease_timeout_ms));
  if (migrate) {
    auto report = store::Migrate(*db_, AllMigrations());
    for (auto& m : report.applied) spdlog::info("applied migration {}", m);
  }
  org_ = std::make_unique<org::OrgService>(*db_);
  auth::AuthOptions ao;
  ao.idle_timeout_seconds = cfg_.idle_minutes * 60L;
  ao.absolute_timeout_seconds = cfg_.absolute_hours * 3600L;
  ao.max_failures_per_account = cfg_.max_failures_per_account;
  ao.max_failures_per_address = cfg_.max_failures_per_address;
  ao.throttle_window_seconds = cfg_.throttle_window_minutes * 60L;
  auth_ = std::make_unique<auth::AuthService>(*db_, ao);
  directives_ = std::make_unique<directive::DirectiveService>(*db_);
  reporting_rules_ = std::make_unique<reporting::ReportingRules>(reporting::ReportingRules::Load(
      ModuleRule("reporting", "nd-09-2019.toml"), ModuleRules("reporting", "holidays-")));
  doc_layout_ = documents::Layout30::Load(ModuleRule("documents", "nd-30-2020.toml"));
  retirement_rule_ =
      staffing::RetirementRule::Load(ModuleRule("staffing", "blld-2019-retirement.toml"));
  kpi_rules_ = kpi::KpiRules::Load(ModuleRule("kpi", "nd-335-2025.toml"));
  indicators_ = std::make_unique<indicator::IndicatorService>(*db_);
  reports_ = std::make_unique<reporting::ReportService>(*db_, *indicators_, *reporting_rules_);
  staffing_ = std::make_unique<staffing::StaffingService>(*db_, *org_, retirement_rule_);
  kpi_ = std::make_unique<kpi::KpiService>(*db_, *org_, kpi_rules_);
  if (migrate) kpi_->EnsureOutcomes();
  org_->OnStaffMoved(&kpi::KpiService::StaffMoved);
  benefit_rules_ = staffing::BenefitRules::Load(ModuleRule("staffing", "nd-154-2025.toml"),
                                                ModuleRule("staffing", "nd-178-2024.toml"));
  ranking_rules_ = staffing::RankingRules::Load(ModuleRule("staffing", "ranking.toml"));
  streamlining_ = std::make_unique<staffing::StreamliningService>(
      *db_, *org_, *staffing_, retirement_rule_, benefit_rules_, ranking_rules_, kpi_rules_, *kpi_);
  for (const Module& m : modules_) {
    if (m.start) m.start(*this);
    if (m.providers) m.providers(*this, *indicators_);
  }

  std::string web = WebDir(cfg_);
  static_files_.Mount("/static/app/", web + "/static", 3600);
  static_files_.Mount("/static/vendor/bootstrap/", web + "/node_modules/bootstrap/dist", 86400);
  static_files_.Mount("/static/vendor/htmx/", web + "/node_modules/htmx.org/dist", 86400);
  static_files_.Mount("/static/vendor/echarts/", web + "/node_modules/echarts/dist", 86400);
  static_files_.Mount("/static/vendor/font/", web + "/node_modules/@fontsource/be-vietnam-pro",
                      86400);

  layout_.SetAuthorize(
      [](const Principal& p, const std::string& perm) { return access::HasPermission(p, perm); });
  layout_.SetSiteName([this](const Principal* p) -> std::string {
    // The top bar names the commune of the user's first grant, else the installation.
    if (p && !p->grants.empty() && p->grants.front().scope_unit_id) {
      try {
        store::Conn c = db_->Lease();
        auto r = c.QueryOne(
            "SELECT u.name FROM org_units u WHERE u.id = (SELECT COALESCE(commune_id, id) FROM "
            "org_units WHERE id = :1)",
            {p->grants.front().scope_unit_id});
        if (r) return r->Str(0);
      } catch (const Error&) {
        // Every connection busy: the page that says so still renders, with the plain name.
      }
    }
    return "kientao";
  });
  layout_.Prepare();

  http::RouterHooks hooks;
  hooks.authenticate = [this](const http::Request& r) { return Authenticate(r); };
  hooks.authorize = [](const Principal& p, const std::string& perm) {
    return access::HasPermission(p, perm);
  };
  hooks.error_page = [this](const http::Ctx& ctx, int status, const std::string& message) {
    http::TemplateData d = http::Object();
    d.set("status", std::to_string(status));
    d.set("message", message);
    return layout_.Page(ctx, "shell/error", d, ctx.T("shell.error_title"), status);
  };
  hooks.fallback = [this](const http::Request& r) { return static_files_.Serve(r); };
  router_.SetHooks(std::move(hooks));

  metrics_.SetExtra([this] {
    auto s = db_->Stats();
    return "# HELP kientao_db_pool_size Database connections the pool may open.\n"
           "# TYPE kientao_db_pool_size gauge\nkientao_db_pool_size " +
           std::to_string(s.size) +
           "\n# HELP kientao_db_pool_in_use Database connections leased now.\n"
           "# TYPE kientao_db_pool_in_use gauge\nkientao_db_pool_in_use " +
           std::to_string(s.in_use) +
           "\n# HELP kientao_db_pool_waits_total Leases that had to wait for a free connection.\n"
           "# TYPE kientao_db_pool_waits_total counter\nkientao_db_pool_waits_total " +
           std::to_string(s.waits) +
           "\n# HELP kientao_db_pool_timeouts_total Leases refused (503) after the lease timeout.\n"
           "# TYPE kientao_db_pool_timeouts_total counter\nkientao_db_pool_timeouts_total " +
           std::to_string(s.timeouts) +
           "\n# HELP kientao_db_lease_nested_total Leases served by the connection the thread "
           "already held.\n"
           "# TYPE kientao_db_lease_nested_total counter\nkientao_db_lease_nested_total " +
           std::to_string(s.nested) + "\n";
  });

  RegisterShellRoutes();
  for (const Module& m : modules_)
    if (m.routes) m.routes(*this);
  // The API's description, from the shell's and every module's src/…/openapi.json and the router.
  std::vector<http::OpenApiFragment> fragments;
  for (auto& [path, text] : EmbeddedResources()) {
    std::string p(path);
    if (p == "src/app/openapi.json" ||
        (p.rfind("src/modules/", 0) == 0 && p.find("/web/openapi.json") != std::string::npos))
      fragments.push_back({p, text});
  }
  openapi_json_ = http::BuildOpenApi(router_.routes(), fragments, i18n_, KIENTAO_VERSION);
}

std::vector<std::pair<std::string, std::string>> App::ModuleRules(const std::string& module,
                                                                  const std::string& prefix) const {
  std::map<std::string, std::string> chosen;  // later (the province's) replaces earlier
  for (auto& [path, text] : RuleFiles()) {
    auto [m, name] = RuleModuleAndName(path);
    if (m == module && name.rfind(prefix, 0) == 0) chosen[name] = text;
  }
  return {chosen.begin(), chosen.end()};
}

std::string App::ModuleRule(const std::string& module, const std::string& name) const {
  for (auto& [file, text] : ModuleRules(module, name))
    if (file == name) return text;
  throw std::runtime_error("rule file " + module + "/rules/" + name + " is missing");
}

std::vector<std::pair<std::string, std::string>> App::RuleFiles() const {
  std::vector<std::pair<std::string, std::string>> out;
  auto is_rule = [](const std::string& p) {
    return p.size() > 5 && p.substr(p.size() - 5) == ".toml" &&
           (p.size() < 11 || p.substr(p.size() - 11) != ".cases.toml");
  };
  for (auto& [path, text] : EmbeddedResources()) {
    std::string p(path);
    // src/modules/<m>/rules/<file>.toml
    if (p.rfind("src/modules/", 0) != 0 || !is_rule(p)) continue;
    size_t slash = p.find('/', 12);
    if (slash != std::string::npos && p.compare(slash, 7, "/rules/") == 0 &&
        p.find('/', slash + 7) == std::string::npos)
      out.emplace_back(p, std::string(text));
  }
  if (!cfg_.rules_dir.empty()) {
    namespace fs = std::filesystem;
    if (!fs::is_directory(cfg_.rules_dir))
      throw std::runtime_error("configuration: paths.rules_dir " + cfg_.rules_dir +
                               " is not a folder");
    std::vector<std::string> found;
    for (auto& e : fs::recursive_directory_iterator(cfg_.rules_dir))
      if (e.is_regular_file() && is_rule(e.path().string())) found.push_back(e.path().string());
    std::sort(found.begin(), found.end());
    for (auto& f : found) {
      std::ifstream in(f);
      std::stringstream ss;
      ss << in.rdbuf();
      out.emplace_back(f, ss.str());
    }
  }
  return out;
}

bool App::TaskBuilt(int n) const {
  for (const Module& m : modules_)
    for (int k : m.key_tasks)
      if (k == n) return true;
  return false;
}

std::map<int, std::vector<std::pair<std::string, std::string>>> App::ModulePages() const {
  std::map<int, std::vector<std::pair<std::string, std::string>>> out;
  for (const Module& m : modules_)
    for (const NavEntry& e : m.nav)
      if (e.key_task) out[e.key_task].emplace_back(e.href, e.label_key);
  return out;
}

http::TemplateData App::KeyTaskIndicators(const http::Ctx& ctx, int key_no) {
  http::TemplateData rows = http::List();
  Actor actor = ctx.AsActor();
  if (!access::HasPermission(*ctx.user, access::kReportRead)) return rows;
  long long commune = reports_->ActorCommune(actor);
  if (!commune) return rows;
  Period p = reporting::DefaultPeriod(PeriodType::kMonth, clock::Today());
  std::vector<reporting::IndicatorLine> lines;
  try {
    lines = reports_->CommuneIndicators(actor, commune, p.Id());
  } catch (const Error& e) {
    if (e.code() != gen_errors::kOutOfScope.code) throw;
    return rows;
  }
  for (auto& l : lines) {
    if (l.def.key_no != key_no) continue;
    std::string unit = l.def.kind == indicator::Kind::kPercent ? "%" : " " + l.def.unit;
    http::TemplateData r = http::Object();
    r.set("name", ctx.lang == "en" && !l.def.name_en.empty() ? l.def.name_en : l.def.name_vi);
    r.set("period", ctx.lang == "en" ? p.LabelEn() : p.LabelVi());
    r.set("value", l.value ? reporting::VnNumber(*l.value, 1) + unit : ctx.T("report.no_data"));
    if (l.target) r.set("target", reporting::VnNumber(*l.target, 1) + unit);
    if (l.value && l.target) {
      bool met = indicator::MeetsTarget(l.def, *l.value, *l.target);
      r.set(met ? "met" : "not_met", true);
    }
    rows.push_back(r);
  }
  return rows;
}

App::~App() {
  if (db_) db_->Close();
}

std::string_view App::Resource(std::string_view path) {
  for (auto& [p, text] : EmbeddedResources())
    if (p == path) return text;
  throw std::runtime_error("built-in file missing: " + std::string(path));
}

void App::LoadResources() {
  for (auto& [path, text] : EmbeddedResources()) {
    std::string p(path);
    // The shell's catalogues (web/i18n/<lang>.toml) and each module's
    // (src/modules/<m>/i18n/<lang>.toml), merged.
    bool module_catalogue =
        p.rfind("src/modules/", 0) == 0 && p.find("/i18n/") != std::string::npos;
    if (p.rfind("web/i18n/", 0) == 0 || module_catalogue) {
      std::string lang = std::filesystem::path(p).stem().string();
      i18n_.Load(lang, text, p);
    } else if (p.size() > 9 && p.substr(p.size() - 9) == ".mustache") {
      // "web/templates/layout.mustache" → "layout"; "src/modules/org/web/templates/x.mustache" →
      // "org/x".
      std::string stem = std::filesystem::path(p).stem().string();
      std::string name = stem;
      if (p.rfind("src/modules/", 0) == 0)
        name = p.substr(12, p.find('/', 12) - 12) + "/" + stem;
      else if (p.rfind("web/templates/shell/", 0) == 0)
        name = "shell/" + stem;
      templates_.Add(name, std::string(text));
    }
  }
}

std::optional<Principal> App::Authenticate(const http::Request& req) {
  std::string authz = req.Header("authorization");
  if (authz.rfind("Bearer ", 0) == 0) {
    auto p = auth_->FromToken(authz.substr(7));
    if (!p) throw Error(gen_errors::kUnauthenticated, "authorization");
    return p;
  }
  if (auto c = req.Cookie("kt_session")) return auth_->FromSession(*c);
  return std::nullopt;
}

std::string App::Message(const Error& e, const std::string& lang) const {
  std::string out = std::string(e.code()) + ": " + i18n_.ErrorMessage(lang, e);
  for (auto& d : e.details()) {
    out += "\n  " +
           (d.row ? i18n_.Format(lang, "shell.row", {{"row", std::to_string(d.row)}}) + ", "
                  : std::string()) +
           d.field + ": " + i18n_.ErrorMessage(lang, d);
  }
  return out;
}

}  // namespace kientao::app
