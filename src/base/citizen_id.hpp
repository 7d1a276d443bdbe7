#pragma once
// A Vietnamese citizen identity number (CCCD): exactly 12 ASCII digits. Personal data: show
// Masked().
#include <optional>
#include <string>
#include <string_view>

namespace kientao {

class CitizenId {
 public:
  // nullopt unless `s` is 12 digits.
  static std::optional<CitizenId> Parse(std::string_view s);
  const std::string& value() const { return value_; }
  // "000******789": the province code and the last three digits, the rest hidden.
  std::string Masked() const;
  // Demo and test data use province code 000, which no province has.
  bool IsDemo() const { return value_.compare(0, 3, "000") == 0; }

 private:
  explicit CitizenId(std::string v) : value_(std::move(v)) {}
  std::string value_;
};

std::string MaskCitizenId(std::string_view twelve_digits);

}  // namespace kientao
