#include "modules/documents/qr.hpp"

#include <gtest/gtest.h>

namespace kientao::documents {

TEST(Qr, DrawsTheCodeAsOneSvgPathWithItsQuietZone) {
  auto svg = QrSvg("http://127.0.0.1:8080/tra-cuu/00ff", 160, "Mã QR tra cứu \"hồ sơ\"");
  ASSERT_TRUE(svg);
  EXPECT_EQ(svg->rfind("<svg ", 0), 0u);
  EXPECT_NE(svg->find("width=\"160\""), std::string::npos);
  EXPECT_NE(svg->find("aria-label=\"Mã QR tra cứu &quot;hồ sơ&quot;\""), std::string::npos);
  // Version 3 (29 modules) for 37 bytes at level M, plus 4 modules of quiet zone on each side.
  EXPECT_NE(svg->find("viewBox=\"0 0 37 37\""), std::string::npos) << svg->substr(0, 300);
  // The finder pattern's top-left module is dark, at (4, 4) after the quiet zone.
  EXPECT_NE(svg->find("M4 4h1v1h-1z"), std::string::npos);
  // Different texts, different codes.
  EXPECT_NE(*QrSvg("a", 100, ""), *QrSvg("b", 100, ""));
}

TEST(Qr, RefusesATextTooLongForAnyVersion) {
  EXPECT_FALSE(QrSvg(std::string(4000, 'x'), 100, ""));
  EXPECT_FALSE(QrPng(std::string(4000, 'x'), 4));
}

// The PNG for documents: a real PNG of (29 + 8) × 4 pixels a side, big-endian in its IHDR.
TEST(Qr, DrawsTheCodeAsAPngWithItsQuietZone) {
  auto png = QrPng("http://127.0.0.1:8080/tra-cuu/00ff", 4);
  ASSERT_TRUE(png);
  ASSERT_GT(png->size(), 33u);
  EXPECT_EQ(png->substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
  EXPECT_EQ(png->substr(12, 4), "IHDR");
  auto be32 = [&](size_t at) {
    return (static_cast<unsigned char>((*png)[at]) << 24) |
           (static_cast<unsigned char>((*png)[at + 1]) << 16) |
           (static_cast<unsigned char>((*png)[at + 2]) << 8) |
           static_cast<unsigned char>((*png)[at + 3]);
  };
  EXPECT_EQ(be32(16), 37u * 4);  // width
  EXPECT_EQ(be32(20), 37u * 4);  // height
  EXPECT_NE(*QrPng("a", 4), *QrPng("b", 4));
}

}  // namespace kientao::documents
