#pragma once
// Staff of a commune: cadres, civil servants, public employees, part-time workers and contract
// staff.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/citizen_id.hpp"
#include "base/date.hpp"
#include "base/error.hpp"

namespace kientao::org {

enum class Sex { kMale, kFemale };
enum class StaffCategory { kCadre, kCivilServant, kPublicEmployee, kPartTime, kContract };
enum class StaffStatus { kActive, kInactive };

std::string_view SexCode(Sex s);                        // "male", "female"
std::optional<Sex> ParseSex(std::string_view s);        // also "Nam", "Nữ", "nam", "nu"
std::optional<Sex> SexFromCode(std::string_view code);  // "male"/"female" only: the stored form
std::string_view CategoryCode(StaffCategory c);         // "cadre", "civil_servant", …
// Accepts the code or the Vietnamese term with or without diacritics ("công chức", "cong chuc").
std::optional<StaffCategory> ParseCategory(std::string_view s);
std::optional<StaffCategory> CategoryFromCode(std::string_view code);  // the stored form only
const std::vector<StaffCategory>& AllCategories();
std::string_view StatusCode(StaffStatus s);

struct Staff {
  long long id = 0;
  long long commune_id = 0;
  long long unit_id = 0;
  std::string full_name;
  Sex sex = Sex::kMale;
  Date birth_date;
  std::string citizen_id;  // 12 digits; personal data, show MaskCitizenId()
  StaffCategory category = StaffCategory::kCivilServant;
  std::string position;
  Date start_date;
  StaffStatus status = StaffStatus::kActive;
  std::optional<Date> end_date;
};

// Fields a user supplies; unit_id must already be resolved.
struct StaffDraft {
  long long unit_id = 0;
  std::string full_name;
  Sex sex = Sex::kMale;
  Date birth_date;
  std::string citizen_id;
  StaffCategory category = StaffCategory::kCivilServant;
  std::string position;
  Date start_date;
  bool operator==(const StaffDraft&) const = default;
};

// Checks the rules that need no database: citizen ID is 12 digits (ORG-1006); born between 1940 and
// 15 years before `today` (ORG-1008); started at 15 or older and not after `today` + 1 year
// (ORG-1009). Returns every problem found (empty when valid).
std::vector<FieldError> ValidateStaff(const StaffDraft& d, Date today);

}  // namespace kientao::org
