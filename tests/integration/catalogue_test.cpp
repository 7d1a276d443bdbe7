// Every user-visible message exists in both catalogues: each error code the code can raise, and
// every key of one language in the other.
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "tests/integration/app_fixture.hpp"

namespace kientao::testing {

class Catalogues : public AppTest {};

TEST_F(Catalogues, EveryErrorCodeHasAVietnameseAndAnEnglishMessage) {
  std::regex code_re("\"([A-Z]{3,4}-[0-9]{4})\"");
  int codes = 0;
  for (auto& entry : std::filesystem::recursive_directory_iterator(KIENTAO_SOURCE_DIR "/src")) {
    auto name = entry.path().filename().string();
    if (name != "errors.hpp" && name != "error.hpp") continue;
    std::ifstream in(entry.path());
    std::stringstream ss;
    ss << in.rdbuf();
    std::string text = ss.str();
    for (std::sregex_iterator it(text.begin(), text.end(), code_re), end; it != end; ++it) {
      std::string code = (*it)[1];
      ++codes;
      EXPECT_TRUE(app_->i18n().Has("vi", code)) << code << " has no Vietnamese message";
      EXPECT_TRUE(app_->i18n().Has("en", code)) << code << " has no English message";
    }
  }
  EXPECT_GT(codes, 50);
}

TEST_F(Catalogues, BothLanguagesHaveTheSameKeys) {
  for (auto& [key, value] : app_->i18n().All("vi")) EXPECT_TRUE(app_->i18n().Has("en", key)) << key;
  for (auto& [key, value] : app_->i18n().All("en")) EXPECT_TRUE(app_->i18n().Has("vi", key)) << key;
}

}  // namespace kientao::testing
