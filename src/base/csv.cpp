#include "base/csv.hpp"

#include <unicode/normalizer2.h>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>

#include <map>
#include <memory>

#include "base/text.hpp"

namespace kientao {

namespace {

bool Guarded(std::string_view f) {
  return f.size() >= 2 && f[0] == '\'' &&
         std::string_view("=+-@'").find(f[1]) != std::string_view::npos;
}

bool NeedsGuard(std::string_view f) {
  return !f.empty() && std::string_view("=+-@'").find(f[0]) != std::string_view::npos;
}

// The separator of the header line: the most frequent of ',', ';' and tab outside quotes (',' when
// none or a tie).
char SeparatorOf(std::string_view text) {
  int comma = 0, semicolon = 0, tab = 0;
  bool quoted = false;
  for (char c : text) {
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if (c == '\n' || c == '\r') break;
    comma += c == ',';
    semicolon += c == ';';
    tab += c == '\t';
  }
  if (semicolon > comma && semicolon >= tab) return ';';
  if (tab > comma && tab > semicolon) return '\t';
  return ',';
}

// The spreadsheet's name of a column: 0 → "A", 25 → "Z", 26 → "AA".
std::string ColumnLetters(size_t i) {
  std::string s;
  for (size_t n = i + 1; n > 0; n = (n - 1) / 26) s.insert(s.begin(), char('A' + (n - 1) % 26));
  return s;
}

// `bytes` in `charset` as NFC UTF-8; nullopt when ICU does not know the charset (*unknown set) or
// the bytes are not valid in it.
std::optional<std::string> Convert(std::string_view bytes, const char* charset, bool* unknown) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, void (*)(UConverter*)> conv(ucnv_open(charset, &status), ucnv_close);
  if (U_FAILURE(status) || !conv) {
    if (unknown) *unknown = true;
    return std::nullopt;
  }
  // Stop at a byte the charset does not define instead of substituting it silently.
  ucnv_setToUCallBack(conv.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  icu::UnicodeString u(static_cast<int32_t>(bytes.size()), 0, 0);
  int32_t cap = static_cast<int32_t>(bytes.size()) + 1;
  UChar* buf = u.getBuffer(cap);
  int32_t n = ucnv_toUChars(conv.get(), buf, cap, bytes.data(), static_cast<int32_t>(bytes.size()),
                            &status);
  u.releaseBuffer(U_SUCCESS(status) ? n : 0);
  if (U_FAILURE(status)) return std::nullopt;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return std::nullopt;
  icu::UnicodeString norm = nfc->normalize(u, status);
  if (U_FAILURE(status)) return std::nullopt;
  std::string out;
  norm.toUTF8String(out);
  if (!out.empty() && out.compare(0, 3, "\xEF\xBB\xBF") == 0) out.erase(0, 3);
  return out;
}

// The first `max` code points of valid UTF-8 `s`, "…" after when it was longer.
std::string FirstCodePoints(const std::string& s, size_t max) {
  size_t count = 0;
  for (size_t i = 0; i < s.size(); ++i)
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80 && count++ == max)
      return s.substr(0, i) + "…";
  return s;
}

}  // namespace

bool ForEachCsvRow(std::string_view text,
                   const std::function<bool(std::vector<std::string>& fields, int row)>& emit,
                   int* error_line, char* separator_out) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  const char separator = SeparatorOf(text);
  if (separator_out) *separator_out = separator;
  std::vector<std::string> row;
  std::string field;
  bool in_quotes = false, field_started = false, was_quoted = false, stopped = false;
  int line = 1, rows = 0;
  auto end_field = [&] {
    if (Guarded(field)) field.erase(0, 1);
    row.push_back(std::move(field));
    field.clear();
    field_started = was_quoted = false;
  };
  auto end_row = [&] {
    end_field();
    bool blank = row.size() == 1 && row[0].empty();
    if (!blank && !emit(row, ++rows)) stopped = true;
    row.clear();
  };
  auto fail = [&] {
    if (error_line) *error_line = line;
    return false;
  };
  for (size_t i = 0; i < text.size() && !stopped; ++i) {
    char c = text[i];
    if (in_quotes) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          field.push_back('"');
          ++i;
        } else {
          in_quotes = false;
        }
      } else {
        if (c == '\n' || (c == '\r' && (i + 1 == text.size() || text[i + 1] != '\n'))) ++line;
        field.push_back(c);
      }
      continue;
    }
    if (c == '"') {
      if (field_started) return fail();
      in_quotes = was_quoted = field_started = true;
    } else if (c == separator) {
      end_field();
    } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      // CR of a CRLF: the LF ends the row.
    } else if (c == '\n' || c == '\r') {
      // LF, or a CR alone (old Mac files).
      end_row();
      ++line;
    } else {
      if (was_quoted) return fail();
      field_started = true;
      field.push_back(c);
    }
  }
  if (stopped) return true;
  if (in_quotes) return fail();
  if (field_started || !row.empty()) end_row();
  return true;
}

std::optional<CsvTable> ParseCsv(std::string_view text, int* error_line) {
  CsvTable t;
  bool ok = ForEachCsvRow(
      text,
      [&t](std::vector<std::string>& fields, int) {
        t.rows.push_back(std::move(fields));
        return true;
      },
      error_line, &t.separator);
  if (!ok) return std::nullopt;
  return t;
}

std::string CsvLine(const std::vector<std::string>& fields) {
  std::string out;
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i) out.push_back(',');
    std::string f = fields[i];
    if (NeedsGuard(f)) f = "'" + f;
    if (f.find_first_of(",;\"\r\n\t") != std::string::npos) {
      out.push_back('"');
      for (char c : f) {
        if (c == '"') out.push_back('"');
        out.push_back(c);
      }
      out.push_back('"');
    } else {
      out += f;
    }
  }
  out += "\r\n";
  return out;
}

std::string CharsetOf(std::string_view content_type) {
  std::string lower = text::AsciiLower(content_type);
  size_t at = lower.find("charset=");
  if (at == std::string::npos) return "";
  std::string v = lower.substr(at + 8);
  if (size_t end = v.find(';'); end != std::string::npos) v.resize(end);
  std::string out;
  for (char c : v)
    if (c != '"' && c != ' ' && c != '\t') out.push_back(c);
  return out;
}

std::optional<std::string> FromWindows1258(std::string_view bytes) {
  return Convert(bytes, "windows-1258", nullptr);
}

std::string DecodeUpload(std::string_view bytes, std::string_view charset,
                         const std::string& field) {
  std::string cs(charset);
  if (cs.empty() || cs == "utf-8" || cs == "utf8") {
    if (bytes.size() >= 2 && ((bytes[0] == '\xFF' && bytes[1] == '\xFE') ||
                              (bytes[0] == '\xFE' && bytes[1] == '\xFF'))) {
      // UTF-16 with its byte-order mark (Excel's "Unicode Text").
      if (auto u = Convert(bytes, "UTF-16", nullptr)) return *u;
      throw Error(gen_errors::kInvalidUtf8, field);
    }
    if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
    if (text::IsValidUtf8(bytes)) return std::string(bytes);
    if (!cs.empty()) throw Error(gen_errors::kInvalidUtf8, field);
    // Not UTF-8 and nothing declared: most likely Excel's "CSV" on a Vietnamese Windows. Show how
    // Windows-1258 reads the first line, and let the person confirm or save as CSV UTF-8.
    std::string preview;
    if (auto w = FromWindows1258(bytes.substr(0, 4096))) {
      preview = FirstCodePoints(w->substr(0, w->find_first_of("\r\n")), 200);
    }
    throw Error(gen_errors::kNotUtf8File, field, {{"preview", preview}});
  }
  bool unknown = false;
  const char* name = cs == "windows-1258" || cs == "cp1258" ? "windows-1258"
                     : cs == "utf-16le"                     ? "UTF-16LE"
                     : cs == "utf-16be"                     ? "UTF-16BE"
                     : cs == "utf-16"                       ? "UTF-16"
                                                            : nullptr;
  if (!name) throw Error(gen_errors::kUnknownCharset, field, {{"charset", cs}});
  auto u = Convert(bytes, name, &unknown);
  if (!u)
    throw Error(unknown ? gen_errors::kUnknownCharset : gen_errors::kInvalidUtf8, field,
                {{"charset", cs}});
  return *u;
}

void CsvHeader::Read(const std::vector<std::string>& row, const std::vector<std::string>& required,
                     ErrorDef missing) {
  names = row;
  index.clear();
  for (size_t i = 0; i < names.size(); ++i) index[text::Fold(text::NormalizeSpace(names[i]))] = i;
  for (const auto& name : required)
    if (!index.count(name)) throw Error(missing, "file", {{"column", name}});
}

std::string CsvHeader::Cell(const std::vector<std::string>& row, const std::string& name) const {
  auto it = index.find(name);
  if (it == index.end() || it->second >= row.size()) return "";
  return text::Nfc(text::NormalizeSpace(row[it->second]));
}

std::optional<FieldError> CsvShapeProblem(const std::vector<std::string>& header,
                                          const std::vector<std::string>& fields, int row) {
  size_t n = fields.size(), expected = header.size();
  if (n == expected) return std::nullopt;
  std::map<std::string, std::string> p = {{"count", std::to_string(n)},
                                          {"expected", std::to_string(expected)}};
  if (n < expected) {
    p["column"] = header[n];
    return FieldError{header[n], std::string(gen_errors::kCsvShortRow.code), p, row};
  }
  p["column"] = ColumnLetters(expected);
  return FieldError{ColumnLetters(expected), std::string(gen_errors::kCsvExtraField.code), p, row};
}

std::vector<FieldError> CsvShapeProblems(const CsvTable& t) {
  std::vector<FieldError> out;
  for (size_t r = 1; r < t.rows.size(); ++r)
    if (auto p = CsvShapeProblem(t.rows[0], t.rows[r], static_cast<int>(r) + 1))
      out.push_back(std::move(*p));
  return out;
}

}  // namespace kientao
