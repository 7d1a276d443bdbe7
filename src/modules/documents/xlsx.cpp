#include "modules/documents/xlsx.hpp"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include <xlsxwriter.h>

namespace kientao::documents {

namespace fs = std::filesystem;

namespace {

std::string ReadAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// A private temporary folder, removed when the holder goes.
struct TempDir {
  fs::path path;
  TempDir() {
    std::string tmpl = (fs::temp_directory_path() / "kientao-doc-XXXXXX").string();
    if (!mkdtemp(tmpl.data())) throw std::runtime_error("cannot create a temporary folder");
    path = tmpl;
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
};

std::string SheetName(std::string s) {
  for (char& ch : s)
    if (std::string_view("[]:*?/\\").find(ch) != std::string_view::npos) ch = '-';
  // 31 characters at most (code points).
  size_t count = 0, i = 0;
  for (; i < s.size(); ++i)
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80 && ++count > 31) break;
  return s.substr(0, i);
}

}  // namespace

std::string RenderXlsx(const std::vector<XlsxSheet>& sheets) {
  TempDir dir;
  fs::path file = dir.path / "annex.xlsx";
  lxw_workbook* wb = workbook_new(file.c_str());
  if (!wb) throw std::runtime_error("xlsx: cannot create the workbook");
  lxw_format* bold = workbook_add_format(wb);
  format_set_bold(bold);
  format_set_font_name(bold, "Times New Roman");
  lxw_format* head = workbook_add_format(wb);
  format_set_bold(head);
  format_set_border(head, LXW_BORDER_THIN);
  format_set_text_wrap(head);
  format_set_align(head, LXW_ALIGN_CENTER);
  format_set_font_name(head, "Times New Roman");
  lxw_format* text = workbook_add_format(wb);
  format_set_border(text, LXW_BORDER_THIN);
  format_set_text_wrap(text);
  format_set_font_name(text, "Times New Roman");
  lxw_format* number = workbook_add_format(wb);
  format_set_border(number, LXW_BORDER_THIN);
  format_set_num_format(number, "#,##0.##");
  format_set_font_name(number, "Times New Roman");
  for (auto& s : sheets) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, SheetName(s.name).c_str());
    if (!ws) {
      workbook_close(wb);
      throw std::runtime_error("xlsx: cannot add sheet " + s.name);
    }
    for (size_t c = 0; c < s.widths.size(); ++c)
      worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), s.widths[c],
                           nullptr);
    worksheet_write_string(ws, 0, 0, s.title.c_str(), bold);
    for (size_t c = 0; c < s.header.size(); ++c)
      worksheet_write_string(ws, 2, static_cast<lxw_col_t>(c), s.header[c].c_str(), head);
    lxw_row_t r = 3;
    for (auto& row : s.rows) {
      for (size_t c = 0; c < row.size(); ++c) {
        auto col = static_cast<lxw_col_t>(c);
        if (auto* d = std::get_if<double>(&row[c]))
          worksheet_write_number(ws, r, col, *d, number);
        else if (auto* t = std::get_if<std::string>(&row[c]))
          worksheet_write_string(ws, r, col, t->c_str(), text);
        else
          worksheet_write_blank(ws, r, col, text);
      }
      ++r;
    }
  }
  if (workbook_close(wb) != LXW_NO_ERROR)
    throw std::runtime_error("xlsx: cannot write the workbook");
  return ReadAll(file);
}

bool PdfConverterAvailable() {
  const char* path = std::getenv("PATH");
  std::stringstream ss(path ? path : "");
  std::string dir;
  while (std::getline(ss, dir, ':'))
    if (!dir.empty() && access((fs::path(dir) / "soffice").c_str(), X_OK) == 0) return true;
  return false;
}

std::optional<std::string> ConvertDocxToPdf(const std::string& docx) {
  if (!PdfConverterAvailable()) return std::nullopt;
  TempDir dir;
  fs::path in = dir.path / "report.docx";
  {
    std::ofstream out(in, std::ios::binary);
    out.write(docx.data(), static_cast<std::streamsize>(docx.size()));
  }
  // A private profile so conversions never touch a user's LibreOffice settings or lock.
  std::string cmd = "HOME='" + dir.path.string() + "' soffice --headless --norestore " +
                    "-env:UserInstallation=file://" + (dir.path / "profile").string() +
                    " --convert-to pdf --outdir '" + dir.path.string() + "' '" + in.string() +
                    "' >/dev/null 2>&1";
  if (std::system(cmd.c_str()) != 0) return std::nullopt;
  fs::path pdf = dir.path / "report.pdf";
  if (!fs::exists(pdf)) return std::nullopt;
  return ReadAll(pdf);
}

}  // namespace kientao::documents
