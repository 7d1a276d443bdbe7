#include "modules/services/domain/steps.hpp"

#include <algorithm>

namespace kientao::services {

const std::vector<StepRule>& StepRules() {
  using S = Status;
  static const std::vector<StepRule> kRules = {
      {Step::kAssign,
       "assign",
       "",
       false,
       true,
       false,
       {S::kReceived, S::kInProcess},
       S::kInProcess},
      {Step::kSupplementRequest,
       "supplement_request",
       "02",
       true,
       false,
       false,
       {S::kReceived, S::kInProcess},
       S::kAwaitingSupplement},
      {Step::kSupplementReceived,
       "supplement_received",
       "",
       false,
       false,
       false,
       {S::kAwaitingSupplement},
       S::kInProcess},
      {Step::kExtend,
       "extend",
       "04",
       true,
       false,
       true,
       {S::kReceived, S::kInProcess, S::kExtended},
       S::kExtended},
      {Step::kPause,
       "pause",
       "05",
       true,
       false,
       false,
       {S::kReceived, S::kInProcess, S::kAwaitingSupplement, S::kExtended},
       S::kPaused},
      {Step::kResume, "resume", "", false, false, false, {S::kPaused}, S::kInProcess},
      {Step::kResultReady,
       "result_ready",
       "",
       false,
       false,
       false,
       {S::kReceived, S::kInProcess, S::kExtended},
       S::kDone},
      {Step::kRefuse,
       "refuse",
       "03",
       true,
       false,
       false,
       {S::kReceived, S::kInProcess, S::kAwaitingSupplement, S::kPaused, S::kExtended},
       S::kRefused},
      {Step::kWithdraw,
       "withdraw",
       "",
       false,
       false,
       false,
       {S::kReceived, S::kInProcess, S::kAwaitingSupplement, S::kPaused, S::kExtended, S::kDone},
       S::kWithdrawn},
  };
  return kRules;
}

const StepRule* FindStep(std::string_view code) {
  for (const auto& r : StepRules())
    if (r.code == code) return &r;
  return nullptr;
}

std::vector<const StepRule*> StepsFrom(Status s) {
  std::vector<const StepRule*> out;
  for (const auto& r : StepRules())
    if (std::find(r.from.begin(), r.from.end(), s) != r.from.end()) out.push_back(&r);
  return out;
}

bool Closed(Status s) {
  return s == Status::kReturned || s == Status::kRefused || s == Status::kWithdrawn;
}

}  // namespace kientao::services
