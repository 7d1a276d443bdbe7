#pragma once
// How the provincial one-stop systems' exports name things, read into the import's own names: a
// column header in Vietnamese ("Mã hồ sơ", "Ngày hẹn trả") and the words of a cell ("Trực tuyến",
// "Có", "Toàn trình"), matched without diacritics or case. The documented English names and codes
// are read as they are. Pure.
#include <optional>
#include <string>
#include <string_view>

#include "modules/services/domain/dossier.hpp"

namespace kientao::services {

// The import column a header names ("" when none): "Mã hồ sơ" → "code". `folded` is the header
// folded (text::Fold of its spaces normalised), as base/csv's CsvHeader keys it.
std::string CanonicalColumn(std::string_view folded);
// A cell's channel, yes/no, online level or status, in a code or in Vietnamese; nullopt when it
// is neither (the import names the value then).
std::optional<Channel> ReadChannel(std::string_view cell);
std::optional<bool> ReadFlag(std::string_view cell, std::optional<bool> empty);
std::optional<OnlineLevel> ReadOnlineLevel(std::string_view cell);
std::optional<Status> ReadStatus(std::string_view cell);

}  // namespace kientao::services
