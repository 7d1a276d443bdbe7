#pragma once
// The steps of a dossier after it is received (Decree 118/2025; the forms of Circular
// 03/2025/TT-VPCP): which step may follow which status, what it leads to, which form it issues and
// what it needs. Pure: no database, no clock.
#include <optional>
#include <string_view>
#include <vector>

#include "modules/services/domain/dossier.hpp"

namespace kientao::services {

enum class Step {
  kAssign,              // handed to the civil servant who handles it
  kSupplementRequest,   // Mẫu 02: the applicant is asked to supplement or complete the dossier
  kSupplementReceived,  // the supplemented dossier came back
  kExtend,       // Mẫu 04: apology and request to extend the handling time, new appointment
  kPause,        // Mẫu 05: notice to stop handling
  kResume,       // handling resumes after a stop
  kResultReady,  // the result is ready for the applicant
  kRefuse,       // Mẫu 03: refusal
  kWithdraw,     // the applicant withdrew the dossier
};

struct StepRule {
  Step step;
  std::string_view code;  // "supplement_request", in the API and the catalogue
  std::string_view form;  // "02", "03", "04", "05" or "" (no form)
  bool needs_reason = false;
  bool needs_handler = false;
  bool needs_new_due = false;  // an extension's new appointment
  std::vector<Status> from;    // the statuses it may follow
  Status to;
};

const std::vector<StepRule>& StepRules();
const StepRule* FindStep(std::string_view code);
// The steps that may follow `s` (none once returned, refused or withdrawn).
std::vector<const StepRule*> StepsFrom(Status s);
// Whether the status ends the dossier's handling (no step, no result to return).
bool Closed(Status s);

}  // namespace kientao::services
