#pragma once
// Disaggregation of an indicator (DHIS2's category combinations): up to 5 categories (sex, age
// group, …), each with its options; a value may be entered per combination of one option of each
// category, and the indicator's total is their sum. At most 500 combinations. Pure.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kientao::indicator {

struct Category {
  std::string code;                                          // "sex"
  std::string name;                                          // "Giới tính"
  std::vector<std::pair<std::string, std::string>> options;  // (code, label): ("female", "Nữ")
};

inline constexpr size_t kMaxCategories = 5;
inline constexpr size_t kMaxCombinations = 500;

// Parses the JSON stored with a definition ([{code, name, options: [{code, label}]}]); throws Error
// IND-5011 naming what is wrong (more than 5 categories, over 500 combinations, fewer than two
// options, a code that is not [a-z0-9_-]+, a repeated code).
std::vector<Category> ParseCategories(std::string_view json);
std::string CategoriesJson(const std::vector<Category>& categories);

// Every combination, as option codes joined by '/' ("female/15-59"), in order; a label for each
// ("Nữ, 15–59").
std::vector<std::pair<std::string, std::string>> Combinations(
    const std::vector<Category>& categories);

}  // namespace kientao::indicator
