#pragma once
// RFC 4180 CSV: quoted fields with "" escapes and embedded line breaks, CRLF or LF, a UTF-8 BOM
// ignored.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kientao::org {

struct CsvTable {
  std::vector<std::vector<std::string>> rows;  // rows[0] is the header when there is one
};

// nullopt with `error_line` set when a quoted field is not closed or a quote appears inside an
// unquoted field.
std::optional<CsvTable> ParseCsv(std::string_view text, int* error_line);
// One CSV line (with CRLF) quoting fields that need it. A field starting with =, +, -, @ is
// prefixed with ' so spreadsheets do not run it as a formula.
std::string CsvLine(const std::vector<std::string>& fields);

}  // namespace kientao::org
