#include <gtest/gtest.h>

#include "modules/reporting/domain/workflow.hpp"

namespace kientao::reporting {
namespace {

using S = SubmissionStatus;

std::string Refusal(S from, Action a) {
  try {
    Transition(from, a);
    return "";
  } catch (const Error& e) {
    return std::string(e.code());
  }
}

TEST(Workflow, DraftSubmittedReturnedResubmittedApproved) {
  EXPECT_EQ(Transition(S::kDraft, Action::kSave), S::kDraft);
  EXPECT_EQ(Transition(S::kDraft, Action::kSubmit), S::kSubmitted);
  EXPECT_EQ(Transition(S::kSubmitted, Action::kReturn), S::kReturned);
  EXPECT_EQ(Transition(S::kReturned, Action::kSave), S::kReturned);
  EXPECT_EQ(Transition(S::kReturned, Action::kSubmit), S::kSubmitted);
  EXPECT_EQ(Transition(S::kSubmitted, Action::kApprove), S::kApproved);
  EXPECT_EQ(Transition(S::kApproved, Action::kReopen), S::kDraft);
}

TEST(Workflow, RefusalsHaveTheirCodes) {
  EXPECT_EQ(Refusal(S::kSubmitted, Action::kSubmit), "REP-4007");  // submitting twice
  EXPECT_EQ(Refusal(S::kSubmitted, Action::kSave), "REP-4007");
  EXPECT_EQ(Refusal(S::kApproved, Action::kSave), "REP-4008");  // approved reports are locked
  EXPECT_EQ(Refusal(S::kApproved, Action::kApprove), "REP-4008");
  EXPECT_EQ(Refusal(S::kSuperseded, Action::kReopen), "REP-4008");
  EXPECT_EQ(Refusal(S::kDraft, Action::kApprove), "REP-4014");
  EXPECT_EQ(Refusal(S::kReturned, Action::kReturn), "REP-4014");
  EXPECT_EQ(Refusal(S::kDraft, Action::kReopen), "REP-4014");
}

TEST(Workflow, NoOneDecidesOnTheirOwnReport) {
  EXPECT_NO_THROW(CheckNotOwn(5, 6));
  EXPECT_THROW(CheckNotOwn(5, 5), Error);
}

TEST(Completeness, ReceivedAndOnTimeAsDhis2CountsThem) {
  Date deadline = *Date::FromYmd(2026, 11, 18);
  auto c = ComputeCompleteness({{1, Date::FromYmd(2026, 11, 18)},  // on the deadline: on time
                                {2, Date::FromYmd(2026, 11, 19)},  // late
                                {3, std::nullopt},
                                {4, Date::FromYmd(2026, 11, 2)}},
                               deadline);
  EXPECT_EQ(c.expected, 4);
  EXPECT_EQ(c.received, 3);
  EXPECT_EQ(c.on_time, 2);
  EXPECT_EQ(c.missing, std::vector<long long>{3});
  EXPECT_DOUBLE_EQ(c.ReceivedPercent(), 75.0);
  EXPECT_DOUBLE_EQ(c.OnTimePercent(), 50.0);
  auto none = ComputeCompleteness({}, deadline);
  EXPECT_DOUBLE_EQ(none.ReceivedPercent(), 0);
  EXPECT_EQ(ComputeCompleteness(
                {{1, std::nullopt}, {2, std::nullopt}, {3, Date::FromYmd(2026, 11, 1)}}, deadline)
                .ReceivedPercent(),
            33.3);
}

}  // namespace
}  // namespace kientao::reporting
