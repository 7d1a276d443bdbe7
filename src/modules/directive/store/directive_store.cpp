#include "modules/directive/store/directive_store.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "base/clock.hpp"
#include "modules/org/directory.hpp"
#include "store/in_list.hpp"

namespace kientao::directive {

using store::Conn;
using store::Row;
using store::Value;

namespace {

const char* kDirectiveCols =
    "id, commune_id, number_symbol, issued_on, issuer, signer, signer_authority, subject, "
    "legal_basis, "
    "recipients, full_text";

Directive DirectiveFromRow(const Row& r) {
  Directive d;
  d.id = r.Int(0);
  d.commune_id = r.Int(1);
  d.number_symbol = r.Str(2);
  d.issued_on = Date::ParseIso(r.Str(3)).value_or(Date());
  d.issuer = r.Str(4);
  d.signer = r.Str(5);
  d.signer_authority = r.Str(6);
  d.subject = r.Str(7);
  d.legal_basis = r.Str(8);
  d.recipients = r.Str(9);
  d.full_text = r.Str(10);
  return d;
}

const char* kTaskSelect =
    "SELECT t.id, t.commune_id, t.directive_id, t.key_no, t.code, t.title, t.lead_unit_id, "
    "t.start_on, "
    "t.deadline, t.recurrence, t.expected_outputs, t.progress, t.completed_on, t.stopped, "
    "t.parent_id, t.responsible_staff_id, t.stop_reason, "
    "(SELECT MAX(tu.on_date) FROM task_updates tu WHERE tu.task_id = t.id) FROM tasks t ";

TaskRow TaskFromRow(const Row& r) {
  TaskRow row;
  Task& t = row.task;
  t.id = r.Int(0);
  t.commune_id = r.Int(1);
  t.directive_id = r.Int(2);
  t.key_no = static_cast<int>(r.Int(3));
  t.code = r.Str(4);
  t.title = r.Str(5);
  t.lead_unit_id = r.Int(6);
  t.start_on = Date::ParseIso(r.Str(7)).value_or(Date());
  if (!r.IsNull(8)) t.deadline = Date::ParseIso(r.Str(8));
  t.recurrence = r.Str(9);
  t.expected_outputs = r.Str(10);
  t.progress = static_cast<int>(r.Int(11));
  if (!r.IsNull(12)) t.completed_on = Date::ParseIso(r.Str(12));
  t.stopped = r.Int(13) != 0;
  t.parent_id = r.Int(14);
  t.responsible_staff_id = r.Int(15);
  t.stop_reason = r.Str(16);
  if (!r.IsNull(17)) row.last_update = Date::ParseIso(r.Str(17));
  return row;
}

// The names and paths of the tasks' units, cooperating units and responsible people, from the org
// module's directory.
void AddCooperators(Conn& c, std::vector<TaskRow>& rows) {
  if (rows.empty()) return;
  std::map<long long, TaskRow*> by_id;
  std::set<long long> unit_ids, staff_ids;
  for (auto& r : rows) {
    by_id[r.task.id] = &r;
    unit_ids.insert({r.task.lead_unit_id, r.task.commune_id});
    if (r.task.responsible_staff_id) staff_ids.insert(r.task.responsible_staff_id);
  }
  std::vector<std::pair<long long, long long>> cooperators;  // task, unit
  std::vector<long long> task_ids;
  for (auto& r : rows) task_ids.push_back(r.task.id);
  store::ForEachIdSlice(task_ids, {}, [&](const std::vector<Value>& params, const std::string& in) {
    for (auto& r :
         c.Query("SELECT task_id, unit_id FROM task_cooperators WHERE task_id IN (" + in + ")",
                 params)) {
      cooperators.emplace_back(r.Int(0), r.Int(1));
      unit_ids.insert(r.Int(1));
    }
  });
  auto units = org::Directory::Units(c, unit_ids);
  auto staff = org::Directory::StaffByIds(c, staff_ids);
  auto path = [&](long long id) { return units.count(id) ? units.at(id).path : std::string(); };
  for (auto& r : rows) {
    if (auto u = units.find(r.task.lead_unit_id); u != units.end()) {
      r.lead_unit_name = u->second.name;
      r.lead_unit_path = u->second.path;
    }
    r.commune_path = path(r.task.commune_id);
    if (auto s = staff.find(r.task.responsible_staff_id); s != staff.end())
      r.responsible_name = s->second.staff.full_name;
  }
  std::sort(cooperators.begin(), cooperators.end(), [&](const auto& x, const auto& y) {
    return std::make_pair(x.first, path(x.second)) < std::make_pair(y.first, path(y.second));
  });
  for (auto& [task, unit] : cooperators) {
    TaskRow* t = by_id[task];
    t->cooperator_names.push_back(units.count(unit) ? units.at(unit).name : std::string());
    t->cooperator_paths.push_back(path(unit));
  }
}

Value OptDate(const std::optional<Date>& d) { return d ? Value(d->ToIso()) : Value(); }

}  // namespace

long long DirectiveStore::InsertDirective(Conn& c, const Directive& d) {
  return c.InsertId(
      "INSERT INTO directives (commune_id, number_symbol, issued_on, issuer, signer, "
      "signer_authority, subject, "
      "legal_basis, recipients, full_text, created_at) VALUES (:1, :2, :3, :4, :5, :6, :7, :8, :9, "
      ":10, :11) "
      "RETURNING id",
      {d.commune_id, d.number_symbol, d.issued_on.ToIso(), d.issuer, d.signer, d.signer_authority,
       d.subject, d.legal_basis, d.recipients, d.full_text, clock::NowIsoUtc()});
}

std::vector<Directive> DirectiveStore::ListDirectives(Conn& c) {
  std::vector<Directive> out;
  for (auto& r : c.Query(std::string("SELECT ") + kDirectiveCols +
                         " FROM directives ORDER BY issued_on DESC, id DESC"))
    out.push_back(DirectiveFromRow(r));
  return out;
}

std::optional<Directive> DirectiveStore::GetDirective(Conn& c, long long id) {
  auto r =
      c.QueryOne(std::string("SELECT ") + kDirectiveCols + " FROM directives WHERE id = :1", {id});
  if (!r) return std::nullopt;
  return DirectiveFromRow(*r);
}

long long DirectiveStore::InsertTask(Conn& c, const Task& t,
                                     const std::vector<long long>& cooperators) {
  std::string now = clock::NowIsoUtc();
  long long id = c.InsertId(
      "INSERT INTO tasks (commune_id, directive_id, key_no, code, title, lead_unit_id, start_on, "
      "deadline, "
      "recurrence, expected_outputs, progress, completed_on, stopped, created_at, updated_at, "
      "parent_id, responsible_staff_id) "
      "VALUES "
      "(:1, :2, :3, :4, :5, :6, :7, :8, :9, :10, :11, :12, :13, :14, :15, :16, :17) RETURNING id",
      {t.commune_id, t.directive_id ? Value(t.directive_id) : Value(),
       t.key_no ? Value(static_cast<long long>(t.key_no)) : Value(), t.code, t.title,
       t.lead_unit_id, t.start_on.ToIso(), OptDate(t.deadline), t.recurrence, t.expected_outputs,
       static_cast<long long>(t.progress), OptDate(t.completed_on),
       static_cast<long long>(t.stopped ? 1 : 0), now, now,
       t.parent_id ? Value(t.parent_id) : Value(),
       t.responsible_staff_id ? Value(t.responsible_staff_id) : Value()});
  for (long long unit : cooperators)
    c.Exec("INSERT INTO task_cooperators (task_id, unit_id) VALUES (:1, :2)", {id, unit});
  return id;
}

std::vector<TaskRow> DirectiveStore::ListTasks(Conn& c, long long directive_id) {
  std::vector<TaskRow> out;
  std::string sql = kTaskSelect;
  std::vector<Value> params;
  if (directive_id) {
    sql += "WHERE t.directive_id = :d ";
    params.emplace_back(directive_id);
  }
  sql += "ORDER BY t.key_no, t.code";
  for (auto& r : c.Query(sql, params)) out.push_back(TaskFromRow(r));
  AddCooperators(c, out);
  return out;
}

std::optional<TaskRow> DirectiveStore::GetTask(Conn& c, long long id) {
  auto r = c.QueryOne(std::string(kTaskSelect) + "WHERE t.id = :1", {id});
  if (!r) return std::nullopt;
  std::vector<TaskRow> rows{TaskFromRow(*r)};
  AddCooperators(c, rows);
  return rows.front();
}

std::vector<TaskRow> DirectiveStore::KeyTasks(Conn& c, long long commune_id) {
  std::vector<TaskRow> out;
  for (auto& r :
       c.Query(std::string(kTaskSelect) + "WHERE t.commune_id = :1 AND t.key_no IS NOT NULL "
                                          "ORDER BY t.key_no, t.directive_id DESC",
               {commune_id})) {
    TaskRow row = TaskFromRow(r);
    // The newest directive's task for each key number.
    if (!out.empty() && out.back().task.key_no == row.task.key_no) continue;
    out.push_back(std::move(row));
  }
  AddCooperators(c, out);
  return out;
}

long long DirectiveStore::InsertUpdate(Conn& c, long long commune_id, const TaskUpdate& u) {
  return c.InsertId(
      "INSERT INTO task_updates (task_id, commune_id, on_date, percent, narrative, results, "
      "difficulties, "
      "proposals, author, created_at) VALUES (:1, :2, :3, :4, :5, :6, :7, :8, :9, :10) RETURNING "
      "id",
      {u.task_id, commune_id, u.on_date.ToIso(), static_cast<long long>(u.percent), u.narrative,
       u.results, u.difficulties, u.proposals, u.author, clock::NowIsoUtc()});
}

std::vector<TaskUpdate> DirectiveStore::ListUpdates(Conn& c, long long task_id) {
  std::vector<TaskUpdate> out;
  for (auto& r : c.Query("SELECT id, task_id, on_date, percent, narrative, results, difficulties, "
                         "proposals, author "
                         "FROM task_updates WHERE task_id = :1 ORDER BY on_date DESC, id DESC",
                         {task_id})) {
    TaskUpdate u;
    u.id = r.Int(0);
    u.task_id = r.Int(1);
    u.on_date = Date::ParseIso(r.Str(2)).value_or(Date());
    u.percent = static_cast<int>(r.Int(3));
    u.narrative = r.Str(4);
    u.results = r.Str(5);
    u.difficulties = r.Str(6);
    u.proposals = r.Str(7);
    u.author = r.Str(8);
    out.push_back(std::move(u));
  }
  return out;
}

std::vector<std::pair<long long, std::string>> DirectiveStore::CommuneUnits(Conn& c,
                                                                            long long commune_id) {
  // The commune's units in post, by kind (as stored: its code) and code.
  std::vector<org::OrgUnit> units;
  for (auto& u : org::Directory::CommuneTree(c, commune_id))
    if (u.id != commune_id && u.active()) units.push_back(std::move(u));
  std::sort(units.begin(), units.end(), [](const auto& x, const auto& y) {
    return std::make_pair(org::KindCode(x.kind), x.code) <
           std::make_pair(org::KindCode(y.kind), y.code);
  });
  std::vector<std::pair<long long, std::string>> out;
  for (auto& u : units) out.emplace_back(u.id, u.name);
  return out;
}

void DirectiveStore::SetProgress(Conn& c, long long task_id, int percent,
                                 const std::optional<Date>& completed_on) {
  c.Exec("UPDATE tasks SET progress = :1, completed_on = :2, updated_at = :3 WHERE id = :4",
         {static_cast<long long>(percent), OptDate(completed_on), clock::NowIsoUtc(), task_id});
}

std::vector<Task> DirectiveStore::CommuneTasks(Conn& c, long long commune_id) {
  std::vector<Task> out;
  for (auto& r :
       c.Query(std::string(kTaskSelect) + "WHERE t.commune_id = :1 ORDER BY t.id", {commune_id}))
    out.push_back(TaskFromRow(r).task);
  return out;
}

std::vector<TaskRow> DirectiveStore::SubTasks(Conn& c, long long parent_id) {
  std::vector<TaskRow> out;
  for (auto& r :
       c.Query(std::string(kTaskSelect) + "WHERE t.parent_id = :1 ORDER BY t.code", {parent_id}))
    out.push_back(TaskFromRow(r));
  AddCooperators(c, out);
  return out;
}

void DirectiveStore::Stop(Conn& c, long long task_id, const std::string& reason) {
  c.Exec("UPDATE tasks SET stopped = 1, stop_reason = :1, updated_at = :2 WHERE id = :3",
         {reason, clock::NowIsoUtc(), task_id});
}

void DirectiveStore::SetDeadline(Conn& c, long long task_id, const std::optional<Date>& deadline) {
  c.Exec("UPDATE tasks SET deadline = :1, updated_at = :2 WHERE id = :3",
         {deadline ? Value(deadline->ToIso()) : Value(), clock::NowIsoUtc(), task_id});
}

}  // namespace kientao::directive
