#pragma once
// Which indicators a household is deprived in, derived from the facts the registry keeps of its
// members and its house, by the thresholds of the standard's rule file (each indicator's params:
// ages, shares, m² per person). The registry's classification calls Classify on what this
// derives, never on deprivations typed by hand. Pure: the day of the review is an argument.
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "base/date.hpp"
#include "modules/poverty/domain/standard.hpp"

namespace kientao::poverty {

enum class Work {
  kNotInLabourForce,     // studying, retired, unable to work, not seeking work
  kUnemployed,           // able and willing, without a job
  kWageWithContract,     // làm công hưởng lương, có hợp đồng lao động
  kWageWithoutContract,  // làm công hưởng lương, không có hợp đồng lao động
  kSelfEmployed,         // tự làm, chủ cơ sở, lao động gia đình
};

struct Member {
  std::string name;  // for the reasons shown ("Nguyễn Văn A, 34 tuổi, thất nghiệp")
  Date birth;
  Work work = Work::kNotInLabourForce;
  bool health_insurance = false;
  bool monthly_social_allowance = false;  // elderly or disabled on the monthly allowance
  bool malnourished = false;              // a child's height- or weight-for-age
  bool qualified = false;  // aged 16–30: training, diploma or certificate for the age
  bool in_school = false;  // aged 3–15: at the school level of the age
  bool uses_internet = false;
};

struct HouseFacts {
  bool durable_house = true;
  double floor_area_m2 = 0;
  bool safe_water = true;
  bool hygienic_latrine = true;
  bool waste_treated = true;
  std::set<std::string> information_assets;  // "tv", "radio", "computer", "smartphone", …
};

// One deprivation and why: the members it comes from (empty for the house's).
struct Deprivation {
  std::string code;
  std::vector<size_t> members;  // indices into the household's members
};

// Every indicator of `s` the household is deprived in, in the standard's order. An indicator this
// function has no rule for (a province's own) is left out and listed in `underived`.
std::vector<Deprivation> DeriveDeprivations(const Standard& s, const std::vector<Member>& members,
                                            const HouseFacts& house, Date on,
                                            std::vector<std::string>* underived = nullptr);

// Age in whole years on `on`.
int AgeOn(Date birth, Date on);

}  // namespace kientao::poverty
