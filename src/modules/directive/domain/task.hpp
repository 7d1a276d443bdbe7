#pragma once
// Directives and their tasks as values.
#include <optional>
#include <string>
#include <vector>

#include "base/date.hpp"
#include "base/error.hpp"
#include "modules/directive/domain/task_status.hpp"

namespace kientao::directive {

struct Directive {
  long long id = 0;
  long long commune_id = 0;
  std::string number_symbol;  // "Số: …/UBND-VP"
  Date issued_on;
  std::string issuer;            // "UBND xã Lạc Phương"
  std::string signer;            // "Nguyễn Phú Trung"
  std::string signer_authority;  // "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"
  std::string subject;           // trích yếu
  std::string legal_basis;       // căn cứ
  std::string recipients;        // nơi nhận
  std::string full_text;
};

struct Task {
  long long id = 0;
  long long commune_id = 0;
  long long directive_id = 0;
  int key_no = 0;  // 1–10 for the dispatch's key tasks, 0 otherwise
  std::string code;
  std::string title;
  long long lead_unit_id = 0;
  Date start_on;
  std::optional<Date> deadline;
  std::string recurrence;  // "none", or a period type ("month", "quarter", …) for continuous tasks
  std::string expected_outputs;
  int progress = 0;  // percent, from the latest update
  std::optional<Date> completed_on;
  bool stopped = false;
  long long parent_id = 0;             // the task this sub-task was split from; 0 for none
  long long responsible_staff_id = 0;  // the person answerable for it; 0 when the unit is
  std::string stop_reason;

  TaskDates Dates() const { return {deadline, completed_on, stopped}; }
};

struct TaskUpdate {
  long long id = 0;
  long long task_id = 0;
  Date on_date;
  int percent = 0;
  std::string narrative;
  std::string results;
  std::string difficulties;  // khó khăn, vướng mắc
  std::string proposals;     // kiến nghị, đề xuất
  std::string author;
};

// What a reporter submits; `completed` marks the task done on `on_date` (percent must then be 100).
struct UpdateDraft {
  Date on_date;
  int percent = 0;
  std::string narrative, results, difficulties, proposals;
  bool completed = false;
};

// Throws Error: DIR-2001 when a deadline falls before the start.
void ValidateSchedule(Date start_on, const std::optional<Date>& deadline);
// Throws Error for an update that cannot apply to `t` on `today`: DIR-2005 stopped, DIR-2006
// already done, DIR-2002 percent outside 0–100 (or completed below 100), DIR-2003 dated in the
// future, DIR-2004 dated before the task starts, DIR-2010 percent lower than the last reported
// without a narrative saying why.
void ValidateUpdate(const Task& t, const UpdateDraft& u, Date today);

}  // namespace kientao::directive
