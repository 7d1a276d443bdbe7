#include "modules/services/domain/dossier.hpp"

#include <array>
#include <utility>

#include "base/citizen_id.hpp"
#include "base/text.hpp"
#include "modules/services/errors.hpp"

namespace kientao::services {

namespace {

template <typename E, size_t N>
std::optional<E> FromCode(const std::array<std::pair<E, std::string_view>, N>& table,
                          std::string_view code) {
  for (auto& [e, c] : table)
    if (c == code) return e;
  return std::nullopt;
}

template <typename E, size_t N>
std::string_view ToCode(const std::array<std::pair<E, std::string_view>, N>& table, E e) {
  for (auto& [x, c] : table)
    if (x == e) return c;
  return {};
}

constexpr std::array<std::pair<OnlineLevel, std::string_view>, 3> kLevels{
    {{OnlineLevel::kFull, "full"},
     {OnlineLevel::kPartial, "partial"},
     {OnlineLevel::kNone, "none"}}};
constexpr std::array<std::pair<Channel, std::string_view>, 3> kChannels{
    {{Channel::kOnline, "online"}, {Channel::kCounter, "counter"}, {Channel::kPost, "post"}}};
constexpr std::array<std::pair<Status, std::string_view>, 9> kStatuses{
    {{Status::kReceived, "received"},
     {Status::kInProcess, "in_process"},
     {Status::kAwaitingSupplement, "awaiting_supplement"},
     {Status::kPaused, "paused"},
     {Status::kExtended, "extended"},
     {Status::kDone, "done"},
     {Status::kReturned, "returned"},
     {Status::kRefused, "refused"},
     {Status::kWithdrawn, "withdrawn"}}};

void Text(std::vector<FieldError>& out, const std::string& field, const std::string& value,
          size_t max, bool required) {
  if (value.empty()) {
    if (required) out.push_back({field, std::string(gen_errors::kRequired.code), {}});
  } else if (text::CodePointCount(value) > max) {
    out.push_back({field, std::string(gen_errors::kTooLong.code), {{"max", std::to_string(max)}}});
  } else if (std::string bad = text::ForbiddenCharacter(value); !bad.empty()) {
    out.push_back({field, std::string(gen_errors::kForbiddenCharacter.code), {{"char", bad}}});
  }
}

}  // namespace

std::string_view OnlineLevelCode(OnlineLevel l) { return ToCode(kLevels, l); }
std::optional<OnlineLevel> ParseOnlineLevel(std::string_view code) {
  return FromCode(kLevels, code);
}
std::string_view ChannelCode(Channel c) { return ToCode(kChannels, c); }
std::optional<Channel> ParseChannel(std::string_view code) { return FromCode(kChannels, code); }
std::string_view StatusCode(Status s) { return ToCode(kStatuses, s); }
std::optional<Status> ParseStatus(std::string_view code) { return FromCode(kStatuses, code); }
const std::vector<Status>& AllStatuses() {
  static const std::vector<Status> all = [] {
    std::vector<Status> v;
    for (auto& [s, c] : kStatuses) v.push_back(s);
    return v;
  }();
  return all;
}

bool ValidCode(std::string_view code) {
  if (code.empty() || code.size() > 40) return false;
  for (char ch : code) {
    bool ok = (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') ||
              ch == '.' || ch == '-' || ch == '_' || ch == '/';
    if (!ok) return false;
  }
  return true;
}

bool ValidTime(std::string_view t) {
  if (t.size() != 5 || t[2] != ':') return false;
  for (size_t i : {0, 1, 3, 4})
    if (t[i] < '0' || t[i] > '9') return false;
  int h = (t[0] - '0') * 10 + (t[1] - '0'), m = (t[3] - '0') * 10 + (t[4] - '0');
  return h < 24 && m < 60;
}

std::vector<FieldError> ValidateProcedure(const ProcedureDraft& p) {
  std::vector<FieldError> out;
  if (p.code.empty())
    out.push_back({"code", std::string(gen_errors::kRequired.code), {}});
  else if (!ValidCode(p.code))
    out.push_back({"code", std::string(errors::kInvalidCode.code), {{"value", p.code}}});
  Text(out, "name", p.name, 500, true);
  Text(out, "sector", p.sector, 200, false);
  if (p.handling_days < 0 || p.handling_days > 365)
    out.push_back({"handling_days", std::string(errors::kHandlingDays.code), {}});
  if (p.fee && *p.fee < 0)
    out.push_back(
        {"fee", std::string(gen_errors::kInvalidValue.code), {{"value", std::to_string(*p.fee)}}});
  return out;
}

std::vector<FieldError> ValidateDossier(const DossierDraft& d, OnlineLevel level, Date today) {
  std::vector<FieldError> out;
  auto add = [&](const char* field, ErrorDef def, std::map<std::string, std::string> p = {}) {
    out.push_back({field, std::string(def.code), std::move(p)});
  };
  if (d.code.empty())
    add("code", gen_errors::kRequired);
  else if (!ValidCode(d.code))
    add("code", errors::kInvalidCode, {{"value", d.code}});
  Text(out, "applicant_name", d.applicant_name, 200, false);
  Text(out, "handler", d.handler, 200, false);
  if (!d.citizen_id.empty() && !CitizenId::Parse(d.citizen_id))
    add("citizen_id", gen_errors::kInvalidValue, {{"value", MaskCitizenId(d.citizen_id)}});
  if (!d.received_time.empty() && !ValidTime(d.received_time))
    add("received_time", gen_errors::kInvalidValue, {{"value", d.received_time}});
  if (d.received_on > today)
    add("received_on", gen_errors::kInvalidDate, {{"value", d.received_on.ToVn()}});
  if (d.due_on < d.received_on) add("due_on", errors::kDueBeforeReceived);
  if (d.returned_on) {
    if (*d.returned_on < d.received_on)
      add("returned_on", errors::kReturnedBeforeReceived);
    else if (*d.returned_on > today)
      add("returned_on", gen_errors::kInvalidDate, {{"value", d.returned_on->ToVn()}});
  }
  if (d.full_process_online) {
    if (d.channel != Channel::kOnline)
      add("full_process_online", errors::kFullProcessNotOnline);
    else if (level != OnlineLevel::kFull)
      add("full_process_online", errors::kFullProcessNoService);
  }
  return out;
}

Date DueDate(const WorkingCalendar& cal, Date received_on, int handling_days) {
  if (handling_days <= 0) return received_on;
  return cal.AddWorkingDays(received_on, handling_days);
}

Timeliness TimelinessOf(Date due_on, Date returned_on) {
  if (returned_on < due_on) return Timeliness::kEarly;
  if (returned_on == due_on) return Timeliness::kOnTime;
  return Timeliness::kLate;
}

std::optional<double> Percent(long long numerator, long long denominator) {
  if (denominator <= 0) return std::nullopt;
  return static_cast<double>(numerator) * 100.0 / static_cast<double>(denominator);
}

StatsRates RatesOf(const StatsCounts& c) {
  StatsRates r;
  r.full_process_rate_all = Percent(c.full_process_online, c.received);
  r.full_process_rate_online_procedures =
      Percent(c.full_process_online, c.received_full_procedures);
  r.on_time_rate = Percent(c.early + c.on_time, c.resolved);
  r.late_rate_to_handle = Percent(c.late_to_handle, c.to_handle);
  r.online_payment_rate = Percent(c.paid_online, c.with_fee);
  return r;
}

}  // namespace kientao::services
