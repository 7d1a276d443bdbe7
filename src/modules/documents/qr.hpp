#pragma once
// QR codes (ISO/IEC 18004, encoded by libqrencode) drawn as SVG (and PNG for documents): one path
// of dark modules with the four-module quiet zone, so a phone's camera reads it on screen and on
// paper.
#include <optional>
#include <string>

namespace kientao::documents {

// An <svg> of `text` at error-correction level M, `size_px` wide and high, with `label` as its
// accessible name; nullopt when the text is too long for a QR code.
std::optional<std::string> QrSvg(const std::string& text, int size_px, const std::string& label);
// The same code as a PNG (libpng), `module_px` pixels per module, black on white with the quiet
// zone, for documents that carry images (the slip's DOCX); nullopt when the text is too long.
std::optional<std::string> QrPng(const std::string& text, int module_px);

}  // namespace kientao::documents
