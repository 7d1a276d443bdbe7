#include "modules/rules/catalog.hpp"

#include <map>

namespace kientao::rules {

Catalog Catalog::Load(const std::vector<std::pair<std::string, std::string>>& files,
                      const std::string& province_dir) {
  // One file per (module, name): a province's file replaces the built-in one.
  std::map<std::pair<std::string, std::string>, std::pair<std::string, std::string>> chosen;
  for (auto& [path, text] : files) chosen[RuleModuleAndName(path)] = {path, text};
  Catalog c;
  std::map<std::string, size_t> index;
  for (auto& [key, file] : chosen) {
    RuleFile r = RuleFile::Parse(file.second, file.first);
    VersionInfo info{key.first, file.first,
                     !province_dir.empty() && file.first.rfind(province_dir, 0) == 0,
                     r.Unverified()};
    auto it = index.find(r.meta().set);
    if (it == index.end()) {
      it = index.emplace(r.meta().set, c.sets_.size()).first;
      c.sets_.emplace_back(r.meta().set);
    }
    c.sets_[it->second].Add(r.meta(), std::move(info));
  }
  return c;
}

const RuleSet<VersionInfo>* Catalog::Find(const std::string& id) const {
  for (auto& s : sets_)
    if (s.id() == id) return &s;
  return nullptr;
}

}  // namespace kientao::rules
