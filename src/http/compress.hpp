#pragma once
// gzip of answers for clients that accept it (RFC 9110 §8.4): HTML, JSON, CSS, scripts, SVG, CSV
// and plain text of 1 KiB or more, compressed by zlib. Static files (answers with an ETag) are
// compressed once per version and kept, so a stylesheet is not compressed on every request.
#include <string>
#include <string_view>

#include "http/request.hpp"

namespace kientao::http {

// Whether an Accept-Encoding header accepts gzip ("gzip", "gzip;q=0.5", "*"; not "gzip;q=0").
bool AcceptsGzip(std::string_view accept_encoding);
// The gzip member of `data` (zlib, best speed/size balance).
std::string Gzip(std::string_view data);
// Compresses `resp` in place when `req` accepts gzip and the answer is worth it; always says
// "Vary: Accept-Encoding" for the kinds it would compress.
void CompressIfAccepted(const Request& req, Response& resp);

}  // namespace kientao::http
