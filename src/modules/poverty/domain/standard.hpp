#pragma once
// The multidimensional poverty standard as data (Decree 07/2021 art. 3 for the reviews of
// 2022–2026, Decree 351/2025 for 2027–2030; a province's higher standard beside them), the
// classification of a household under it, and the Alkire–Foster figures of many households.
// Pure functions: no database, no clock.
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "base/rule_file.hpp"

namespace kientao::poverty {

enum class Area { kRural, kUrban };
std::optional<Area> ParseArea(std::string_view code);  // "rural" | "urban"
std::string_view AreaCode(Area a);

enum class Class { kPoor, kNearPoor, kAverageLiving, kNotPoor };
std::string_view ClassCode(Class c);  // "poor", "near_poor", "average_living", "not_poor"

// One deprivation indicator of a standard: its code, the service (dimension) it measures, its
// name and threshold as the decree words them, and the threshold's numbers (e.g. min_m2 = 8) for
// the registry's derivation from a household's facts; `verified` as its rule table says.
struct Indicator {
  std::string code;       // "floor_area"
  std::string dimension;  // "housing"
  std::string name;       // "Diện tích nhà ở bình quân đầu người"
  std::string threshold;  // "Dưới 8 m²/người"
  std::map<std::string, double> params;
  std::string article;
  bool verified = false;
};

// One version of a standard (one rule file).
struct Standard {
  RuleMeta meta;  // set, article, the years whose reviews use it (effective_from … effective_to)
  double line_rural = 0, line_urban = 0;  // VND per person per month
  bool lines_verified = false;
  // The upper end of the average-living band (agricultural households above the line); absent
  // when no rule file gives it, and then there is no such class.
  std::optional<double> mid_rural, mid_urban;
  bool mid_verified = false;
  int poor_min_deprivations = 3;
  std::vector<Indicator> indicators;  // in the decree's order

  // Throws RuleFileError naming the file and key (an unknown key too).
  static Standard Load(std::string_view text, const std::string& file);
  double Line(Area a) const { return a == Area::kRural ? line_rural : line_urban; }
  std::optional<double> MidLine(Area a) const { return a == Area::kRural ? mid_rural : mid_urban; }
  const Indicator* Find(std::string_view code) const;
};

// What the classification needs of a household: its area, income per person per month (VND), the
// indicators it is deprived in (codes of the standard), and whether it lives from agriculture,
// forestry, fishery or salt making.
struct Household {
  Area area = Area::kRural;
  double income_per_capita = 0;
  std::set<std::string> deprived;
  bool agricultural = false;
};

struct Classification {
  Class cls = Class::kNotPoor;
  int deprivations = 0;
  double poverty_line = 0;
  std::optional<double> mid_line;  // the average-living band's top, when the standard has one
};

// Throws Error: POV-1001 a deprived code not in this standard (naming it), POV-1002 a negative
// income.
void CheckHousehold(const Standard& s, const Household& h);
// Poor: income ≤ line and at least poor_min_deprivations; near-poor: income ≤ line and fewer;
// average living: an agricultural household above the line up to the mid line (when the standard
// has one); otherwise not poor. Checks the household first (CheckHousehold).
Classification Classify(const Standard& s, const Household& h);

// Alkire–Foster with equal weights (1/d over the standard's d indicators): c = weighted
// deprivations; poor when c ≥ k (within 1e-9, so k = 1/3 selects 4 of 12) and, with
// `dual_cutoff`, income ≤ the line. H = q/n, A = the poor's mean c, M0 = H·A; the contribution of
// indicator j = w_j · (poor deprived in j ÷ n) ÷ M0 (0 when M0 is 0).
struct Measures {
  long long n = 0, q = 0;
  double H = 0, A = 0, M0 = 0;
  std::map<std::string, double> contributions;  // by indicator code, every indicator present
};
// Throws Error: POV-1003 k outside (0, 1]; a household as CheckHousehold does.
Measures AlkireFoster(const Standard& s, const std::vector<Household>& households, double k,
                      bool dual_cutoff);

// The same figures built one household at a time, for inputs too large to hold (a generated
// file of millions): Add each, then Result.
class MeasuresAccumulator {
 public:
  MeasuresAccumulator(const Standard& s, double k, bool dual_cutoff);
  void Add(const Household& h);
  // The same for a household given as a bit mask of its deprivations (bit j: the standard's
  // indicator j) and a known-valid income: the path of a stream of millions. Bits beyond the
  // standard's indicators are ignored.
  void AddMask(Area area, double income_per_capita, uint32_t deprived);
  Measures Result() const;

 private:
  const Standard& s_;
  double k_;
  bool dual_;
  long long n_ = 0, q_ = 0, poor_deprivations_ = 0;
  std::vector<long long> poor_deprived_;  // by indicator index
};

// The same figures for each subgroup (a village) and for all: M0 decomposes by subgroup, M0 =
// Σ_g (n_g / n) · M0_g, and `share` is each subgroup's part of the total M0, (n_g / n) · M0_g / M0
// (0 when M0 is 0).
struct GroupMeasures {
  std::string group;
  Measures m;
  double population_share = 0;  // n_g / n
  double share = 0;             // of the total M0
};
struct Decomposition {
  Measures total;
  std::vector<GroupMeasures> groups;  // by group name
};
// `groups[i]` is households[i]'s subgroup. Throws as AlkireFoster does.
Decomposition AlkireFosterByGroup(const Standard& s, const std::vector<Household>& households,
                                  const std::vector<std::string>& groups, double k,
                                  bool dual_cutoff);

}  // namespace kientao::poverty
