#include "modules/services/domain/steps.hpp"

#include <gtest/gtest.h>

namespace kientao::services {

namespace {

bool May(Status s, std::string_view step) {
  for (const auto* r : StepsFrom(s))
    if (r->code == step) return true;
  return false;
}

}  // namespace

TEST(Steps, ASupplementRequestWaitsForTheApplicantAndOnlyItsReturnResumes) {
  const StepRule* ask = FindStep("supplement_request");
  ASSERT_NE(ask, nullptr);
  EXPECT_EQ(ask->form, "02");
  EXPECT_TRUE(ask->needs_reason);
  EXPECT_EQ(ask->to, Status::kAwaitingSupplement);
  EXPECT_TRUE(May(Status::kAwaitingSupplement, "supplement_received"));
  EXPECT_FALSE(May(Status::kAwaitingSupplement, "result_ready"));
  EXPECT_FALSE(May(Status::kAwaitingSupplement, "extend"));
  EXPECT_EQ(FindStep("supplement_received")->to, Status::kInProcess);
}

TEST(Steps, EachFormBelongsToItsStep) {
  EXPECT_EQ(FindStep("extend")->form, "04");
  EXPECT_TRUE(FindStep("extend")->needs_new_due);
  EXPECT_EQ(FindStep("pause")->form, "05");
  EXPECT_EQ(FindStep("refuse")->form, "03");
  EXPECT_EQ(FindStep("assign")->form, "");
  EXPECT_TRUE(FindStep("assign")->needs_handler);
  EXPECT_EQ(FindStep("khong-co"), nullptr);
}

TEST(Steps, AClosedDossierTakesNoStep) {
  for (Status s : {Status::kReturned, Status::kRefused, Status::kWithdrawn}) {
    EXPECT_TRUE(Closed(s));
    EXPECT_TRUE(StepsFrom(s).empty()) << StatusCode(s);
  }
  EXPECT_FALSE(Closed(Status::kPaused));
  EXPECT_TRUE(May(Status::kPaused, "resume"));
  EXPECT_FALSE(May(Status::kPaused, "pause"));
  EXPECT_TRUE(May(Status::kExtended, "extend"));  // a second extension
  EXPECT_TRUE(May(Status::kDone, "withdraw"));
  EXPECT_FALSE(May(Status::kDone, "refuse"));
}

}  // namespace kientao::services
