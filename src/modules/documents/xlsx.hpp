#pragma once
// Spreadsheets (libxlsxwriter) and PDF conversion (LibreOffice, when installed).
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "base/date.hpp"

namespace kientao::documents {

// A real date cell, shown dd/mm/yyyy (or mm/yyyy for a month), so Excel and LibreOffice sort,
// filter and compute with it.
struct XlsxDate {
  Date date;
  bool month_only = false;
};

using XlsxCell = std::variant<std::monostate, double, std::string, XlsxDate>;

struct XlsxSheet {
  std::string name;   // at most 31 characters; []:*?/\ are replaced
  std::string title;  // below the state header, bold and centred across the columns
  std::vector<std::string> header;
  std::vector<int> widths;                  // column widths in characters
  std::vector<std::vector<XlsxCell>> rows;  // numbers stay numbers, dates stay dates
};

// Who issues the workbook, printed at the top left of every sheet as in an official document
// (Decree 30/2020): "ỦY BAN NHÂN DÂN" over "XÃ LẠC PHƯƠNG".
struct XlsxIssuer {
  std::string parent;
  std::string agency;
};
// The issuer for a commune's People's Committee ("Xã Lạc Phương").
XlsxIssuer CommuneIssuer(const std::string& commune);

// The .xlsx bytes: on every sheet the issuer and the state motto, the title, a frozen header row
// repeated on every printed page, A4 fitted to the page width; whole numbers without a decimal
// point. Throws std::runtime_error when the file cannot be written.
std::string RenderXlsx(const std::vector<XlsxSheet>& sheets, const XlsxIssuer& issuer);

// Whether LibreOffice's soffice is on the PATH.
bool PdfConverterAvailable();
// The PDF of a DOCX, converted by LibreOffice in a private temporary folder; nullopt when soffice
// is missing or fails. Conversions run one at a time in the process (each one starts a LibreOffice
// of ~200 MB): further callers wait in turn, and beyond `PdfQueueLimit()` waiting ones the call is
// refused with GEN-0026 (busy, try again shortly). The last PDFs made are kept, keyed by the exact
// DOCX bytes, so the same report asked again is not converted again until it changes.
std::optional<std::string> ConvertDocxToPdf(const std::string& docx);
// How many callers may wait for LibreOffice (default 4); conversions LibreOffice actually ran.
void SetPdfQueueLimit(int waiting);
int PdfQueueLimit();
long long PdfConversionsRun();
int PdfConversionsWaiting();  // callers waiting or converting now
// Any conversion LibreOffice knows: `bytes` in a file named `in_ext` (e.g. "xlsx") converted to
// `filter` (e.g. "pdf", "csv"), the result's bytes; nullopt when soffice is missing or fails.
// `infilter`: how to read the input when LibreOffice would guess (e.g. "CSV:44,34,76", a UTF-8
// CSV); "" lets it guess. Both filters are the caller's constants, never a user's text.
std::optional<std::string> ConvertWithLibreOffice(const std::string& bytes,
                                                  const std::string& in_ext,
                                                  const std::string& filter,
                                                  const std::string& out_ext,
                                                  const std::string& infilter = "");

}  // namespace kientao::documents
