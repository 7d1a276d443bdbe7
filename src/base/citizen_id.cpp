#include "base/citizen_id.hpp"

namespace kientao {

std::optional<CitizenId> CitizenId::Parse(std::string_view s) {
  if (s.size() != 12) return std::nullopt;
  for (char c : s)
    if (c < '0' || c > '9') return std::nullopt;
  return CitizenId(std::string(s));
}

std::string MaskCitizenId(std::string_view v) {
  if (v.size() != 12) return std::string(v.size(), '*');
  return std::string(v.substr(0, 3)) + "******" + std::string(v.substr(9));
}

std::string CitizenId::Masked() const { return MaskCitizenId(value_); }

}  // namespace kientao
