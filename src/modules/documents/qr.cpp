#include "modules/documents/qr.hpp"

#include <qrencode.h>

#include <memory>

#include "modules/documents/docx.hpp"  // XmlEscape

namespace kientao::documents {

std::optional<std::string> QrSvg(const std::string& text, int size_px, const std::string& label) {
  std::unique_ptr<QRcode, decltype(&QRcode_free)> qr(
      QRcode_encodeString8bit(text.c_str(), 0, QR_ECLEVEL_M), &QRcode_free);
  if (!qr) return std::nullopt;
  const int n = qr->width, quiet = 4, side = n + 2 * quiet;
  std::string path;
  for (int y = 0; y < n; ++y)
    for (int x = 0; x < n; ++x)
      if (qr->data[y * n + x] & 1)  // bit 0: a dark module
        path += "M" + std::to_string(x + quiet) + " " + std::to_string(y + quiet) + "h1v1h-1z";
  std::string s = std::to_string(side), px = std::to_string(size_px);
  return "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"" + XmlEscape(label) +
         "\" width=\"" + px + "\" height=\"" + px + "\" viewBox=\"0 0 " + s + " " + s +
         "\" shape-rendering=\"crispEdges\"><rect width=\"" + s + "\" height=\"" + s +
         "\" fill=\"#fff\"/><path d=\"" + path + "\" fill=\"#000\"/></svg>";
}

}  // namespace kientao::documents
