#include "modules/kpi/domain/meeting.hpp"

#include <cctype>

#include <fmt/format.h>

#include "base/text.hpp"
#include "modules/kpi/errors.hpp"

namespace kientao::kpi {

std::string ParseClockTime(std::string_view s) {
  std::string t = text::NormalizeSpace(s);
  size_t i = 0;
  auto digits = [&](int max) {
    int v = 0, n = 0;
    while (i < t.size() && n < max && std::isdigit(static_cast<unsigned char>(t[i]))) {
      v = v * 10 + (t[i++] - '0');
      ++n;
    }
    return n ? v : -1;
  };
  int h = digits(2);
  if (h < 0 || h > 23) return "";
  while (i < t.size() && t[i] == ' ') ++i;
  int m = 0;
  if (i < t.size()) {
    std::string_view rest(t);
    rest.remove_prefix(i);
    constexpr std::string_view kGio = "giờ";
    if (rest.substr(0, kGio.size()) == kGio)
      i += kGio.size();
    else if (rest.substr(0, 1) == ":" || rest.substr(0, 1) == "h" || rest.substr(0, 1) == "g")
      i += 1;
    else
      return "";
    while (i < t.size() && t[i] == ' ') ++i;
    if (i < t.size()) {
      m = digits(2);
      if (m < 0 || m > 59) return "";
      while (i < t.size() && t[i] == ' ') ++i;
      if (t.compare(i, std::string::npos, "phút") == 0) i = t.size();
      if (i != t.size()) return "";
    }
  }
  return fmt::format("{:02}:{:02}", h, m);
}

std::string ClockTimeVi(const std::string& hhmm) {
  if (hhmm.size() != 5) return hhmm;
  return std::to_string(std::stoi(hhmm.substr(0, 2))) + " giờ " + hhmm.substr(3, 2);
}

Meeting ReadMeeting(const MeetingDraft& d, Date today, std::vector<FieldError>& problems) {
  Meeting m;
  auto problem = [&](const char* field, ErrorDef def, std::map<std::string, std::string> p = {}) {
    problems.push_back({field, std::string(def.code), std::move(p), 0});
  };
  // One-line fields have their spaces tidied; the attendees and the conclusion keep their lines.
  auto textual = [&](const char* field, const std::string& v, size_t max, bool lines = false) {
    std::string s = lines ? text::Nfc(v) : text::Nfc(text::NormalizeSpace(v));
    if (lines) {
      s.erase(0, s.find_first_not_of(" \t\r\n"));
      s.erase(s.find_last_not_of(" \t\r\n") + 1);
    }
    if (s.empty())
      problem(field, gen_errors::kRequired);
    else if (text::CodePointCount(s) > max)
      problem(field, gen_errors::kTooLong, {{"max", std::to_string(max)}});
    else if (std::string bad = text::ForbiddenCharacter(s); !bad.empty())
      problem(field, gen_errors::kForbiddenCharacter, {{"char", bad}});
    return s;
  };
  std::string day = text::NormalizeSpace(d.held_on);
  if (day.empty()) {
    problem("held_on", gen_errors::kRequired);
  } else if (auto on = Date::Parse(day); !on) {
    problem("held_on", gen_errors::kInvalidDate, {{"value", day}});
  } else if (*on > today) {
    problem("held_on", errors::kFuture, {{"value", on->ToVn()}});
  } else {
    m.held_on = *on;
  }
  auto time = [&](const char* field, const std::string& v) {
    std::string s = text::NormalizeSpace(v);
    if (s.empty()) {
      problem(field, gen_errors::kRequired);
      return std::string();
    }
    std::string t = ParseClockTime(s);
    if (t.empty()) problem(field, errors::kClockTime, {{"value", s}});
    return t;
  };
  m.starts_at = time("starts_at", d.starts_at);
  m.ends_at = time("ends_at", d.ends_at);
  if (!m.starts_at.empty() && !m.ends_at.empty() && m.ends_at <= m.starts_at)
    problem("ends_at", errors::kEndsBeforeStart, {{"value", m.ends_at}});
  m.place = textual("place", d.place, 300);
  m.attendees = textual("attendees", d.attendees, 2000, true);
  m.chair = textual("chair", d.chair, 200);
  m.secretary = textual("secretary", d.secretary, 200);
  m.conclusion = textual("conclusion", d.conclusion, 4000, true);
  return m;
}

}  // namespace kientao::kpi
