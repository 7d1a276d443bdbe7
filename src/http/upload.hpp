#pragma once
// A file uploaded through an import page, read the same way by every module: the multipart form's
// file (or, after the person confirmed how a non-UTF-8 file reads as Windows-1258, the text that
// was shown to them), and the page's other fields; and the refusal shown back, with that
// confirmation offered when the file was not UTF-8 (template partial shell/upload_confirm).
#include <map>
#include <string>

#include "base/error.hpp"
#include "http/request.hpp"
#include "http/router.hpp"
#include "http/templates.hpp"

namespace kientao::http {

struct Upload {
  std::string file;     // the bytes to import
  std::string charset;  // "utf-8" when confirmed as converted, else "" (DecodeUpload decides)
  std::map<std::string, std::string> fields;  // the form's other fields ("kind", …)
};

// Throws `empty` (field "file") when no file was sent.
Upload ReadUpload(const Request& req, ErrorDef empty);

// The refusal `e` of an upload for the page: when the file was not UTF-8 and reads as
// Windows-1258, its first lines (`preview`), the converted text (`converted`) and the fields to
// send again (`upload_fields`) so the person can confirm it (`confirm_1258`); otherwise the form
// error (http/form.hpp).
void ShowUploadError(TemplateData& d, const Ctx& ctx, const Error& e, const Upload& up);

}  // namespace kientao::http
