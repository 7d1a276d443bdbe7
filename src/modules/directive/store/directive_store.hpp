#pragma once
// Directives, tasks, cooperating units and progress updates in the database. Functions take the
// caller's connection so writes share the caller's transaction. Throws store::DbError on database
// failure.
#include <optional>
#include <string>
#include <vector>

#include "modules/directive/domain/task.hpp"
#include "store/db.hpp"

namespace kientao::directive {

struct TaskRow {
  Task task;
  std::string lead_unit_name;
  std::string lead_unit_path;
  std::string commune_path;
  std::vector<std::string> cooperator_names;
  std::vector<std::string> cooperator_paths;
  std::string responsible_name;     // "" when no person is named
  std::optional<Date> last_update;  // date of the latest progress update
};

class DirectiveStore {
 public:
  static long long InsertDirective(store::Conn& c, const Directive& d);
  static std::vector<Directive> ListDirectives(store::Conn& c);
  static std::optional<Directive> GetDirective(store::Conn& c, long long id);
  static long long InsertTask(store::Conn& c, const Task& t,
                              const std::vector<long long>& cooperators);
  // Tasks of a directive (0 = every directive), ordered by key number then code.
  static std::vector<TaskRow> ListTasks(store::Conn& c, long long directive_id);
  static std::optional<TaskRow> GetTask(store::Conn& c, long long id);
  // For each key number (1–10), the task of the newest directive of `commune_id` that has it.
  static std::vector<TaskRow> KeyTasks(store::Conn& c, long long commune_id);
  // The commune's tasks without names or cooperators, by id.
  static std::vector<Task> CommuneTasks(store::Conn& c, long long commune_id);
  static long long InsertUpdate(store::Conn& c, long long commune_id, const TaskUpdate& u);
  static std::vector<TaskUpdate> ListUpdates(store::Conn& c, long long task_id);
  // Active units of a commune that can lead or cooperate on its tasks (not the commune itself).
  static std::vector<std::pair<long long, std::string>> CommuneUnits(store::Conn& c,
                                                                     long long commune_id);
  // Sub-tasks of a task, by code.
  static std::vector<TaskRow> SubTasks(store::Conn& c, long long parent_id);
  static void Stop(store::Conn& c, long long task_id, const std::string& reason);
  static void SetDeadline(store::Conn& c, long long task_id, const std::optional<Date>& deadline);
  static void SetProgress(store::Conn& c, long long task_id, int percent,
                          const std::optional<Date>& completed_on);
};

}  // namespace kientao::directive
