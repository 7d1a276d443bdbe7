#pragma once
// Administrative procedures and the dossiers received under them, as Decree 42/2022 art. 11 and
// Circular 03/2025/TT-VPCP describe them: what a dossier must satisfy, its appointment date, and
// whether its result came early, on time or late. Pure (no database, no clock).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/calendar.hpp"
#include "base/date.hpp"
#include "base/error.hpp"

namespace kientao::services {

// Decree 42/2022 art. 11(1): full-process online (toàn trình), partial (một phần), or no online
// service.
enum class OnlineLevel { kFull, kPartial, kNone };
// How the dossier came in: online (the public-service portal), at the counter, by public post.
enum class Channel { kOnline, kCounter, kPost };
enum class Status {
  kReceived,
  kInProcess,
  kAwaitingSupplement,
  kPaused,
  kExtended,
  kDone,
  kReturned,
  kRefused,
  kWithdrawn
};

std::string_view OnlineLevelCode(OnlineLevel l);
std::optional<OnlineLevel> ParseOnlineLevel(std::string_view code);
std::string_view ChannelCode(Channel c);
std::optional<Channel> ParseChannel(std::string_view code);
std::string_view StatusCode(Status s);
std::optional<Status> ParseStatus(std::string_view code);
const std::vector<Status>& AllStatuses();

struct ProcedureDraft {
  std::string code;  // as the national catalogue numbers it, "1.001612"
  std::string name;
  std::string sector;
  OnlineLevel online_level = OnlineLevel::kNone;
  int handling_days = 0;  // legal handling time, working days
  std::optional<long long> fee;
  bool operator==(const ProcedureDraft&) const = default;
};

struct Procedure : ProcedureDraft {
  long long id = 0;
  long long commune_id = 0;
};

struct DossierDraft {
  std::string code;
  long long procedure_id = 0;
  long long unit_id = 0;  // the receiving unit
  std::string applicant_name;
  std::string citizen_id;  // "" when not given
  Date received_on;
  std::string received_time;  // "HH:MM" or ""
  Channel channel = Channel::kCounter;
  bool full_process_online = false;
  Date due_on;
  std::optional<Date> returned_on;
  bool fee_paid_online = false;
  std::string handler;  // the civil servant handling it
  Status status = Status::kReceived;
  bool operator==(const DossierDraft&) const = default;
};

// Whether a procedure or dossier code is acceptable: 1–40 of letters, digits, '.', '-', '_', '/'.
bool ValidCode(std::string_view code);
// Whether `t` is a time of day "HH:MM".
bool ValidTime(std::string_view t);

// The problems of a procedure, each naming its field.
std::vector<FieldError> ValidateProcedure(const ProcedureDraft& p);
// The problems of a dossier under procedure `level`: a due date or a return before receipt, a
// full-process flag on a dossier not submitted online or under a procedure without a full-process
// service (Decree 42/2022 art. 11: a dossier is full-process online only when both hold), a bad
// code, time or citizen ID. `today`: nothing is received or returned after it.
std::vector<FieldError> ValidateDossier(const DossierDraft& d, OnlineLevel level, Date today);

// The appointment date (ngày hẹn trả): the `handling_days`th working day after the day of receipt
// on the holiday calendar; the day of receipt itself when the procedure is handled the same day
// (0 days).
Date DueDate(const WorkingCalendar& cal, Date received_on, int handling_days);

enum class Timeliness { kEarly, kOnTime, kLate };
// A result returned before the appointment date is early, on it on time, after it late.
Timeliness TimelinessOf(Date due_on, Date returned_on);

// What the statistics count over a period (services_stats).
struct StatsCounts {
  long long received = 0;
  long long online = 0;
  long long post = 0;  // by public post; the rest of the received came to the counter
  long long full_process_online = 0;
  long long received_full_procedures = 0;  // received under procedures with a full-process service
  long long resolved = 0;
  long long early = 0;
  long long on_time = 0;
  long long late = 0;
  // The Gia Lai variant: dossiers to handle (received in the period + carried over, still open at
  // its start), and those late among them (returned late in the period, or still open and past due
  // at its end).
  long long to_handle = 0;
  long long late_to_handle = 0;
  long long with_fee = 0;
  long long paid_online = 0;
  long long overdue_open = 0;  // still open at the end of the period and past due
};

struct StatsRates {
  std::optional<double> full_process_rate_all;                // full-process ÷ received × 100
  std::optional<double> full_process_rate_online_procedures;  // ÷ received under full procedures
  std::optional<double> on_time_rate;         // (early + on time) ÷ resolved × 100
  std::optional<double> late_rate_to_handle;  // Gia Lai: late ÷ to handle × 100
  std::optional<double> online_payment_rate;  // paid online ÷ with a fee × 100
};

// The rates, each nullopt when its denominator is 0.
StatsRates RatesOf(const StatsCounts& c);
// numerator ÷ denominator × 100; nullopt when the denominator is 0.
std::optional<double> Percent(long long numerator, long long denominator);

}  // namespace kientao::services
