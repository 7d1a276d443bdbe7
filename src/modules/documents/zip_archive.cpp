#include "modules/documents/zip_archive.hpp"

#include <stdexcept>

#include <zip.h>

namespace kientao::documents {

std::string WriteZip(const std::vector<std::pair<std::string, std::string>>& files) {
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* out = zip_source_buffer_create(nullptr, 0, 0, &err);
  if (!out) throw std::runtime_error("zip: cannot create a buffer");
  zip_source_keep(out);
  zip_t* za = zip_open_from_source(out, ZIP_TRUNCATE, &err);
  if (!za) {
    zip_source_free(out);
    throw std::runtime_error("zip: cannot open the buffer");
  }
  for (auto& [name, content] : files) {
    zip_source_t* s = zip_source_buffer(za, content.data(), content.size(), 0);
    if (!s || zip_file_add(za, name.c_str(), s, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE) < 0) {
      if (s) zip_source_free(s);
      zip_discard(za);
      zip_source_free(out);
      throw std::runtime_error("zip: cannot add " + name);
    }
  }
  if (zip_close(za) < 0) {
    zip_discard(za);
    zip_source_free(out);
    throw std::runtime_error("zip: cannot finish the archive");
  }
  std::string bytes;
  if (zip_source_open(out) == 0) {
    zip_source_seek(out, 0, SEEK_END);
    zip_int64_t size = zip_source_tell(out);
    zip_source_seek(out, 0, SEEK_SET);
    bytes.resize(static_cast<size_t>(size > 0 ? size : 0));
    zip_int64_t got =
        size > 0 ? zip_source_read(out, bytes.data(), static_cast<zip_uint64_t>(size)) : 0;
    zip_source_close(out);
    if (got != size) bytes.clear();
  }
  zip_source_free(out);
  if (bytes.empty()) throw std::runtime_error("zip: cannot read the archive back");
  return bytes;
}

std::optional<std::string> ReadZipEntry(std::string_view bytes, const std::string& name) {
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &err);
  if (!src) return std::nullopt;
  zip_t* za = zip_open_from_source(src, ZIP_RDONLY, &err);
  if (!za) {
    zip_source_free(src);
    return std::nullopt;
  }
  std::optional<std::string> out;
  zip_stat_t st;
  if (zip_stat(za, name.c_str(), 0, &st) == 0 && (st.valid & ZIP_STAT_SIZE) &&
      st.size < (64u << 20)) {
    if (zip_file_t* f = zip_fopen(za, name.c_str(), 0)) {
      std::string content(static_cast<size_t>(st.size), '\0');
      zip_int64_t got = st.size ? zip_fread(f, content.data(), st.size) : 0;
      zip_fclose(f);
      if (got == static_cast<zip_int64_t>(st.size)) out = std::move(content);
    }
  }
  zip_close(za);  // frees src
  return out;
}

}  // namespace kientao::documents
