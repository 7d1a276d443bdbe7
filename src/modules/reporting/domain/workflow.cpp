#include "modules/reporting/domain/workflow.hpp"

#include <cmath>
#include <string>

namespace kientao::reporting {

std::string_view StatusCode(SubmissionStatus s) {
  switch (s) {
    case SubmissionStatus::kDraft:
      return "draft";
    case SubmissionStatus::kSubmitted:
      return "submitted";
    case SubmissionStatus::kReturned:
      return "returned";
    case SubmissionStatus::kApproved:
      return "approved";
    case SubmissionStatus::kSuperseded:
      return "superseded";
  }
  return "draft";
}

std::optional<SubmissionStatus> ParseStatus(std::string_view code) {
  for (auto s :
       {SubmissionStatus::kDraft, SubmissionStatus::kSubmitted, SubmissionStatus::kReturned,
        SubmissionStatus::kApproved, SubmissionStatus::kSuperseded})
    if (StatusCode(s) == code) return s;
  return std::nullopt;
}

std::string_view ActionCode(Action a) {
  switch (a) {
    case Action::kSave:
      return "save";
    case Action::kSubmit:
      return "submit";
    case Action::kReturn:
      return "return";
    case Action::kApprove:
      return "approve";
    case Action::kReopen:
      return "reopen";
  }
  return "save";
}

SubmissionStatus Transition(SubmissionStatus from, Action a) {
  using S = SubmissionStatus;
  auto refuse = [&]() -> S {
    throw Error(
        errors::kWrongStatus, "status",
        {{"status", std::string(StatusCode(from))}, {"action", std::string(ActionCode(a))}});
  };
  if (from == S::kApproved && a != Action::kReopen) throw Error(errors::kLocked, "status");
  if (from == S::kSuperseded) throw Error(errors::kLocked, "status");
  switch (a) {
    case Action::kSave:
      if (from == S::kDraft || from == S::kReturned) return from;
      if (from == S::kSubmitted) throw Error(errors::kAlreadySubmitted, "status");
      return refuse();
    case Action::kSubmit:
      if (from == S::kDraft || from == S::kReturned) return S::kSubmitted;
      if (from == S::kSubmitted) throw Error(errors::kAlreadySubmitted, "status");
      return refuse();
    case Action::kReturn:
    case Action::kApprove:
      if (from == S::kSubmitted) return a == Action::kReturn ? S::kReturned : S::kApproved;
      return refuse();
    case Action::kReopen:
      if (from == S::kApproved) return S::kDraft;  // the new version's status
      return refuse();
  }
  return refuse();
}

void CheckNotOwn(long long submitted_by, long long decider) {
  if (submitted_by != 0 && submitted_by == decider) throw Error(errors::kOwnReport, "status");
}

namespace {
double Pct(int part, int whole) {
  if (whole == 0) return 0;
  return std::round(1000.0 * part / whole) / 10.0;
}
}  // namespace

double Completeness::ReceivedPercent() const { return Pct(received, expected); }
double Completeness::OnTimePercent() const { return Pct(on_time, expected); }

Completeness ComputeCompleteness(const std::vector<Expected>& units, Date deadline) {
  Completeness c;
  c.expected = static_cast<int>(units.size());
  for (const auto& u : units) {
    if (!u.first_submitted) {
      c.missing.push_back(u.unit_id);
      continue;
    }
    ++c.received;
    if (*u.first_submitted <= deadline) ++c.on_time;
  }
  return c;
}

}  // namespace kientao::reporting
