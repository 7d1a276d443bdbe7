#pragma once
// The poverty module's operations. So far the standards: which one a year's review uses, a
// household classified under it (and under a province's own standard beside it), and the
// Alkire–Foster figures of a list of households. The household registry, the annual review and
// the indicator providers of key task 7 are to come (MODULE.md). Thread-safe: read-only after
// construction.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "base/rule_file.hpp"
#include "modules/poverty/domain/standard.hpp"

namespace kientao::poverty {

struct StandardClassification {
  const RuleSet<Standard>::Version* standard = nullptr;
  Classification result;
};

struct YearClassification {
  StandardClassification national;
  std::optional<StandardClassification> province;  // when a province standard covers the year
};

class PovertyService {
 public:
  // `rule_files`: the module's rule files (file name, text), a province's among them. Files of set
  // "poverty-national" are the national standard's versions; any other set is the province's.
  // Throws RuleFileError naming the file and key, or two versions in force at once.
  explicit PovertyService(const std::vector<std::pair<std::string, std::string>>& rule_files);

  // The national standard of the year's review; POV-1004 when no version covers it.
  const RuleSet<Standard>::Version& NationalFor(int year) const;
  const RuleSet<Standard>::Version* ProvinceFor(int year) const;
  YearClassification Classify(int year, const Household& h) const;
  Measures AlkireFosterOf(int year, const std::vector<Household>& households, double k,
                          bool dual_cutoff) const;
  // The same, and for each subgroup (`groups[i]`: household i's village).
  Decomposition AlkireFosterByGroupOf(int year, const std::vector<Household>& households,
                                      const std::vector<std::string>& groups, double k,
                                      bool dual_cutoff) const;

  const RuleSet<Standard>& national() const { return national_; }

 private:
  RuleSet<Standard> national_{"poverty-national"};
  RuleSet<Standard> province_{"poverty-province"};
};

}  // namespace kientao::poverty
