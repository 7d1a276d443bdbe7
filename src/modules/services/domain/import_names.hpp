#pragma once
// How the provincial one-stop systems' exports name things, read into the import's own names: a
// column header in Vietnamese ("Mã hồ sơ", "Ngày hẹn trả") and the words of a cell ("Trực tuyến",
// "Có", "Toàn trình"), matched without diacritics or case. The documented English names and codes
// are read as they are. Pure.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

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

// How one source's export is read, chosen once on the mapping screen and remembered: the row that
// holds the header (title rows above it are skipped) and, for some of its columns (by the header
// folded as CanonicalColumn takes it), the import column each one is. A column not listed keeps its
// own name (read by the dictionary above, or kept with the dossier as an extra column).
struct ColumnMapping {
  std::string source;  // "Hệ thống một cửa thành phố"
  int header_row = 1;
  std::map<std::string, std::string> columns;
};

// The import columns a mapping may name (those of the documented shape and the optional ones).
const std::vector<std::string>& DossierImportColumns();
// The problems of a mapping, each naming its field: SVC-8029 a column that is not an import column
// ({value}), SVC-8030 one import column given to two headers ({value}), GEN-0014 a header row
// outside 1–20, GEN-0004 no source name.
std::vector<FieldError> ValidateMapping(const ColumnMapping& m);
// The CSV text (UTF-8) with the mapping applied: the rows above the header row dropped and the
// mapped headers renamed; the rows themselves untouched. nullopt with `error_line` when the CSV is
// broken.
std::optional<std::string> ApplyMapping(std::string_view csv, const ColumnMapping& m,
                                        int* error_line);

}  // namespace kientao::services
