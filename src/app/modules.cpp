// The module list: one line per module. Each module's manifest is in src/modules/<m>/module.cpp.
#include "app/module.hpp"

#include <set>
#include <stdexcept>

namespace kientao::app {

Module OrgModule();
Module AuthModule();
Module DirectiveModule();
Module IndicatorModule();
Module ReportingModule();
Module StaffingModule();
Module KpiModule();
Module RulesModule();
Module ServicesModule();
Module SipasModule();
Module PovertyModule();

std::vector<Module> AllModules() {
  return {OrgModule(),       AuthModule(),     DirectiveModule(), IndicatorModule(),
          ReportingModule(), StaffingModule(), KpiModule(),       RulesModule(),
          ServicesModule(),  SipasModule(),    PovertyModule()};
}

std::vector<Module> InDependencyOrder(std::vector<Module> modules) {
  std::vector<Module> out;
  std::set<std::string> placed, names;
  for (auto& m : modules)
    if (!names.insert(m.name).second)
      throw std::runtime_error("module " + m.name + " is listed twice");
  for (auto& m : modules)
    for (auto& d : m.depends_on)
      if (!names.count(d))
        throw std::runtime_error("module " + m.name + " depends on " + d + ", which is not listed");
  while (!modules.empty()) {
    bool progress = false;
    for (auto it = modules.begin(); it != modules.end();) {
      bool ready = true;
      for (auto& d : it->depends_on) ready = ready && placed.count(d);
      if (!ready) {
        ++it;
        continue;
      }
      placed.insert(it->name);
      out.push_back(std::move(*it));
      it = modules.erase(it);
      progress = true;
    }
    if (!progress)
      throw std::runtime_error("modules depend on each other in a cycle: " + modules.front().name);
  }
  return out;
}

}  // namespace kientao::app
