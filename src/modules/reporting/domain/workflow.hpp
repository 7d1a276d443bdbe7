#pragma once
// The life of a unit's periodic report (DHIS2's data approval, as the commune works it): a draft is
// filled, submitted, then returned with a reason (and fixed and resubmitted) or approved by the
// office, which locks it. A correction of an approved report reopens it as a new version; the
// approved version stays in force until the new one is approved, then it is superseded. And the
// completeness and timeliness of a form's reports for a period, as DHIS2 counts them. Pure.
#include <optional>
#include <string_view>
#include <vector>

#include "base/date.hpp"
#include "modules/reporting/errors.hpp"

namespace kientao::reporting {

enum class SubmissionStatus { kDraft, kSubmitted, kReturned, kApproved, kSuperseded };
enum class Action { kSave, kSubmit, kReturn, kApprove, kReopen };

std::string_view StatusCode(SubmissionStatus s);  // "draft", "submitted", …
std::optional<SubmissionStatus> ParseStatus(std::string_view code);
std::string_view ActionCode(Action a);  // "save", "submit", "return", "approve", "reopen"

// The status after `a`, or throws Error: REP-4007 submitting a report already submitted, REP-4008
// changing an approved (locked) report, REP-4014 any other action the status does not allow.
SubmissionStatus Transition(SubmissionStatus from, Action a);

// Reporters may not decide on their own report: `submitted_by` is who submitted it, `decider` who
// approves or returns it (both user ids; REP-4009).
void CheckNotOwn(long long submitted_by, long long decider);

// One expected reporting unit: when it first submitted this period's report (nullopt = not yet).
struct Expected {
  long long unit_id = 0;
  std::optional<Date> first_submitted;
};

struct Completeness {
  int expected = 0;
  int received = 0;
  int on_time = 0;
  std::vector<long long> missing;  // unit ids, in the order given
  // Percentages of expected (0 when nothing is expected), rounded to one decimal.
  double ReceivedPercent() const;
  double OnTimePercent() const;
};

// Received = submitted at least once; on time = first submitted on or before `deadline`.
Completeness ComputeCompleteness(const std::vector<Expected>& units, Date deadline);

}  // namespace kientao::reporting
