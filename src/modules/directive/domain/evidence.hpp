#pragma once
// What an evidence file may be: PDF, PNG, JPEG, DOCX or XLSX, recognised from the first bytes (and,
// for the Office formats, the parts inside the ZIP), never from the name or the type the browser
// claims; at most 5 MiB. Anything else — programs, scripts, web pages — is refused. Pure.
#include <optional>
#include <string>
#include <string_view>

namespace kientao::directive {

inline constexpr size_t kMaxEvidenceBytes = 5 * 1024 * 1024;

// The media type of `data`, or nullopt when it is not an accepted kind of file. `has_zip_entry`
// tells whether a ZIP holds a named part (for telling DOCX and XLSX from other ZIPs).
std::optional<std::string> SniffEvidenceType(std::string_view data,
                                             bool (*has_zip_entry)(std::string_view data,
                                                                   const char* name));

// The file-name extension of an accepted media type ("application/pdf" → "pdf").
std::string ExtensionOf(std::string_view media_type);

// A file name safe to store and to send back, for a file sniffed as `media_type`: the last path
// component; invalid UTF-8, control characters, bidirectional controls (a right-to-left override
// turns "bao-caoU+202E fdp.exe" into what looks like "bao-caoexe.pdf"), zero-width characters,
// quotes and
// ';' removed; the extensions it claims ("bao-cao.hta", "x.pdf.exe", "x.cmd") replaced by the one
// of the sniffed type, so no stored name can run as a program; at most 120 code points;
// "tep-tin.<ext>" when nothing is left.
std::string SafeFileName(std::string_view name, std::string_view media_type);

}  // namespace kientao::directive
