#include "modules/services/domain/handlers.hpp"

#include <gtest/gtest.h>

namespace kientao::services {

TEST(MatchHandlers, ANameIsTheSamePersonWhateverItsCaseSpacesOrDiacritics) {
  std::vector<HandlerCounts> rows = {{"Tô Thị Bích", 40, 37},
                                     {"TÔ THỊ  BÍCH", 5, 5},
                                     {"To Thi Bich", 1, 0},
                                     {"Hồ Văn Toàn", 9, 9}};
  std::vector<NamedPerson> people = {{7, "Tô Thị Bích"}, {8, "Chu Văn Hải"}};
  auto got = MatchHandlers(rows, people, people);
  ASSERT_EQ(got.size(), 1u) << "Chu Văn Hải handled nothing: no figures, not zero of zero";
  EXPECT_EQ(got.at(7).resolved, 46);
  EXPECT_EQ(got.at(7).in_time, 42);
  EXPECT_FALSE(got.at(7).ambiguous);
}

TEST(MatchHandlers, TwoPeopleOfOneNameGetNoFiguresButAreToldWhy) {
  std::vector<HandlerCounts> rows = {{"Lê Thị Hoa", 30, 28}};
  // One of the two has left the commune's service; the dossiers could still be hers.
  std::vector<NamedPerson> rated = {{1, "Lê Thị Hoa"}};
  std::vector<NamedPerson> everyone = {{1, "Lê Thị Hoa"}, {2, "Le Thi Hoa"}};
  auto got = MatchHandlers(rows, rated, everyone);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_TRUE(got.at(1).ambiguous);
  EXPECT_EQ(got.at(1).resolved, 0);
  // Alone, she gets her counts.
  EXPECT_FALSE(MatchHandlers(rows, rated, rated).at(1).ambiguous);
}

TEST(MatchHandlers, ADossierWithoutAHandlerIsNobodys) {
  std::vector<HandlerCounts> rows = {{"", 12, 12}, {"   ", 3, 3}};
  std::vector<NamedPerson> people = {{1, ""}};
  EXPECT_TRUE(MatchHandlers(rows, people, people).empty());
}

}  // namespace kientao::services
