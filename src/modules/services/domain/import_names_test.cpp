#include "modules/services/domain/import_names.hpp"

#include <gtest/gtest.h>

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

}  // namespace kientao::services
