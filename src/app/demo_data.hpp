#pragma once
// The demo commune: Hải Phòng → xã Lạc Phương with its post-2025 structure, 15 villages, about 60
// staff and one account per role. Villages, people and figures are invented (illustrative); citizen
// IDs start with 000, which no province has.
#include <map>
#include <string>
#include <vector>

#include "app/app.hpp"

namespace kientao::app {

struct DemoAccount {
  std::string username;
  std::string password;
  std::string role;
  std::string scope;
};

// Loads the demo into an empty database through the same services users use (so it is audited).
// Throws std::runtime_error when the database already holds org units.
std::vector<DemoAccount> LoadDemoData(App& app);
const std::string& DemoPassword();
// The indicators, report forms and three months of reports of the demo commune (demo_reports.cpp).
void LoadDemoReports(App& app, const Actor& actor,
                     const std::map<std::string, long long>& unit_ids);
// The KPI catalogue and three months of products and scores of the demo commune (demo_kpi.cpp).
void LoadDemoKpi(App& app, const Actor& actor, const std::map<std::string, long long>& unit_ids);
// Earlier years' ratings, a deferral and a streamlining candidate (demo_kpi.cpp).
void LoadDemoStreamlining(App& app, const Actor& actor);

}  // namespace kientao::app
