#pragma once
// Directives and tasks as users work with them: each call checks the actor's permission and scope,
// derives task status from the dates, and writes with its audit entry in one transaction.
// Thread-safe.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/principal.hpp"
#include "modules/directive/domain/task.hpp"
#include "modules/directive/store/directive_store.hpp"
#include "store/db.hpp"

namespace kientao::directive {

struct TaskView {
  TaskRow row;
  TaskStatus status;
  bool due_soon = false;
  long days_overdue = 0;
  std::optional<Period> missed_report;  // a continuous task's period without a progress report
};

struct NewTask {
  Task task;  // id, commune_id and directive_id are filled by CreateDirective
  std::vector<long long> cooperator_unit_ids;
};

struct Evidence {
  long long id = 0;
  long long task_id = 0;
  std::string file_name;
  std::string media_type;
  long long size = 0;
  std::string uploaded_by;
  std::string uploaded_at;
};

class DirectiveService {
 public:
  explicit DirectiveService(store::Database& db) : db_(db) {}

  // Directives of the communes the actor may read tasks of, newest first.
  std::vector<Directive> ListDirectives(const Actor& a);
  Directive GetDirective(const Actor& a, long long id);  // DIR-2008 when missing or out of scope
  // Tasks visible to the actor (of their commune, or led by or cooperating with a unit in their
  // scope); `status` filters by StatusCode ("" = all), `directive_id` 0 = every directive.
  std::vector<TaskView> ListTasks(const Actor& a, const std::string& status, long long directive_id,
                                  Date today);
  TaskView GetTask(const Actor& a, long long id,
                   Date today);  // DIR-2007 when missing or out of scope
  // The dispatch's key tasks (1–10) of the actor's commune (the first grant's commune that has
  // any), by number, in one read.
  std::map<int, TaskView> KeyTasks(const Actor& a, Date today);
  // The dispatch that set commune `commune_id`'s key tasks, to cite in its reports; nullopt when
  // none is loaded. (Its number, date, issuer and subject are what any report of the commune
  // cites.)
  std::optional<Directive> KeyTaskDispatch(long long commune_id);
  // The dispatch's key task `n` (1–10) of the actor's commune, if loaded.
  std::optional<TaskView> KeyTask(const Actor& a, int n, Date today);
  std::vector<TaskUpdate> Updates(const Actor& a, long long task_id);
  // Records a progress update by the lead unit (or the office); marks the task done when
  // `completed`.
  long long AddUpdate(const Actor& a, long long task_id, const UpdateDraft& u, Date today);
  // Creates a directive with its tasks; the actor needs task.assign over the commune.
  long long CreateDirective(const Actor& a, Directive d, std::vector<NewTask> tasks);
  // Adds a task to directive `directive_id`: the lead and cooperating units must be active units of
  // the directive's commune (DIR-2011), the code unique in the commune (DIR-2012), the deadline not
  // before the start (DIR-2001). Returns the new task's id.
  long long AddTask(const Actor& a, long long directive_id, NewTask t);
  // Units of the directive's commune that a task can be assigned to, when the actor may assign
  // tasks there (empty otherwise).
  std::vector<std::pair<long long, std::string>> AssignableUnits(const Actor& a,
                                                                 long long directive_id);
  // Stores an evidence file of the task (those who may report progress on it): DIR-2017 empty,
  // DIR-2014 over 5 MiB, DIR-2015 not a PDF/PNG/JPEG/DOCX/XLSX by its content. The same bytes are
  // kept once.
  long long AddEvidence(const Actor& a, long long task_id, const std::string& file_name,
                        std::string_view data);
  std::vector<Evidence> ListEvidence(const Actor& a, long long task_id);
  // Attachments of a directive (the signed scan, annexes): the same checks as evidence; added by
  // those who assign tasks in the directive's commune, read by those who may read the directive.
  // `task_id` of the returned records is 0.
  long long AddAttachment(const Actor& a, long long directive_id, const std::string& file_name,
                          std::string_view data);
  std::vector<Evidence> ListAttachments(const Actor& a, long long directive_id);
  std::pair<Evidence, std::string> ReadAttachment(const Actor& a, long long attachment_id);
  // The file and its bytes, for those who may see the task (DIR-2016 otherwise); the download is
  // written to the audit log.
  std::pair<Evidence, std::string> ReadEvidence(const Actor& a, long long evidence_id);
  // A sub-task of task `parent_id` for a unit and, when given, a person (`responsible_staff_id`,
  // active staff of the commune — DIR-2019); ends no later than its task (DIR-2018). Those who
  // assign tasks in the commune, and the heads of the task's lead unit (task.delegate), may split
  // it.
  long long AddSubTask(const Actor& a, long long parent_id, NewTask t);
  std::vector<TaskView> SubTasks(const Actor& a, long long parent_id, Date today);
  static bool CanDelegate(const Actor& a, const TaskRow& t);
  // Stops a task (with the reason) or changes its deadline (gia hạn, with the reason): those who
  // assign tasks in the commune; not on done or stopped tasks.
  void StopTask(const Actor& a, long long task_id, const std::string& reason);
  void Reschedule(const Actor& a, long long task_id, std::optional<Date> deadline,
                  const std::string& reason);
  // Staff in post of the task's commune (id, "name — unit"), for naming a responsible person; empty
  // unless the actor may split the task.
  std::vector<std::pair<long long, std::string>> DelegationStaff(const Actor& a, long long task_id);
  // Active units of the task's commune, when the actor may split the task.
  std::vector<std::pair<long long, std::string>> DelegationUnits(const Actor& a, long long task_id);
  // A directive of the actor's own commune, without tasks yet.
  long long CreateDirectiveHere(const Actor& a, Directive d);
  // The actor's own tasks that are overdue or due soon — named as responsible, or led by a unit
  // they report for — most overdue first: the daily reminder digest.
  std::vector<TaskView> MyTasks(const Actor& a, Date today);
  // Whether the actor may report progress on the task.
  static bool CanUpdate(const Actor& a, const TaskRow& t);
  // Every task and sub-task of the commune, on the caller's connection and without a user's scope:
  // for the modules that build on tasks (the KPI module turns a sub-task with a person and a
  // deadline into that person's product).
  static std::vector<Task> CommuneTasks(store::Conn& c, long long commune_id);

 private:
  static bool Visible(const Actor& a, const TaskRow& t);
  long long InsertChecked(store::Conn& c, const Actor& a, long long commune_id, NewTask& t);
  std::optional<TaskRow> ForManagement(store::Conn& c, const Actor& a, long long task_id);
  // Checks an uploaded file and stores its bytes once; returns (digest, media type).
  static std::pair<std::string, std::string> StoreBlob(store::Conn& c, std::string_view data);
  store::Database& db_;
};

}  // namespace kientao::directive
