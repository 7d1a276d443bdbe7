#include "modules/documents/xlsx.hpp"

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <list>
#include <mutex>
#include <sstream>
#include <stdexcept>

#include <xlsxwriter.h>

#include "base/blocking.hpp"
#include "base/error.hpp"
#include "base/text.hpp"
#include "modules/documents/docx.hpp"

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

XlsxIssuer CommuneIssuer(const std::string& commune) {
  return {"ỦY BAN NHÂN DÂN", text::ToUpper(commune)};
}

namespace {

// The formats of one workbook, Times New Roman as in the state's documents.
struct Formats {
  lxw_format *parent, *agency, *state, *title, *head, *text, *whole, *decimal, *date, *month;
  explicit Formats(lxw_workbook* wb) {
    auto make = [wb](bool bold, int size) {
      lxw_format* f = workbook_add_format(wb);
      format_set_font_name(f, "Times New Roman");
      format_set_font_size(f, size);
      if (bold) format_set_bold(f);
      return f;
    };
    auto centred = [](lxw_format* f) {
      format_set_align(f, LXW_ALIGN_CENTER);
      format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
      format_set_text_wrap(f);
      return f;
    };
    auto cell = [](lxw_format* f, const char* num_format) {
      format_set_border(f, LXW_BORDER_THIN);
      format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
      if (num_format) format_set_num_format(f, num_format);
      return f;
    };
    parent = centred(make(false, 12));
    agency = centred(make(true, 12));
    state = centred(make(true, 12));
    title = centred(make(true, 14));
    head = cell(centred(make(true, 12)), nullptr);
    text = cell(make(false, 12), nullptr);
    format_set_text_wrap(text);
    // Whole numbers without a decimal point ("18", not "18."); others with up to two decimals.
    whole = cell(make(false, 12), "#,##0");
    decimal = cell(make(false, 12), "#,##0.0#");
    date = cell(make(false, 12), "dd/mm/yyyy");
    month = cell(make(false, 12), "mm/yyyy");
  }
};

// Text across columns [first, last] of a row; one cell needs no merge.
void Across(lxw_worksheet* ws, lxw_row_t r, lxw_col_t first, lxw_col_t last, const std::string& s,
            lxw_format* f) {
  if (first == last)
    worksheet_write_string(ws, r, first, s.c_str(), f);
  else
    worksheet_merge_range(ws, r, first, r, last, s.c_str(), f);
}

void WriteCell(lxw_worksheet* ws, lxw_row_t r, lxw_col_t c, const XlsxCell& v, const Formats& f) {
  if (auto* d = std::get_if<double>(&v)) {
    bool whole = std::isfinite(*d) && std::floor(*d) == *d && std::fabs(*d) < 1e15;
    worksheet_write_number(ws, r, c, *d, whole ? f.whole : f.decimal);
  } else if (auto* t = std::get_if<std::string>(&v)) {
    worksheet_write_string(ws, r, c, t->c_str(), f.text);
  } else if (auto* day = std::get_if<XlsxDate>(&v)) {
    lxw_datetime dt = {day->date.year(), day->date.month(), day->date.day(), 0, 0, 0};
    worksheet_write_datetime(ws, r, c, &dt, day->month_only ? f.month : f.date);
  } else {
    worksheet_write_blank(ws, r, c, f.text);
  }
}

}  // namespace

std::string RenderXlsx(const std::vector<XlsxSheet>& sheets, const XlsxIssuer& issuer) {
  TempDir dir;
  fs::path file = dir.path / "annex.xlsx";
  lxw_workbook* wb = workbook_new(file.c_str());
  if (!wb) throw std::runtime_error("xlsx: cannot create the workbook");
  Formats f(wb);
  for (auto& s : sheets) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, SheetName(s.name).c_str());
    if (!ws) {
      workbook_close(wb);
      throw std::runtime_error("xlsx: cannot add sheet " + s.name);
    }
    size_t columns = std::max<size_t>(1, std::max(s.header.size(), s.widths.size()));
    auto last = static_cast<lxw_col_t>(columns - 1);
    int chars = 0;
    for (size_t c = 0; c < s.widths.size(); ++c) {
      chars += s.widths[c];
      worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), s.widths[c],
                           nullptr);
    }
    // The issuer at the left, the national title and motto at the right, as on a document.
    auto split = static_cast<lxw_col_t>(columns >= 2 ? columns / 2 - 1 : 0);
    auto right = static_cast<lxw_col_t>(columns >= 2 ? split + 1 : 0);
    Across(ws, 0, 0, split, issuer.parent, f.parent);
    Across(ws, 1, 0, split, issuer.agency, f.agency);
    if (columns >= 2) {
      Across(ws, 0, right, last, kNationalTitle, f.state);
      Across(ws, 1, right, last, kMotto, f.state);
    }
    Across(ws, 3, 0, last, s.title, f.title);
    worksheet_set_row(ws, 3, 36, nullptr);
    constexpr lxw_row_t kHeader = 5;
    for (size_t c = 0; c < s.header.size(); ++c)
      worksheet_write_string(ws, kHeader, static_cast<lxw_col_t>(c), s.header[c].c_str(), f.head);
    lxw_row_t r = kHeader + 1;
    for (auto& row : s.rows) {
      for (size_t c = 0; c < row.size(); ++c)
        WriteCell(ws, r, static_cast<lxw_col_t>(c), row[c], f);
      ++r;
    }
    // Print setup: A4, one page wide, the header row on every page, page numbers at the foot.
    worksheet_set_paper(ws, 9);
    if (chars > 100) worksheet_set_landscape(ws);
    worksheet_fit_to_pages(ws, 1, 0);
    worksheet_repeat_rows(ws, kHeader, kHeader);
    worksheet_set_footer(ws, "&CTrang &P/&N");
    worksheet_freeze_panes(ws, kHeader + 1, 0);
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

namespace {

// One LibreOffice at a time, a bounded queue before it, and the last PDFs made.
struct Converter {
  std::mutex turn;   // held while LibreOffice runs
  std::mutex state;  // guards what follows
  int waiting = 0;   // callers waiting for `turn` or running
  int limit = 4;     // callers allowed to wait besides the one running
  long long conversions = 0;
  std::list<std::pair<std::string, std::string>> cache;  // (docx, pdf), newest first
  static constexpr size_t kCached = 16;
};

Converter& TheConverter() {
  static Converter c;
  return c;
}

}  // namespace

void SetPdfQueueLimit(int waiting) {
  Converter& c = TheConverter();
  std::lock_guard lock(c.state);
  c.limit = std::max(0, waiting);
}

int PdfQueueLimit() {
  Converter& c = TheConverter();
  std::lock_guard lock(c.state);
  return c.limit;
}

long long PdfConversionsRun() {
  Converter& c = TheConverter();
  std::lock_guard lock(c.state);
  return c.conversions;
}

int PdfConversionsWaiting() {
  Converter& c = TheConverter();
  std::lock_guard lock(c.state);
  return c.waiting;
}

std::optional<std::string> ConvertDocxToPdf(const std::string& docx) {
  Converter& c = TheConverter();
  auto cached = [&]() -> std::optional<std::string> {
    for (auto it = c.cache.begin(); it != c.cache.end(); ++it)
      if (it->first == docx) {
        c.cache.splice(c.cache.begin(), c.cache, it);
        return c.cache.front().second;
      }
    return std::nullopt;
  };
  {
    std::lock_guard lock(c.state);
    if (auto pdf = cached()) return pdf;
    MayBlock();  // a conversion waits its turn and for LibreOffice (base/blocking.hpp)
    if (c.waiting > c.limit) throw Error(gen_errors::kBusy, "", {}, "PDF conversions queue full");
    ++c.waiting;
  }
  struct Leave {
    Converter& c;
    ~Leave() {
      std::lock_guard lock(c.state);
      --c.waiting;
    }
  } leave{c};
  std::lock_guard run(c.turn);
  {
    // Made by the conversion this caller waited behind?
    std::lock_guard lock(c.state);
    if (auto pdf = cached()) return pdf;
  }
  std::optional<std::string> pdf = ConvertWithLibreOffice(docx, "docx", "pdf", "pdf");
  std::lock_guard lock(c.state);
  ++c.conversions;
  if (pdf) {
    c.cache.emplace_front(docx, *pdf);
    if (c.cache.size() > Converter::kCached) c.cache.pop_back();
  }
  return pdf;
}

std::optional<std::string> ConvertWithLibreOffice(const std::string& bytes,
                                                  const std::string& in_ext,
                                                  const std::string& filter,
                                                  const std::string& out_ext,
                                                  const std::string& infilter) {
  if (!PdfConverterAvailable()) return std::nullopt;
  MayBlock();
  TempDir dir;
  fs::path in = dir.path / ("document." + in_ext);
  {
    std::ofstream out(in, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  }
  // A private profile so conversions never touch a user's LibreOffice settings or lock.
  std::string cmd = "HOME='" + dir.path.string() + "' soffice --headless --norestore " +
                    "-env:UserInstallation=file://" + (dir.path / "profile").string() +
                    (infilter.empty() ? std::string() : " --infilter='" + infilter + "'") +
                    " --convert-to '" + filter + "' --outdir '" + dir.path.string() + "' '" +
                    in.string() + "' >/dev/null 2>&1";
  if (std::system(cmd.c_str()) != 0) return std::nullopt;
  fs::path result = dir.path / ("document." + out_ext);
  if (!fs::exists(result)) return std::nullopt;
  return ReadAll(result);
}

}  // namespace kientao::documents
