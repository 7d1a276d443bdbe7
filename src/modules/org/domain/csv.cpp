#include "modules/org/domain/csv.hpp"

namespace kientao::org {

std::optional<CsvTable> ParseCsv(std::string_view text, int* error_line) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  CsvTable t;
  std::vector<std::string> row;
  std::string field;
  bool in_quotes = false, field_started = false, was_quoted = false;
  int line = 1;
  auto end_field = [&] {
    row.push_back(std::move(field));
    field.clear();
    field_started = was_quoted = false;
  };
  auto end_row = [&] {
    end_field();
    bool blank = row.size() == 1 && row[0].empty();
    if (!blank) t.rows.push_back(std::move(row));
    row.clear();
  };
  for (size_t i = 0; i < text.size(); ++i) {
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
        if (c == '\n') ++line;
        field.push_back(c);
      }
      continue;
    }
    if (c == '"') {
      if (field_started) {
        if (error_line) *error_line = line;
        return std::nullopt;
      }
      in_quotes = was_quoted = field_started = true;
    } else if (c == ',') {
      end_field();
    } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      // CR of a CRLF: the LF ends the row.
    } else if (c == '\n') {
      end_row();
      ++line;
    } else {
      if (was_quoted) {
        if (error_line) *error_line = line;
        return std::nullopt;
      }
      field_started = true;
      field.push_back(c);
    }
  }
  if (in_quotes) {
    if (error_line) *error_line = line;
    return std::nullopt;
  }
  if (field_started || !row.empty()) end_row();
  return t;
}

std::string CsvLine(const std::vector<std::string>& fields) {
  std::string out;
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i) out.push_back(',');
    std::string f = fields[i];
    if (!f.empty() && (f[0] == '=' || f[0] == '+' || f[0] == '-' || f[0] == '@')) f = "'" + f;
    if (f.find_first_of(",\"\r\n") != std::string::npos) {
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

}  // namespace kientao::org
