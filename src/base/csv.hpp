#pragma once
// CSV files as people produce them (RFC 4180 and what Excel and LibreOffice write): quoted fields
// with "" escapes and embedded line breaks; CRLF, LF or CR-only line ends; ',' or ';' (Excel with
// a Vietnamese list separator) or tab between fields, found from the header line; a UTF-8 BOM
// ignored; UTF-16 (with its BOM) and a declared Windows-1258 file converted to UTF-8 with ICU.
// Every import of every module reads its file through here, and every export writes through
// CsvLine.
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/error.hpp"

namespace kientao {

struct CsvTable {
  char separator = ',';
  std::vector<std::vector<std::string>> rows;  // rows[0] is the header when there is one
};

// Reads the rows one by one as they come, calling `row(fields, n)` with n as a spreadsheet numbers
// them (blank lines skipped; the header is row 1), so a large file is never held as a table; stops
// when `row` answers false. False with `error_line` set when a quoted field is not closed or a
// quote appears inside an unquoted field (the rows before it have been given). A leading ' that
// CsvLine put before = + - @ is removed again. `separator` is set from the header line.
bool ForEachCsvRow(std::string_view text,
                   const std::function<bool(std::vector<std::string>& fields, int row)>& row,
                   int* error_line, char* separator = nullptr);

// The whole file as a table (small files). nullopt with `error_line` set when a quoted field is
// not closed or a quote appears inside an unquoted field. A leading ' that CsvLine put before = + -
// @ is removed again, so an exported file imported again reads the values that were exported.
std::optional<CsvTable> ParseCsv(std::string_view text, int* error_line);
// One CSV line (with CRLF) quoting fields that need it. A field starting with =, +, -, @ is
// prefixed with ' so spreadsheets do not run it as a formula.
std::string CsvLine(const std::vector<std::string>& fields);

// The charset a Content-Type declares ("text/csv; charset=windows-1258" → "windows-1258"), lower
// case; "" when none.
std::string CharsetOf(std::string_view content_type);

// An uploaded file's bytes as UTF-8 text. `charset` is what the sender declared ("" when nothing):
// UTF-8 (a BOM dropped), UTF-16 with its BOM, or a declared "windows-1258" / "utf-16le" /
// "utf-16be" converted by ICU. Anything else is refused, naming `field`:
// - bytes that are not UTF-8 and were not declared: GEN-0030, with the file's first line as
//   Windows-1258 would read it (`preview`), so the person can see whether that is their file and
//   confirm it, or save it again as "CSV UTF-8";
// - an unknown charset: GEN-0031; bytes that the declared charset cannot read: GEN-0005.
std::string DecodeUpload(std::string_view bytes, std::string_view charset,
                         const std::string& field);
// The bytes read as Windows-1258 (the Vietnamese Windows code page), NFC; nullopt when ICU cannot.
std::optional<std::string> FromWindows1258(std::string_view bytes);

// An import's header: its columns by name (folded, spaces normalised: "Full_Name " finds
// "full_name"), the required ones checked, and each row's cells read by name.
struct CsvHeader {
  std::vector<std::string> names;
  std::map<std::string, size_t> index;
  // Takes `row` as the header; throws `missing` with {column} for the first required one absent.
  void Read(const std::vector<std::string>& row, const std::vector<std::string>& required,
            ErrorDef missing);
  // The cell of column `name`: trimmed, spaces collapsed, NFC; "" when the row lacks it.
  std::string Cell(const std::vector<std::string>& row, const std::string& name) const;
};

// Rows whose number of fields differs from the header's: a short row names the first column it
// lacks (GEN-0032), an extra field names its position (GEN-0033); row numbers as a spreadsheet
// counts them (the header is row 1).
std::vector<FieldError> CsvShapeProblems(const CsvTable& t);
// The same for one row against the header.
std::optional<FieldError> CsvShapeProblem(const std::vector<std::string>& header,
                                          const std::vector<std::string>& fields, int row);

}  // namespace kientao
