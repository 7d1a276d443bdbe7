#pragma once
// Spreadsheets (libxlsxwriter) and PDF conversion (LibreOffice, when installed).
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace kientao::documents {

using XlsxCell = std::variant<std::monostate, double, std::string>;

struct XlsxSheet {
  std::string name;   // at most 31 characters; []:*?/\ are replaced
  std::string title;  // first row, bold
  std::vector<std::string> header;
  std::vector<int> widths;                  // column widths in characters
  std::vector<std::vector<XlsxCell>> rows;  // numbers stay numbers
};

// The .xlsx bytes. Throws std::runtime_error when the file cannot be written.
std::string RenderXlsx(const std::vector<XlsxSheet>& sheets);

// Whether LibreOffice's soffice is on the PATH.
bool PdfConverterAvailable();
// The PDF of a DOCX, converted by LibreOffice in a private temporary folder; nullopt when soffice
// is missing or fails.
std::optional<std::string> ConvertDocxToPdf(const std::string& docx);

}  // namespace kientao::documents
