#pragma once
// ZIP archives in memory (libzip), for DOCX/XLSX files and exchange packages.
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kientao::documents {

// The bytes of a ZIP holding `files` (name, content) in order, deflated. Throws std::runtime_error
// when libzip fails.
std::string WriteZip(const std::vector<std::pair<std::string, std::string>>& files);
// The content of `name` in the ZIP `bytes`; nullopt when the archive is unreadable or lacks it.
std::optional<std::string> ReadZipEntry(std::string_view bytes, const std::string& name);

}  // namespace kientao::documents
