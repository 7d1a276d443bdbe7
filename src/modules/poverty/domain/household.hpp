#pragma once
// A household as the registry keeps it: its village, code, area, income and house, and its members
// with the facts the indicators are derived from (domain/deprivation.hpp). Validation is pure: the
// day it is checked against is an argument.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/error.hpp"
#include "modules/poverty/domain/deprivation.hpp"
#include "modules/poverty/domain/standard.hpp"

namespace kientao::poverty {

// The codes stored and accepted by the API.
const std::vector<std::string>&
RelationshipCodes();                          // head, spouse, child, parent, grandchild, other
const std::vector<std::string>& WorkCodes();  // not_in_labour_force, unemployed, …
std::optional<Work> ParseWork(std::string_view code);
std::string_view WorkCode(Work w);

struct MemberDraft {
  Member facts;              // name, birth, work, insurance, … (domain/deprivation.hpp)
  std::string relationship;  // one of RelationshipCodes()
  std::string sex;           // male | female
  std::string citizen_id;    // 12 digits, or "" when the person has none yet
};

struct HouseholdDraft {
  long long village_id = 0;
  std::string code;
  Area area = Area::kRural;
  bool agricultural = false;
  double income_per_capita = 0;
  HouseFacts house;
  std::vector<MemberDraft> members;
};

// Every problem at once, each naming its field ("members[2].birth_date" for a member's): no
// code or one over 20 characters, no members, not exactly one head, a birth after `today`, a
// negative income or floor area, a citizen ID that is not 12 digits or appears twice in the
// household, an unknown relationship or sex, an information asset that is empty, over 40 characters
// or holds a comma (they are stored as a list).
std::vector<FieldError> ValidateHousehold(const HouseholdDraft& h, Date today);

}  // namespace kientao::poverty
