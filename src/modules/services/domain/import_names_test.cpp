#include "modules/services/domain/import_names.hpp"

#include <gtest/gtest.h>

#include <set>

#include "base/text.hpp"

namespace kientao::services {

TEST(ImportNames, VietnameseHeadersOfProvincialExportsReadAsTheImportsColumns) {
  auto col = [](const char* header) { return CanonicalColumn(text::Fold(header)); };
  EXPECT_EQ(col("Mã hồ sơ"), "code");
  EXPECT_EQ(col("MÃ THỦ TỤC"), "procedure_code");
  EXPECT_EQ(col("Ngày tiếp nhận"), "received_on");
  EXPECT_EQ(col("Ngày hẹn trả"), "due_on");
  EXPECT_EQ(col("Ngày trả kết quả"), "returned_on");
  EXPECT_EQ(col("Hình thức nộp"), "channel");
  EXPECT_EQ(col("Trực tuyến toàn trình"), "full_process_online");
  EXPECT_EQ(col("Đơn vị"), "");  // a unit's name is not its code: not guessed
  EXPECT_EQ(col("Ghi chú"), "");
}

TEST(ImportNames, CellsReadInCodesOrInVietnameseAndNothingElse) {
  EXPECT_EQ(ReadChannel("Trực tuyến"), Channel::kOnline);
  EXPECT_EQ(ReadChannel("online"), Channel::kOnline);
  EXPECT_EQ(ReadChannel("Trực tiếp"), Channel::kCounter);
  EXPECT_EQ(ReadChannel("Qua bưu chính công ích"), Channel::kPost);
  EXPECT_FALSE(ReadChannel("fax"));
  EXPECT_EQ(ReadFlag("Có", std::nullopt), true);
  EXPECT_EQ(ReadFlag("không", std::nullopt), false);
  EXPECT_EQ(ReadFlag("1", std::nullopt), true);
  EXPECT_EQ(ReadFlag("", false), false);
  EXPECT_FALSE(ReadFlag("", std::nullopt));
  EXPECT_FALSE(ReadFlag("2", std::nullopt));
  EXPECT_EQ(ReadOnlineLevel("Toàn trình"), OnlineLevel::kFull);
  EXPECT_EQ(ReadOnlineLevel("Một phần"), OnlineLevel::kPartial);
  EXPECT_FALSE(ReadOnlineLevel("mức 4"));
  EXPECT_EQ(ReadStatus("Đã trả kết quả"), Status::kReturned);
  EXPECT_EQ(ReadStatus("in_process"), Status::kInProcess);
  EXPECT_FALSE(ReadStatus("xong"));
}

// A source's export with two title rows and its own headers: read from its header row, the mapped
// headers renamed, every row as it was.
TEST(ImportMapping, SkipsTheTitleRowsAndRenamesTheMappedHeaders) {
  ColumnMapping m;
  m.source = "Một cửa thành phố";
  m.header_row = 3;
  m.columns = {{"so bien nhan", "code"}, {"ngay nhan", "received_on"}, {"ghi chu", ""}};
  int bad = 0;
  auto out = ApplyMapping(
      "BÁO CÁO HỒ SƠ,,\r\nTừ 01/11 đến 30/11,,\r\nSố biên nhận,Ngày nhận,Ghi chú\r\n"
      "H-1,02/11/2026,\"a, b\"\r\n",
      m, &bad);
  ASSERT_TRUE(out);
  EXPECT_EQ(*out, "code,received_on,Ghi chú\r\nH-1,02/11/2026,\"a, b\"\r\n");
  EXPECT_FALSE(ApplyMapping("a,\"b\r\n", m, &bad));
}

TEST(ImportMapping, RefusesUnknownAndDoubledColumnsAndAMissingSource) {
  ColumnMapping m;
  m.header_row = 0;
  m.columns = {{"a", "code"}, {"b", "code"}, {"c", "ma_xa"}, {"d", ""}};
  std::set<std::string> got;
  for (const auto& p : ValidateMapping(m)) got.insert(p.field + ":" + p.code);
  EXPECT_EQ(got, (std::set<std::string>{"source:GEN-0004", "header_row:GEN-0014",
                                        "columns:SVC-8029", "columns:SVC-8030"}));
  m.source = "Nguồn A";
  m.header_row = 2;
  m.columns = {{"a", "code"}, {"b", "due_on"}};
  EXPECT_TRUE(ValidateMapping(m).empty());
}

}  // namespace kientao::services
