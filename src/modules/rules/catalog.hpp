#pragma once
// The rule catalogue: every rule file of every module (and a province's own, from paths.rules_dir),
// grouped into rule sets by their [rule] header, each set's versions by effective date, the version
// in force on a day and every value still marked unverified — so the office knows what to check.
// Built once at start; read-only and thread-safe afterwards.
#include <string>
#include <utility>
#include <vector>

#include "base/rule_file.hpp"

namespace kientao::rules {

struct VersionInfo {
  std::string module;  // "staffing"
  std::string path;    // "src/modules/staffing/rules/base-salary-2024.toml", or the province's file
  bool province = false;  // from paths.rules_dir
  std::vector<UnverifiedValue> unverified;
};

using Version = RuleSet<VersionInfo>::Version;

class Catalog {
 public:
  // `files`: (path, text) of the built-in rule files (src/modules/<m>/rules/*.toml, without the
  // *.cases.toml) and, after them, the province's (paths.rules_dir/<m>/<file>.toml), which replace
  // a built-in file of the same module and name or add a version. Throws RuleFileError naming the
  // file and key of the first problem, or the two files of an overlapping period.
  static Catalog Load(const std::vector<std::pair<std::string, std::string>>& files,
                      const std::string& province_dir = "");
  const std::vector<RuleSet<VersionInfo>>& sets() const { return sets_; }
  const RuleSet<VersionInfo>* Find(const std::string& id) const;

 private:
  std::vector<RuleSet<VersionInfo>> sets_;
};

}  // namespace kientao::rules
