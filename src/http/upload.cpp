#include "http/upload.hpp"

#include "base/csv.hpp"
#include "http/form.hpp"
#include "http/multipart.hpp"

namespace kientao::http {

Upload ReadUpload(const Request& req, ErrorDef empty) {
  auto parts = ParseMultipart(req.Header("content-type"), req.body);
  if (!parts) throw Error(empty, "file");
  Upload up;
  bool confirmed = parts->count("converted") && !(*parts)["converted"].data.empty();
  if (!confirmed && (!parts->count("file") || (*parts)["file"].data.empty()))
    throw Error(empty, "file");
  up.file = confirmed ? (*parts)["converted"].data : (*parts)["file"].data;
  up.charset = confirmed ? "utf-8" : "";
  for (auto& [name, part] : *parts)
    if (name != "file" && name != "converted" && name != "_csrf" && part.filename.empty())
      up.fields[name] = part.data;
  return up;
}

void ShowUploadError(TemplateData& d, const Ctx& ctx, const Error& e, const Upload& up) {
  if (e.code() == gen_errors::kNotUtf8File.code) {
    if (auto text = FromWindows1258(up.file)) {
      d.set("converted", *text);
      TemplateData lines = List();
      size_t at = 0;
      for (int n = 0; n < 5 && at < text->size(); ++n) {
        size_t end = text->find_first_of("\r\n", at);
        lines.push_back(text->substr(at, end == std::string::npos ? end : end - at));
        at = end == std::string::npos ? text->size() : text->find_first_not_of("\r\n", end);
        if (at == std::string::npos) break;
      }
      d.set("preview", lines);
      TemplateData fields = List();
      for (const auto& [name, value] : up.fields) {
        TemplateData f = Object();
        f.set("name", name);
        f.set("value", value);
        fields.push_back(f);
      }
      d.set("upload_fields", fields);
      d.set("confirm_1258", true);
      return;
    }
  }
  SetFormError(d, ctx, e);
}

}  // namespace kientao::http
