#pragma once
// A module's manifest: everything the application needs to plug a registry in, in one value. Each
// src/modules/<m>/module.cpp returns its Module; src/app/modules.cpp lists them; App walks the list
// in dependency order — migrations, permissions and their grants, indicator providers, services,
// routes, navigation, catalogues, demo and health — so adding a module touches almost nothing
// outside its folder (CONTRIBUTING.md, "Adding a module").
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/date.hpp"
#include "base/principal.hpp"

namespace kientao::indicator {
class IndicatorService;
}

namespace kientao::app {

class App;
struct DemoCalendar;

// A permission the module names, and the roles granted it.
struct PermissionGrant {
  std::string permission;          // "kpi.read"
  std::vector<std::string> roles;  // "admin", "leader", …
};

// An entry of the navigation. `key_task` 1–10: the page of the dispatch's task it serves (listed
// under that task's page); 0: the side menu.
struct NavEntry {
  std::string href;
  std::string label_key;   // catalogue key
  std::string permission;  // shown only to users holding it ("" = every signed-in user)
  int key_task = 0;
  int weight = 50;  // place in the side menu, lower first
};

struct DemoAccount {
  std::string username;
  std::string password;
  std::string role;
  std::string scope;
};

// What the demo loaders share: who loads, the day it is laid out around, and the rows created so
// far by earlier modules (org unit ids by code, staff ids by name).
struct DemoContext {
  const Actor& actor;
  const DemoCalendar& calendar;
  std::map<std::string, long long> unit_ids;
  std::map<std::string, long long> staff_ids;
  std::vector<DemoAccount> accounts;  // the accounts created, for the command line to print
};

struct Module {
  std::string name;                     // "kpi": the folder under src/modules/
  std::vector<std::string> depends_on;  // modules that must start first
  // Migrations: src/modules/<name>/migrations/NNNN_*.sql (embedded); catalogues:
  // src/modules/<name>/i18n/{vi,en}.toml; rule files: src/modules/<name>/rules/*.toml.
  std::vector<PermissionGrant> permissions;
  std::vector<NavEntry> nav;
  // The dispatch's key tasks whose registry this module is: their task pages say the module is
  // built.
  std::vector<int> key_tasks;
  // Called in dependency order once the database is migrated: the module creates its services
  // (kept by the App), registers its indicator providers, then its routes.
  std::function<void(App&)> start;
  // Providers get the App to reach the services of the modules they read (never their tables).
  std::function<void(App&, indicator::IndicatorService&)> providers;
  std::function<void(App&)> routes;
  // Loads the module's demo rows into an empty database, through its services.
  std::function<void(App&, DemoContext&)> demo;
  // A problem that makes the installation unhealthy ("" = healthy), for /healthz.
  std::function<std::string(App&)> health;
};

// Every module of the application (src/app/modules.cpp), in the order they are written there.
std::vector<Module> AllModules();
// The same, ordered so every module comes after those it depends on; throws std::runtime_error
// naming a missing dependency or a cycle.
std::vector<Module> InDependencyOrder(std::vector<Module> modules);

}  // namespace kientao::app
