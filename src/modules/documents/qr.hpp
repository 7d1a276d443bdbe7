#pragma once
// QR codes (ISO/IEC 18004, encoded by libqrencode) drawn as SVG: one path of dark modules with the
// four-module quiet zone, so a phone's camera reads it on screen and on paper.
#include <optional>
#include <string>

namespace kientao::documents {

// An <svg> of `text` at error-correction level M, `size_px` wide and high, with `label` as its
// accessible name; nullopt when the text is too long for a QR code.
std::optional<std::string> QrSvg(const std::string& text, int size_px, const std::string& label);

}  // namespace kientao::documents
