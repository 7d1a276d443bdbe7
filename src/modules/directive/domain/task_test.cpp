#include "modules/directive/domain/task.hpp"

#include <gtest/gtest.h>

namespace kientao::directive {

namespace {
Task Open() {
  Task t;
  t.start_on = *Date::FromYmd(2026, 4, 20);
  t.deadline = *Date::FromYmd(2026, 12, 31);
  t.progress = 40;
  return t;
}
std::string CodeOf(const Task& t, const UpdateDraft& u, Date today) {
  try {
    ValidateUpdate(t, u, today);
  } catch (const Error& e) {
    return std::string(e.code()) + ":" + e.field();
  }
  return "ok";
}
}  // namespace

TEST(TaskUpdate, RefusesWhatCannotBeTrue) {
  Date today = *Date::FromYmd(2026, 11, 28);
  UpdateDraft u{today, 50, "Đã rà soát", "", "", "", false};
  EXPECT_EQ(CodeOf(Open(), u, today), "ok");
  u.percent = 101;
  EXPECT_EQ(CodeOf(Open(), u, today), "DIR-2002:percent");
  u.percent = 90;
  u.completed = true;
  EXPECT_EQ(CodeOf(Open(), u, today), "DIR-2002:percent");
  u = {*Date::FromYmd(2026, 11, 29), 50, "x", "", "", "", false};
  EXPECT_EQ(CodeOf(Open(), u, today), "DIR-2003:on_date");
  u.on_date = *Date::FromYmd(2026, 4, 19);
  EXPECT_EQ(CodeOf(Open(), u, today), "DIR-2004:on_date");
  u = {today, 30, "", "", "", "", false};
  EXPECT_EQ(CodeOf(Open(), u, today), "DIR-2010:narrative");
  Task stopped = Open();
  stopped.stopped = true;
  EXPECT_EQ(CodeOf(stopped, {today, 50, "x", "", "", "", false}, today), "DIR-2005:id");
  Task done = Open();
  done.completed_on = *Date::FromYmd(2026, 10, 1);
  EXPECT_EQ(CodeOf(done, {today, 100, "x", "", "", "", false}, today), "DIR-2006:id");
}

TEST(TaskUpdate, ADeadlineBeforeTheStartIsRefused) {
  EXPECT_THROW(ValidateSchedule(*Date::FromYmd(2026, 5, 1), *Date::FromYmd(2026, 4, 30)), Error);
  EXPECT_NO_THROW(ValidateSchedule(*Date::FromYmd(2026, 5, 1), *Date::FromYmd(2026, 5, 1)));
  EXPECT_NO_THROW(ValidateSchedule(*Date::FromYmd(2026, 5, 1), std::nullopt));
}

}  // namespace kientao::directive

#include "modules/directive/domain/evidence.hpp"

namespace kientao::directive {
namespace {

bool FakeZip(std::string_view data, const char* name) {
  return data.find(name) != std::string_view::npos;
}

TEST(Evidence, TypeComesFromTheContentNotTheName) {
  EXPECT_EQ(SniffEvidenceType("%PDF-1.7 ...", FakeZip), "application/pdf");
  EXPECT_EQ(SniffEvidenceType(std::string_view("\x89PNG\r\n\x1a\n....", 12), FakeZip), "image/png");
  EXPECT_EQ(SniffEvidenceType("\xFF\xD8\xFF\xE0", FakeZip), "image/jpeg");
  EXPECT_EQ(SniffEvidenceType("PK\x03\x04 word/document.xml", FakeZip),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  EXPECT_EQ(SniffEvidenceType("PK\x03\x04 xl/workbook.xml", FakeZip),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  // Programs, scripts, web pages and other ZIPs are refused whatever they are called.
  for (std::string_view bad : {std::string_view("MZ\x90\x00", 4),
                               std::string_view("\x7f"
                                                "ELF"),
                               std::string_view("#!/bin/sh"), std::string_view("<html>"),
                               std::string_view("PK\x03\x04 other.txt"), std::string_view("")})
    EXPECT_FALSE(SniffEvidenceType(bad, FakeZip)) << bad;
}

TEST(Evidence, FileNamesLoseTheirPathAndControlCharacters) {
  const std::string pdf = "application/pdf";
  EXPECT_EQ(SafeFileName("C:\\Users\\x\\Biên bản họp.pdf", pdf), "Biên bản họp.pdf");
  EXPECT_EQ(SafeFileName("../../etc/passwd", pdf), "passwd.pdf");
  EXPECT_EQ(SafeFileName("a\"b\r\n.pdf", pdf), "ab.pdf");
  EXPECT_EQ(SafeFileName("...", pdf), "tep-tin.pdf");
  EXPECT_EQ(SafeFileName(std::string(300, 'a'), pdf).size(), 120u);
  // Executable names take the sniffed type's extension.
  EXPECT_EQ(SafeFileName("bao-cao.hta", pdf), "bao-cao.pdf");
  EXPECT_EQ(SafeFileName("bao-cao.cmd", "image/png"), "bao-cao.png");
  EXPECT_EQ(SafeFileName("bao-cao.pdf.exe", pdf), "bao-cao.pdf");
  EXPECT_EQ(SafeFileName("Báo cáo 11.2026.docx",
                         "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            "Báo cáo 11.2026.docx");
  // A right-to-left override ("bao-cao\u202Efdp.exe" shows as "bao-caoexe.pdf") and other bidi
  // and zero-width controls are removed; so are bytes that are not UTF-8.
  EXPECT_EQ(SafeFileName("bao-cao\xE2\x80\xAE"
                         "fdp.exe",
                         pdf),
            "bao-caofdp.pdf");
  EXPECT_EQ(SafeFileName("a\xE2\x81\xA6"
                         "b\xE2\x80\x8B"
                         "c.pdf",
                         pdf),
            "abc.pdf");
  EXPECT_EQ(SafeFileName("h\xC3\x28p\xFF\xFEn.pdf", pdf), "h(pn.pdf");
  EXPECT_EQ(SafeFileName("x\xEF\xBF\xBEy.pdf", pdf), "xy.pdf");  // U+FFFE
}

}  // namespace
}  // namespace kientao::directive
