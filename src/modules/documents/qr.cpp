#include "modules/documents/qr.hpp"

#include <png.h>
#include <qrencode.h>

#include <memory>
#include <stdexcept>
#include <vector>

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

namespace {

void AppendPng(png_structp png, png_bytep data, png_size_t length) {
  static_cast<std::string*>(png_get_io_ptr(png))
      ->append(reinterpret_cast<const char*>(data), length);
}

// libpng reports errors by longjmp to here: nothing with a destructor lives in this frame.
bool EncodeGray(png_structp png, png_infop info, std::string* out, const png_byte* pixels,
                int side) {
  if (setjmp(png_jmpbuf(png))) return false;
  png_set_write_fn(png, out, &AppendPng, nullptr);
  png_set_IHDR(png, info, static_cast<png_uint_32>(side), static_cast<png_uint_32>(side), 8,
               PNG_COLOR_TYPE_GRAY, PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT,
               PNG_FILTER_TYPE_DEFAULT);
  png_write_info(png, info);
  for (int y = 0; y < side; ++y)
    png_write_row(png, const_cast<png_bytep>(pixels + static_cast<size_t>(y) * side));
  png_write_end(png, nullptr);
  return true;
}

}  // namespace

std::optional<std::string> QrPng(const std::string& text, int module_px) {
  std::unique_ptr<QRcode, decltype(&QRcode_free)> qr(
      QRcode_encodeString8bit(text.c_str(), 0, QR_ECLEVEL_M), &QRcode_free);
  if (!qr) return std::nullopt;
  const int n = qr->width, quiet = 4, side = (n + 2 * quiet) * module_px;
  std::vector<png_byte> pixels(static_cast<size_t>(side) * side, 255);
  for (int y = 0; y < side; ++y)
    for (int x = 0; x < side; ++x) {
      int my = y / module_px - quiet, mx = x / module_px - quiet;
      if (my >= 0 && my < n && mx >= 0 && mx < n && (qr->data[my * n + mx] & 1))
        pixels[static_cast<size_t>(y) * side + x] = 0;
    }
  png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
  if (!png) throw std::runtime_error("libpng: cannot create a writer");
  png_infop info = png_create_info_struct(png);
  std::string out;
  bool ok = info && EncodeGray(png, info, &out, pixels.data(), side);
  png_destroy_write_struct(&png, &info);
  if (!ok) throw std::runtime_error("libpng: cannot write the QR code");
  return out;
}

}  // namespace kientao::documents
