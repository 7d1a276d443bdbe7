#include "modules/directive/service.hpp"

#include <algorithm>
#include <set>

#include "base/access.hpp"
#include "base/clock.hpp"
#include "base/json_writer.hpp"
#include "modules/directive/domain/evidence.hpp"
#include "modules/directive/errors.hpp"
#include "modules/directive/permissions.hpp"
#include "modules/documents/zip_archive.hpp"
#include "modules/org/directory.hpp"
#include "store/audit_log.hpp"
#include "store/digest.hpp"
#include "store/scope.hpp"

namespace kientao::directive {

using store::Conn;
using store::Tx;

namespace {

TaskView ViewOf(TaskRow row, Date today) {
  TaskDates dates = row.task.Dates();
  auto missed = MissedReport(row.task.recurrence, dates, row.task.start_on, row.last_update, today);
  return TaskView{std::move(row), DeriveStatus(dates, today), DueSoon(dates, today),
                  DaysOverdue(dates, today), missed};
}

std::optional<std::string> CommunePath(Conn& c, long long commune_id) {
  auto u = org::Directory::Unit(c, commune_id);
  return u ? std::optional<std::string>(u->path) : std::nullopt;
}

}  // namespace

bool DirectiveService::Visible(const Actor& a, const TaskRow& t) {
  if (access::Permits(a.who, access::kTaskRead, t.commune_path) ||
      access::Permits(a.who, access::kTaskRead, t.lead_unit_path))
    return true;
  for (auto& p : t.cooperator_paths)
    if (access::Permits(a.who, access::kTaskRead, p)) return true;
  return false;
}

bool DirectiveService::CanUpdate(const Actor& a, const TaskRow& t) {
  return access::Permits(a.who, access::kTaskUpdate, t.lead_unit_path);
}

std::vector<Directive> DirectiveService::ListDirectives(const Actor& a) {
  Conn c = db_.Lease();
  std::vector<Directive> out;
  for (auto& d : DirectiveStore::ListDirectives(c)) {
    auto path = CommunePath(c, d.commune_id);
    if (path && access::Permits(a.who, access::kTaskRead, *path)) out.push_back(std::move(d));
  }
  return out;
}

Directive DirectiveService::GetDirective(const Actor& a, long long id) {
  Conn c = db_.Lease();
  auto d = DirectiveStore::GetDirective(c, id);
  auto path = d ? CommunePath(c, d->commune_id) : std::nullopt;
  if (!d || !path || !access::Permits(a.who, access::kTaskRead, *path))
    throw Error(errors::kDirectiveNotFound, "id");
  return *d;
}

std::vector<TaskView> DirectiveService::ListTasks(const Actor& a, const std::string& status,
                                                  long long directive_id, Date today) {
  static const std::set<std::string> kCodes = {"done_on_time", "done_late",        "open_on_time",
                                               "open_overdue", "done_no_deadline", "no_deadline",
                                               "stopped",      "due_soon"};
  if (!status.empty() && !kCodes.count(status))
    throw Error(errors::kInvalidStatusFilter, "status", {{"value", status}});
  Conn c = db_.Lease();
  std::vector<TaskView> out;
  for (auto& row : DirectiveStore::ListTasks(c, directive_id)) {
    if (!Visible(a, row)) continue;
    TaskView v = ViewOf(std::move(row), today);
    if (!status.empty() && StatusCode(v.status) != status && !(status == "due_soon" && v.due_soon))
      continue;
    out.push_back(std::move(v));
  }
  return out;
}

TaskView DirectiveService::GetTask(const Actor& a, long long id, Date today) {
  Conn c = db_.Lease();
  auto row = DirectiveStore::GetTask(c, id);
  if (!row || !Visible(a, *row)) throw Error(errors::kTaskNotFound, "id");
  return ViewOf(std::move(*row), today);
}

std::map<int, TaskView> DirectiveService::KeyTasks(const Actor& a, Date today) {
  Conn c = db_.Lease();
  for (const RoleGrant& g : a.who.grants) {
    auto unit = org::Directory::Unit(c, g.scope_unit_id);
    if (!unit || unit->commune_id == 0) continue;
    std::map<int, TaskView> out;
    for (auto& row : DirectiveStore::KeyTasks(c, unit->commune_id))
      if (Visible(a, row)) out.emplace(row.task.key_no, ViewOf(std::move(row), today));
    if (!out.empty()) return out;
  }
  return {};
}

std::optional<Directive> DirectiveService::KeyTaskDispatch(long long commune_id) {
  Conn c = db_.Lease();
  auto tasks = DirectiveStore::KeyTasks(c, commune_id);
  if (tasks.empty()) return std::nullopt;
  return DirectiveStore::GetDirective(c, tasks.front().task.directive_id);
}

std::optional<TaskView> DirectiveService::KeyTask(const Actor& a, int n, Date today) {
  auto all = KeyTasks(a, today);
  auto it = all.find(n);
  if (it == all.end()) return std::nullopt;
  return std::move(it->second);
}

std::vector<TaskUpdate> DirectiveService::Updates(const Actor& a, long long task_id) {
  Conn c = db_.Lease();
  auto row = DirectiveStore::GetTask(c, task_id);
  if (!row || !Visible(a, *row)) throw Error(errors::kTaskNotFound, "id");
  return DirectiveStore::ListUpdates(c, task_id);
}

long long DirectiveService::AddUpdate(const Actor& a, long long task_id, const UpdateDraft& u,
                                      Date today) {
  Conn c = db_.Lease();
  Tx tx(c);
  auto row = DirectiveStore::GetTask(c, task_id);
  if (!row || !Visible(a, *row)) throw Error(errors::kTaskNotFound, "id");
  if (!CanUpdate(a, *row)) throw Error(gen_errors::kForbidden);
  ValidateUpdate(row->task, u, today);
  TaskUpdate up{0,         task_id,        u.on_date,   u.percent,    u.narrative,
                u.results, u.difficulties, u.proposals, a.ShownName()};
  long long id = DirectiveStore::InsertUpdate(c, row->task.commune_id, up);
  std::optional<Date> completed = u.completed ? std::optional<Date>(u.on_date) : std::nullopt;
  DirectiveStore::SetProgress(c, task_id, u.percent, completed);
  store::AppendAudit(c, a, "progress", "task", std::to_string(task_id), row->task.commune_id,
                     JsonObject().Int("progress", row->task.progress).Build(),
                     JsonObject()
                         .Int("progress", u.percent)
                         .Str("on_date", u.on_date.ToIso())
                         .Bool("completed", u.completed)
                         .Build());
  tx.Commit();
  return id;
}

long long DirectiveService::CreateDirective(const Actor& a, Directive d,
                                            std::vector<NewTask> tasks) {
  for (auto& t : tasks) ValidateSchedule(t.task.start_on, t.task.deadline);
  Conn c = db_.Lease();
  Tx tx(c);
  auto path = CommunePath(c, d.commune_id);
  if (!path || !access::Permits(a.who, access::kTaskAssign, *path))
    throw Error(gen_errors::kOutOfScope, "commune_id");
  long long id = DirectiveStore::InsertDirective(c, d);
  for (auto& t : tasks) {
    t.task.commune_id = d.commune_id;
    t.task.directive_id = id;
    DirectiveStore::InsertTask(c, t.task, t.cooperator_unit_ids);
  }
  store::AppendAudit(c, a, "create", "directive", std::to_string(id), d.commune_id, std::nullopt,
                     JsonObject()
                         .Str("number_symbol", d.number_symbol)
                         .Str("subject", d.subject)
                         .Int("tasks", static_cast<long long>(tasks.size()))
                         .Build());
  tx.Commit();
  return id;
}

std::vector<std::pair<long long, std::string>> DirectiveService::AssignableUnits(
    const Actor& a, long long directive_id) {
  Conn c = db_.Lease();
  auto d = DirectiveStore::GetDirective(c, directive_id);
  auto path = d ? CommunePath(c, d->commune_id) : std::nullopt;
  if (!d || !path || !access::Permits(a.who, access::kTaskAssign, *path)) return {};
  return DirectiveStore::CommuneUnits(c, d->commune_id);
}

long long DirectiveService::InsertChecked(Conn& c, const Actor& a, long long commune_id,
                                          NewTask& t) {
  auto in_commune = [&](long long unit_id, const char* field) {
    auto u = org::Directory::Unit(c, unit_id);
    if (!u || !u->active() || u->commune_id != commune_id)
      throw Error(errors::kUnitNotInCommune, field);
  };
  in_commune(t.task.lead_unit_id, "lead_unit_id");
  for (long long u : t.cooperator_unit_ids) in_commune(u, "cooperating_unit_ids");
  if (t.task.responsible_staff_id) {
    auto s = org::Directory::Staff(c, t.task.responsible_staff_id);
    if (!s || s->staff.status != org::StaffStatus::kActive || s->staff.commune_id != commune_id)
      throw Error(errors::kResponsibleNotInCommune, "responsible_staff_id");
  }
  if (c.QueryOne("SELECT 1 FROM tasks WHERE commune_id = :1 AND code = :2",
                 {commune_id, t.task.code}))
    throw Error(errors::kTaskCodeTaken, "code", {{"value", t.task.code}});
  t.task.commune_id = commune_id;
  long long id = DirectiveStore::InsertTask(c, t.task, t.cooperator_unit_ids);
  store::AppendAudit(
      c, a, "create", "task", std::to_string(id), commune_id, std::nullopt,
      JsonObject()
          .Str("code", t.task.code)
          .Str("title", t.task.title)
          .Int("lead_unit_id", t.task.lead_unit_id)
          .Int("parent_id", t.task.parent_id)
          .Int("responsible_staff_id", t.task.responsible_staff_id)
          .Str("start_on", t.task.start_on.ToIso())
          .OptStr("deadline", t.task.deadline ? std::optional<std::string>(t.task.deadline->ToIso())
                                              : std::nullopt)
          .Build());
  return id;
}

long long DirectiveService::AddTask(const Actor& a, long long directive_id, NewTask t) {
  ValidateSchedule(t.task.start_on, t.task.deadline);
  Conn c = db_.Lease();
  Tx tx(c);
  auto d = DirectiveStore::GetDirective(c, directive_id);
  auto path = d ? CommunePath(c, d->commune_id) : std::nullopt;
  if (!d || !path || !access::Permits(a.who, access::kTaskRead, *path))
    throw Error(errors::kDirectiveNotFound, "id");
  if (!access::Permits(a.who, access::kTaskAssign, *path)) throw Error(gen_errors::kForbidden);
  t.task.directive_id = directive_id;
  t.task.parent_id = 0;
  long long id = InsertChecked(c, a, d->commune_id, t);
  tx.Commit();
  return id;
}

long long DirectiveService::AddSubTask(const Actor& a, long long parent_id, NewTask t) {
  ValidateSchedule(t.task.start_on, t.task.deadline);
  Conn c = db_.Lease();
  Tx tx(c);
  auto parent = DirectiveStore::GetTask(c, parent_id);
  if (!parent || !Visible(a, *parent)) throw Error(errors::kTaskNotFound, "id");
  if (!CanDelegate(a, *parent)) throw Error(gen_errors::kForbidden);
  const Task& p = parent->task;
  if (p.stopped) throw Error(errors::kTaskStopped, "id");
  if (p.completed_on)
    throw Error(errors::kTaskAlreadyDone, "id", {{"date", p.completed_on->ToVn()}});
  // A sub-task ends no later than its task; it may start earlier than today but not before it.
  if (p.deadline && (!t.task.deadline || *t.task.deadline > *p.deadline))
    throw Error(errors::kSubTaskAfterParent, "deadline", {{"date", p.deadline->ToVn()}});
  if (t.task.start_on < p.start_on) t.task.start_on = p.start_on;
  ValidateSchedule(t.task.start_on, t.task.deadline);
  t.task.directive_id = p.directive_id;
  t.task.parent_id = parent_id;
  t.task.key_no = 0;
  // Whoever does not assign the commune's tasks delegates only inside the units they head: the
  // sub-task is one they can then see and manage (the answer and the write agree).
  if (!access::Permits(a.who, access::kTaskAssign, parent->commune_path)) {
    auto lead = org::Directory::Unit(c, t.task.lead_unit_id);
    if (lead && !access::Permits(a.who, access::kTaskDelegate, lead->path))
      throw Error(gen_errors::kOutOfScope, "lead_unit_id");
  }
  long long id = InsertChecked(c, a, p.commune_id, t);
  tx.Commit();
  return id;
}

std::vector<TaskView> DirectiveService::SubTasks(const Actor& a, long long parent_id, Date today) {
  Conn c = db_.Lease();
  auto parent = DirectiveStore::GetTask(c, parent_id);
  if (!parent || !Visible(a, *parent)) throw Error(errors::kTaskNotFound, "id");
  std::vector<TaskView> out;
  for (auto& row : DirectiveStore::SubTasks(c, parent_id))
    out.push_back(ViewOf(std::move(row), today));
  return out;
}

bool DirectiveService::CanDelegate(const Actor& a, const TaskRow& t) {
  return access::Permits(a.who, access::kTaskAssign, t.commune_path) ||
         access::Permits(a.who, access::kTaskDelegate, t.lead_unit_path);
}

// A task someone who assigns tasks is about to stop or reschedule: visible, theirs to manage,
// neither stopped nor done.
std::optional<TaskRow> DirectiveService::ForManagement(Conn& c, const Actor& a, long long task_id) {
  auto row = DirectiveStore::GetTask(c, task_id);
  if (!row || !Visible(a, *row)) throw Error(errors::kTaskNotFound, "id");
  if (!access::Permits(a.who, access::kTaskAssign, row->commune_path))
    throw Error(gen_errors::kForbidden);
  if (row->task.stopped) throw Error(errors::kTaskStopped, "id");
  if (row->task.completed_on)
    throw Error(errors::kTaskAlreadyDone, "id", {{"date", row->task.completed_on->ToVn()}});
  return row;
}

void DirectiveService::StopTask(const Actor& a, long long task_id, const std::string& reason) {
  if (reason.empty()) throw Error(gen_errors::kRequired, "reason");
  Conn c = db_.Lease();
  Tx tx(c);
  auto row = ForManagement(c, a, task_id);
  DirectiveStore::Stop(c, task_id, reason);
  store::AppendAudit(c, a, "stop", "task", std::to_string(task_id), row->task.commune_id,
                     JsonObject().Bool("stopped", false).Build(),
                     JsonObject().Bool("stopped", true).Str("reason", reason).Build());
  tx.Commit();
}

void DirectiveService::Reschedule(const Actor& a, long long task_id, std::optional<Date> deadline,
                                  const std::string& reason) {
  if (reason.empty()) throw Error(gen_errors::kRequired, "reason");
  Conn c = db_.Lease();
  Tx tx(c);
  auto row = ForManagement(c, a, task_id);
  ValidateSchedule(row->task.start_on, deadline);
  auto iso = [](const std::optional<Date>& d) {
    return d ? std::optional<std::string>(d->ToIso()) : std::nullopt;
  };
  DirectiveStore::SetDeadline(c, task_id, deadline);
  store::AppendAudit(c, a, "reschedule", "task", std::to_string(task_id), row->task.commune_id,
                     JsonObject().OptStr("deadline", iso(row->task.deadline)).Build(),
                     JsonObject().OptStr("deadline", iso(deadline)).Str("reason", reason).Build());
  tx.Commit();
}

std::vector<std::pair<long long, std::string>> DirectiveService::DelegationStaff(
    const Actor& a, long long task_id) {
  Conn c = db_.Lease();
  auto row = DirectiveStore::GetTask(c, task_id);
  if (!row || !Visible(a, *row) || !CanDelegate(a, *row)) return {};
  // By unit (in path order), then the Vietnamese way by given name.
  auto staff = org::Directory::CommuneStaff(c, row->task.commune_id, false);
  std::stable_sort(staff.begin(), staff.end(),
                   [](const auto& x, const auto& y) { return x.unit_path < y.unit_path; });
  std::vector<std::pair<long long, std::string>> out;
  for (auto& r : staff) out.emplace_back(r.staff.id, r.staff.full_name + " — " + r.unit_name);
  return out;
}

std::vector<Task> DirectiveService::CommuneTasks(Conn& c, long long commune_id) {
  return DirectiveStore::CommuneTasks(c, commune_id);
}

std::vector<std::pair<long long, std::string>> DirectiveService::DelegationUnits(
    const Actor& a, long long task_id) {
  Conn c = db_.Lease();
  auto row = DirectiveStore::GetTask(c, task_id);
  if (!row || !Visible(a, *row) || !CanDelegate(a, *row)) return {};
  return DirectiveStore::CommuneUnits(c, row->task.commune_id);
}

long long DirectiveService::CreateDirectiveHere(const Actor& a, Directive d) {
  {
    Conn c = db_.Lease();
    d.commune_id = store::ActorCommune(c, a.who, access::kTaskAssign);
  }
  if (!d.commune_id) throw Error(gen_errors::kOutOfScope, "commune_id");
  return CreateDirective(a, std::move(d), {});
}

std::vector<TaskView> DirectiveService::MyTasks(const Actor& a, Date today) {
  Conn c = db_.Lease();
  long long staff_id = a.who.staff_id;
  std::vector<TaskView> out;
  for (auto& row : DirectiveStore::ListTasks(c, 0)) {
    bool mine = (staff_id && row.task.responsible_staff_id == staff_id) || CanUpdate(a, row);
    if (!mine || !Visible(a, row)) continue;
    TaskView v = ViewOf(std::move(row), today);
    if (v.status == TaskStatus::kOpenOverdue || v.due_soon || v.missed_report)
      out.push_back(std::move(v));
  }
  std::stable_sort(out.begin(), out.end(), [](const TaskView& x, const TaskView& y) {
    return x.days_overdue > y.days_overdue;
  });
  return out;
}

namespace {

bool HasZipEntry(std::string_view data, const char* name) {
  return documents::ReadZipEntry(data, name).has_value();
}

Evidence EvidenceFromRow(const store::Row& r) {
  return Evidence{r.Int(0), r.Int(1), r.Str(2), r.Str(3), r.Int(4), r.Str(5), r.Str(6)};
}

const char* kEvidenceSelect =
    "SELECT e.id, e.task_id, e.file_name, b.media_type, b.size, e.uploaded_by, e.uploaded_at FROM "
    "task_evidence e JOIN file_blobs b ON b.digest = e.digest ";

}  // namespace

std::pair<std::string, std::string> DirectiveService::StoreBlob(Conn& c, std::string_view data) {
  if (data.empty()) throw Error(errors::kNoFile, "file");
  if (data.size() > kMaxEvidenceBytes)
    throw Error(errors::kFileTooLarge, "file", {{"max", std::to_string(kMaxEvidenceBytes >> 20)}});
  auto type = SniffEvidenceType(data, HasZipEntry);
  if (!type) throw Error(errors::kFileType, "file");
  std::string digest = store::ContentDigest(data);
  if (!c.QueryOne("SELECT 1 FROM file_blobs WHERE digest = :1", {digest}))
    c.Exec(
        "INSERT INTO file_blobs (digest, size, media_type, data, created_at) VALUES (:1, :2, :3, "
        ":4, :5)",
        {digest, static_cast<long long>(data.size()), *type, store::ToBase64(data),
         clock::NowIsoVn()});
  return {digest, *type};
}

long long DirectiveService::AddEvidence(const Actor& a, long long task_id,
                                        const std::string& file_name, std::string_view data) {
  if (data.empty()) throw Error(errors::kNoFile, "file");
  Conn c = db_.Lease();
  Tx tx(c);
  auto row = DirectiveStore::GetTask(c, task_id);
  if (!row || !Visible(a, *row)) throw Error(errors::kTaskNotFound, "id");
  if (!CanUpdate(a, *row)) throw Error(gen_errors::kForbidden);
  auto [digest, type] = StoreBlob(c, data);
  std::string name = SafeFileName(file_name, type);
  long long id = c.InsertId(
      "INSERT INTO task_evidence (task_id, commune_id, file_name, digest, uploaded_by, "
      "uploaded_at) VALUES "
      "(:1, :2, :3, :4, :5, :6) RETURNING id",
      {task_id, row->task.commune_id, name, digest, a.audit_name, clock::NowIsoVn()});
  store::AppendAudit(c, a, "attach", "task", std::to_string(task_id), row->task.commune_id,
                     std::nullopt,
                     JsonObject()
                         .Int("evidence_id", id)
                         .Str("file", name)
                         .Str("type", type)
                         .Int("size", static_cast<long long>(data.size()))
                         .Str("digest", digest)
                         .Build());
  tx.Commit();
  return id;
}

std::vector<Evidence> DirectiveService::ListEvidence(const Actor& a, long long task_id) {
  Conn c = db_.Lease();
  auto row = DirectiveStore::GetTask(c, task_id);
  if (!row || !Visible(a, *row)) throw Error(errors::kTaskNotFound, "id");
  std::vector<Evidence> out;
  for (auto& r :
       c.Query(std::string(kEvidenceSelect) + "WHERE e.task_id = :1 ORDER BY e.id", {task_id}))
    out.push_back(EvidenceFromRow(r));
  return out;
}

std::pair<Evidence, std::string> DirectiveService::ReadEvidence(const Actor& a,
                                                                long long evidence_id) {
  Conn c = db_.Lease();
  auto r = c.QueryOne(std::string(kEvidenceSelect) + "WHERE e.id = :1", {evidence_id});
  if (!r) throw Error(errors::kFileNotFound, "id");
  Evidence e = EvidenceFromRow(*r);
  auto row = DirectiveStore::GetTask(c, e.task_id);
  if (!row || !Visible(a, *row)) throw Error(errors::kFileNotFound, "id");
  auto blob = c.QueryOne(
      "SELECT b.data FROM task_evidence e JOIN file_blobs b ON b.digest = e.digest WHERE "
      "e.id = :1",
      {evidence_id});
  // Evidence may hold personal data (lists of households, minutes): every download is logged.
  Tx tx(c);
  store::AppendAudit(c, a, "read_file", "task", std::to_string(e.task_id), row->task.commune_id,
                     std::nullopt,
                     JsonObject().Int("evidence_id", e.id).Str("file", e.file_name).Build());
  tx.Commit();
  return {e, store::FromBase64(blob->Str(0))};
}

namespace {

const char* kAttachmentSelect =
    "SELECT e.id, 0, e.file_name, b.media_type, b.size, e.uploaded_by, e.uploaded_at, "
    "e.directive_id FROM "
    "directive_attachments e JOIN file_blobs b ON b.digest = e.digest ";

}  // namespace

long long DirectiveService::AddAttachment(const Actor& a, long long directive_id,
                                          const std::string& file_name, std::string_view data) {
  Directive d = GetDirective(a, directive_id);  // DIR-2008 outside the actor's scope
  Conn c = db_.Lease();
  Tx tx(c);
  auto path = CommunePath(c, d.commune_id);
  if (!path || !access::Permits(a.who, access::kTaskAssign, *path))
    throw Error(gen_errors::kForbidden);
  auto [digest, type] = StoreBlob(c, data);
  std::string name = SafeFileName(file_name, type);
  long long id = c.InsertId(
      "INSERT INTO directive_attachments (directive_id, commune_id, file_name, digest, "
      "uploaded_by, uploaded_at) "
      "VALUES (:1, :2, :3, :4, :5, :6) RETURNING id",
      {directive_id, d.commune_id, name, digest, a.audit_name, clock::NowIsoVn()});
  store::AppendAudit(c, a, "attach", "directive", std::to_string(directive_id), d.commune_id,
                     std::nullopt,
                     JsonObject()
                         .Int("attachment_id", id)
                         .Str("file", name)
                         .Str("type", type)
                         .Str("digest", digest)
                         .Build());
  tx.Commit();
  return id;
}

std::vector<Evidence> DirectiveService::ListAttachments(const Actor& a, long long directive_id) {
  GetDirective(a, directive_id);
  Conn c = db_.Lease();
  std::vector<Evidence> out;
  for (auto& r : c.Query(std::string(kAttachmentSelect) + "WHERE e.directive_id = :1 ORDER BY e.id",
                         {directive_id}))
    out.push_back(EvidenceFromRow(r));
  return out;
}

std::pair<Evidence, std::string> DirectiveService::ReadAttachment(const Actor& a,
                                                                  long long attachment_id) {
  Conn c = db_.Lease();
  auto r = c.QueryOne(std::string(kAttachmentSelect) + "WHERE e.id = :1", {attachment_id});
  if (!r) throw Error(errors::kFileNotFound, "id");
  long long directive_id = r->Int(7);
  auto d = DirectiveStore::GetDirective(c, directive_id);
  auto path = d ? CommunePath(c, d->commune_id) : std::nullopt;
  if (!path || !access::Permits(a.who, access::kTaskRead, *path))
    throw Error(errors::kFileNotFound, "id");
  auto blob = c.QueryOne(
      "SELECT b.data FROM directive_attachments e JOIN file_blobs b ON b.digest = e.digest "
      "WHERE e.id = :1",
      {attachment_id});
  return {EvidenceFromRow(*r), store::FromBase64(blob->Str(0))};
}

}  // namespace kientao::directive
