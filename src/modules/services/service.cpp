#include "modules/services/service.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include <boost/json.hpp>

#include "base/access.hpp"
#include "base/citizen_id.hpp"
#include "base/clock.hpp"
#include "base/csv.hpp"
#include "base/json_writer.hpp"
#include "base/pipeline.hpp"
#include "base/text.hpp"
#include "http/input.hpp"
#include "modules/org/service.hpp"
#include "modules/services/domain/import_names.hpp"
#include "modules/services/domain/steps.hpp"
#include "modules/services/errors.hpp"
#include "modules/services/permissions.hpp"
#include "store/audit_log.hpp"
#include "store/scope.hpp"

namespace kientao::services {

using store::Conn;
using store::Tx;

namespace {

std::string DossierJson(const DossierDraft& d) {
  JsonObject o;
  o.Str("code", d.code)
      .Int("procedure_id", d.procedure_id)
      .Int("unit_id", d.unit_id)
      .Str("applicant_name", d.applicant_name)
      .Str("citizen_id_masked", d.citizen_id.empty() ? "" : MaskCitizenId(d.citizen_id))
      .Str("received_on", d.received_on.ToIso())
      .Str("channel", ChannelCode(d.channel))
      .Bool("full_process_online", d.full_process_online)
      .Str("due_on", d.due_on.ToIso())
      .Str("status", StatusCode(d.status));
  if (d.returned_on)
    o.Str("returned_on", d.returned_on->ToIso());
  else
    o.Null("returned_on");
  return o.Build();
}

std::string ProcedureJson(const ProcedureDraft& p) {
  return JsonObject()
      .Str("code", p.code)
      .Str("name", p.name)
      .Str("sector", p.sector)
      .Str("online_level", OnlineLevelCode(p.online_level))
      .Int("handling_days", p.handling_days)
      .Build();
}

// One row of an import, its cells trimmed, spaces collapsed and NFC, read by column name ("" when
// the file has no such column).
struct ImportRow {
  const std::vector<std::string>& fields;
  const std::unordered_map<std::string_view, size_t>& at;
  const std::string& operator()(std::string_view name) const {
    static const std::string kNone;
    auto it = at.find(name);
    return it == at.end() || it->second >= fields.size() ? kNone : fields[it->second];
  }
};

// An uploaded CSV read row by row: the header checked for `required`, each row's shape and
// characters checked, and `row(cells, rowno)` called for the rest. Problems are added to
// `refused`.
template <typename F>
void ReadImport(std::string_view bytes, std::string_view charset,
                const std::vector<std::string>& required, Error& refused, CsvHeader& header,
                F row) {
  std::string csv = DecodeUpload(bytes, charset, "file");
  int rows = 0;
  std::unordered_map<std::string_view, size_t> at;
  auto each = [&](std::vector<std::string>& fields, int rowno) {
    if (rowno == 1) {
      // The provincial systems' Vietnamese headers read as the import's own names.
      for (auto& f : fields)
        if (std::string c = CanonicalColumn(text::Fold(text::NormalizeSpace(f))); !c.empty()) f = c;
      header.Read(fields, required, errors::kMissingColumn);
      for (const auto& [name, i] : header.index) at.emplace(name, i);
      return true;
    }
    ++rows;
    if (auto shape = CsvShapeProblem(header.names, fields, rowno)) {
      refused.AddDetail(std::move(*shape));
      return true;
    }
    for (size_t i = 0; i < fields.size(); ++i) {
      fields[i] = text::Nfc(text::NormalizeSpace(fields[i]));
      if (std::string bad = text::ForbiddenCharacter(fields[i]); !bad.empty())
        refused.AddDetail({header.names[i],
                           std::string(gen_errors::kForbiddenCharacter.code),
                           {{"char", bad}},
                           rowno});
    }
    row(ImportRow{fields, at}, rowno);
    return true;
  };
  int bad_line = 0;
  if (!ForEachCsvRow(csv, each, &bad_line))
    throw Error(errors::kCsvMalformed, "file", {{"line", std::to_string(bad_line)}});
  if (rows == 0) throw Error(errors::kEmptyImport, "file");
}

// The columns of a file beyond those read, as a JSON object by header name (kept with the row).
std::string ExtraColumns(const CsvHeader& h, const ImportRow& row,
                         const std::set<std::string>& known) {
  if (h.names.size() <= known.size()) {
    bool all_known = true;
    for (const auto& name : h.names) all_known = all_known && known.count(name);
    if (all_known) return "{}";
  }
  boost::json::object o;
  for (const auto& name : h.names)
    if (!known.count(name)) o[name] = row(name);
  return boost::json::serialize(o);
}

// "2026-11-02", "02/11/2026" or with a time "2026-11-02T08:30" / "2026-11-02 08:30:15".
std::optional<Date> DateTimeCell(const std::string& v, std::string* time) {
  size_t cut = v.find_first_of("T ");
  auto d = Date::Parse(cut == std::string::npos ? v : v.substr(0, cut));
  if (d && time && cut != std::string::npos) *time = v.substr(cut + 1, 5);
  return d;
}

// What reading a dossier import needs: the commune's units and procedures by code, the commune's
// own unit (for rows without unit_code), and today.
struct DossierImportContext {
  const std::map<std::string, ServiceUnit>& units;
  const std::map<std::string, Procedure>& procedures;
  long long commune_unit;
  Date today;
};

// Row `n` of a dossier import read into `d`, every problem of it added to `refused`.
void ReadDossierRow(const ImportRow& cell, int n, const DossierImportContext& x, Error& refused,
                    DossierDraft& d) {
  auto problem = [&](const char* field, ErrorDef def, std::map<std::string, std::string> p = {}) {
    refused.AddDetail({field, std::string(def.code), std::move(p), n});
  };
  d.code = cell("code");
  d.applicant_name = cell("applicant_name");
  d.citizen_id = cell("citizen_id");
  d.handler = cell("handler");
  OnlineLevel level = OnlineLevel::kNone;
  auto proc = x.procedures.find(cell("procedure_code"));
  if (proc == x.procedures.end()) {
    problem("procedure_code", errors::kUnknownProcedure, {{"value", cell("procedure_code")}});
  } else {
    d.procedure_id = proc->second.id;
    level = proc->second.online_level;
  }
  std::string unit_code = cell("unit_code");
  if (unit_code.empty()) {
    d.unit_id = x.commune_unit;
    if (!x.commune_unit) problem("unit_code", gen_errors::kOutOfScope);
  } else if (auto u = x.units.find(unit_code); u != x.units.end()) {
    d.unit_id = u->second.id;
  } else {
    problem("unit_code", errors::kUnitNotFound, {{"value", unit_code}});
  }
  auto received = DateTimeCell(cell("received_on"), &d.received_time);
  if (!received) problem("received_on", gen_errors::kInvalidDate, {{"value", cell("received_on")}});
  auto due = Date::Parse(cell("due_on"));
  if (!due) problem("due_on", gen_errors::kInvalidDate, {{"value", cell("due_on")}});
  if (!cell("returned_on").empty()) {
    d.returned_on = DateTimeCell(cell("returned_on"), nullptr);
    if (!d.returned_on)
      problem("returned_on", gen_errors::kInvalidDate, {{"value", cell("returned_on")}});
  }
  auto channel = ReadChannel(cell("channel"));
  if (!channel) problem("channel", errors::kInvalidChannel, {{"value", cell("channel")}});
  auto fpo = ReadFlag(cell("full_process_online"), std::nullopt);
  if (!fpo)
    problem("full_process_online", errors::kInvalidFlag, {{"value", cell("full_process_online")}});
  auto paid = ReadFlag(cell("fee_paid_online"), false);
  if (!paid) problem("fee_paid_online", errors::kInvalidFlag, {{"value", cell("fee_paid_online")}});
  d.status = d.returned_on ? Status::kReturned : Status::kInProcess;
  if (!cell("status").empty()) {
    if (auto s = ReadStatus(cell("status")))
      d.status = *s;
    else
      problem("status", errors::kInvalidStatus, {{"value", cell("status")}});
  }
  if (received && due && channel && fpo && paid && proc != x.procedures.end()) {
    d.received_on = *received;
    d.due_on = *due;
    d.channel = *channel;
    d.full_process_online = *fpo;
    d.fee_paid_online = *paid;
    for (auto& fe : ValidateDossier(d, level, x.today))
      refused.AddDetail({fe.field, fe.code, fe.params, n});
  }
}

// The writes of a dossier import, in two halves for two threads. Prepare (on the thread that reads
// the file) sorts a checked row into new or held and builds a new one's row and daily counts;
// Write (on the thread holding the connection) inserts new dossiers in batches, updates changed
// ones one by one with their audit entry and leaves unchanged ones alone. Finish writes the last
// batch, the daily counts and one audit entry for the rows created (how many, the first and last
// code, the file's digest).
class DossierWriter {
 public:
  struct Row {
    DossierDraft d;
    std::string extra;
    long long held_id = 0;              // the dossier with this code, 0 when new
    std::vector<store::Value> new_row;  // a new dossier's columns (ServicesStore::NewDossierRow)
  };

  DossierWriter(Conn& c, const Actor& a, long long commune)
      : c_(c),
        a_(a),
        commune_(commune),
        at_(clock::NowIsoUtc()),
        held_(ServicesStore::DossierCodes(c, commune)) {}

  // Reading thread.
  Row Prepare(DossierDraft d, std::string extra) {
    Row r{std::move(d), std::move(extra), 0, {}};
    if (auto found = held_.find(r.d.code); found != held_.end()) {
      r.held_id = found->second;
      return r;
    }
    if (first_.empty()) first_ = r.d.code;
    last_ = r.d.code;
    ++created_;
    r.new_row = ServicesStore::NewDossierRow(commune_, r.d, r.extra, a_.audit_name, at_, daily_);
    return r;
  }

  // Connection's thread.
  void Write(Row&& r) {
    if (!r.held_id) {
      batch_.push_back(std::move(r.new_row));
      if (batch_.size() >= 4096) Flush();  // 64 statements of 64 rows (Conn::InsertMany)
      return;
    }
    // The commune's dossiers as held, read once when the file first names one of them.
    if (held_rows_.empty())
      for (auto& row : ServicesStore::CommuneDossiers(c_, commune_))
        held_rows_.emplace(row.d.code, std::move(row));
    auto old = held_rows_.find(r.d.code);
    if (old == held_rows_.end()) throw Error(gen_errors::kInternal);
    if (old->second.d == r.d && old->second.extra == r.extra) {
      ++result_.unchanged;
      return;
    }
    ServicesStore::UpdateDossier(c_, r.held_id, commune_, old->second.d, r.d, r.extra,
                                 a_.audit_name);
    store::AppendAudit(c_, a_, "import_update", "dossier", r.held_id, commune_,
                       DossierJson(old->second.d), DossierJson(r.d));
    ++result_.updated;
  }

  // Connection's thread, once the reading thread has finished.
  ImportResult Finish(std::string_view file) {
    Flush();
    daily_.Write(c_);
    result_.created = created_;
    if (result_.created)
      store::AppendAudit(c_, a_, "import_create", "dossier", "", commune_, std::nullopt,
                         JsonObject()
                             .Int("rows", result_.created)
                             .Str("first_code", first_)
                             .Str("last_code", last_)
                             .Str("file_sha256", store::Sha256Hex(file))
                             .Build());
    return result_;
  }

 private:
  void Flush() {
    ServicesStore::InsertDossiers(c_, batch_);
    batch_.clear();
  }
  Conn& c_;
  const Actor& a_;
  long long commune_;
  std::string at_;
  const std::unordered_map<std::string, long long> held_;
  // The reading thread's.
  ServicesStore::DailyTally daily_;
  int created_ = 0;
  std::string first_, last_;
  // The connection's thread's.
  std::unordered_map<std::string, DossierRow> held_rows_;
  std::vector<std::vector<store::Value>> batch_;
  ImportResult result_;
};

}  // namespace

std::vector<ServiceUnit> ServicesService::Units(const Actor& a, std::string_view permission) {
  std::vector<ServiceUnit> out;
  for (const auto& u : org_.ListUnits(a, false)) {
    if (!u.commune_id || !access::Permits(a.who, permission, u.path)) continue;
    out.push_back({u.id, u.commune_id, u.code, u.name, u.path, u.Depth()});
  }
  return out;
}

long long ServicesService::CommuneFor(Conn& c, const Actor& a, const std::string& commune_code,
                                      std::string_view permission) {
  if (commune_code.empty()) {
    long long id = store::ActorCommune(c, a.who, permission);
    if (!id || !access::HasPermission(a.who, permission)) throw Error(gen_errors::kOutOfScope);
    for (const auto& u : Units(a, permission))
      if (u.id == id) return id;
    throw Error(gen_errors::kOutOfScope);
  }
  for (const auto& u : Units(a, permission))
    if (u.code == commune_code && u.id == u.commune_id) return u.id;
  throw Error(errors::kUnitNotFound, "unit", {{"value", commune_code}});
}

std::vector<Procedure> ServicesService::ListProcedures(const Actor& a) {
  std::set<long long> communes;
  for (const auto& u : Units(a, access::kServicesRead)) communes.insert(u.commune_id);
  Conn c = db_.Lease();
  return ServicesStore::ListProcedures(c, {communes.begin(), communes.end()});
}

Procedure ServicesService::GetProcedure(const Actor& a, long long id) {
  Conn c = db_.Lease();
  auto p = ServicesStore::GetProcedure(c, id);
  if (p)
    for (const auto& u : Units(a, access::kServicesRead))
      if (u.commune_id == p->commune_id) return *p;
  throw Error(errors::kProcedureNotFound, "id");
}

ImportResult ServicesService::ImportProceduresCsv(const Actor& a, std::string_view bytes,
                                                  std::string_view charset,
                                                  const std::string& commune_code) {
  Conn c = db_.Lease();
  Tx tx(c);
  long long commune = CommuneFor(c, a, commune_code, access::kServicesImport);
  static const std::vector<std::string> kRequired = {"code", "name", "online_level",
                                                     "handling_days"};
  static const std::set<std::string> kKnown = {"code",          "name",   "online_level",
                                               "handling_days", "sector", "fee"};
  Error refused(errors::kImportRefused, "file");
  struct Parsed {
    ProcedureDraft p;
    std::string extra;
  };
  std::vector<Parsed> parsed;
  std::set<std::string> seen;
  CsvHeader h;
  ReadImport(bytes, charset, kRequired, refused, h, [&](const ImportRow& row, int n) {
    long long before = refused.DetailCount();
    const ImportRow& cell = row;
    ProcedureDraft p;
    p.code = cell("code");
    p.name = cell("name");
    p.sector = cell("sector");
    auto level = ReadOnlineLevel(cell("online_level"));
    if (!level)
      refused.AddDetail({"online_level",
                         std::string(errors::kInvalidOnlineLevel.code),
                         {{"value", cell("online_level")}},
                         n});
    else
      p.online_level = *level;
    try {
      p.handling_days =
          static_cast<int>(http::ReadTypedWholeNumber("handling_days", cell("handling_days")));
    } catch (const Error& e) {
      refused.AddDetail({"handling_days", std::string(e.code()), e.params(), n});
    }
    if (!cell("fee").empty()) try {
        p.fee = http::ReadTypedWholeNumber("fee", cell("fee"));
      } catch (const Error& e) {
        refused.AddDetail({"fee", std::string(e.code()), e.params(), n});
      }
    for (auto& fe : ValidateProcedure(p)) refused.AddDetail({fe.field, fe.code, fe.params, n});
    if (!p.code.empty() && !seen.insert(p.code).second)
      refused.AddDetail(
          {"code", std::string(errors::kDuplicateInFile.code), {{"value", p.code}}, n});
    if (refused.DetailCount() == before) parsed.push_back({p, ExtraColumns(h, row, kKnown)});
  });
  if (refused.HasDetails()) throw refused;
  ImportResult result;
  for (auto& [p, extra] : parsed) {
    if (auto old = ServicesStore::FindProcedure(c, commune, p.code)) {
      if (static_cast<const ProcedureDraft&>(*old) == p) {
        ++result.unchanged;
        continue;
      }
      ServicesStore::UpdateProcedure(c, old->id, p, extra, a.audit_name);
      store::AppendAudit(c, a, "import_update", "procedure", old->id, commune, ProcedureJson(*old),
                         ProcedureJson(p));
      ++result.updated;
    } else {
      long long id = ServicesStore::InsertProcedure(c, commune, p, extra, a.audit_name);
      store::AppendAudit(c, a, "import_create", "procedure", id, commune, std::nullopt,
                         ProcedureJson(p));
      ++result.created;
    }
  }
  tx.Commit();
  return result;
}

ImportResult ServicesService::ImportDossiersCsv(const Actor& a, std::string_view bytes,
                                                std::string_view charset,
                                                const std::string& commune_code) {
  Conn c = db_.Lease();
  Tx tx(c);
  long long commune = CommuneFor(c, a, commune_code, access::kServicesImport);
  std::map<std::string, ServiceUnit> units;  // by code, in the commune, where the actor imports
  for (auto& u : Units(a, access::kServicesImport))
    if (u.commune_id == commune) units[u.code] = u;
  std::map<std::string, Procedure> procedures;
  for (auto& p : ServicesStore::ListProcedures(c, {commune})) procedures[p.code] = p;
  static const std::vector<std::string> kRequired = {
      "code",   "procedure_code", "received_on", "channel", "full_process_online",
      "due_on", "returned_on"};
  static const std::set<std::string> kKnown = {
      "code",   "procedure_code",  "received_on", "channel",        "full_process_online",
      "due_on", "returned_on",     "unit_code",   "applicant_name", "citizen_id",
      "status", "fee_paid_online", "handler"};
  Error refused(errors::kImportRefused, "file");
  // Rows are written as they are read, in batches, inside the one transaction: a problem anywhere
  // in the file rolls all of it back, and a city's year of dossiers is never held in memory.
  DossierWriter writer(c, a, commune);
  std::unordered_set<std::string> seen;
  Date today = clock::Today();
  long long commune_unit = 0;
  for (auto& [code, u] : units)
    if (u.id == commune) commune_unit = u.id;
  DossierImportContext context{units, procedures, commune_unit, today};
  CsvHeader h;
  // One core reads and checks the file while the other writes the rows checked (base/pipeline):
  // `refused`, `seen` and the parsing belong to the reading thread, the connection to this one.
  pipeline::RunPipeline<DossierWriter::Row>(
      500,
      [&](auto emit) {
        ReadImport(bytes, charset, kRequired, refused, h, [&](const ImportRow& row, int n) {
          long long before = refused.DetailCount();
          auto problem = [&](const char* field, ErrorDef def,
                             std::map<std::string, std::string> p = {}) {
            refused.AddDetail({field, std::string(def.code), std::move(p), n});
          };
          DossierDraft d;
          ReadDossierRow(row, n, context, refused, d);
          if (!d.code.empty() && !seen.insert(d.code).second)
            problem("code", errors::kDuplicateInFile, {{"value", d.code}});
          // Once the file has a problem nothing more is written: the rest is only checked.
          if (refused.DetailCount() == before && !refused.HasDetails())
            emit(writer.Prepare(std::move(d), ExtraColumns(h, row, kKnown)));
        });
      },
      [&](std::vector<DossierWriter::Row>& batch) {
        for (auto& r : batch) writer.Write(std::move(r));
      });
  if (refused.HasDetails()) throw refused;  // the transaction rolls back what was written
  ImportResult result = writer.Finish(bytes);
  tx.Commit();
  return result;
}

DossierRow ServicesService::GetDossier(const Actor& a, long long id) {
  Conn c = db_.Lease();
  auto d = ServicesStore::GetDossier(c, id);
  if (d)
    for (const auto& u : Units(a, access::kServicesRead))
      if (u.id == d->d.unit_id) return *d;
  throw Error(errors::kDossierNotFound, "id");
}

std::vector<DossierEvent> ServicesService::Events(const Actor& a, long long id) {
  GetDossier(a, id);
  Conn c = db_.Lease();
  return ServicesStore::Events(c, id);
}

std::string ServicesService::ReadCitizenId(const Actor& a, long long id) {
  DossierRow d = GetDossier(a, id);
  bool full = false;
  for (const auto& u : Units(a, access::kServicesReadFull)) full = full || u.id == d.d.unit_id;
  if (!full) throw Error(gen_errors::kForbidden);
  Conn c = db_.Lease();
  Tx tx(c);
  store::AppendAudit(c, a, "read_full", "dossier", id, d.commune_id, std::nullopt, std::nullopt);
  tx.Commit();
  return d.d.citizen_id;
}

DossierPage ServicesService::ListDossiers(const Actor& a, DossierFilter f) {
  f.unit_ids.clear();
  for (const auto& u : Units(a, access::kServicesRead)) f.unit_ids.push_back(u.id);
  f.limit = std::clamp(f.limit, 1, 500);
  f.offset = std::max(0, f.offset);
  DossierPage page;
  Conn c = db_.Lease();
  page.rows = ServicesStore::ListDossiers(c, f, &page.total);
  return page;
}

DossierPage ServicesService::ExportDossiers(const Actor& a, DossierFilter f, long long max_rows) {
  f.unit_ids.clear();
  for (const auto& u : Units(a, access::kServicesRead)) f.unit_ids.push_back(u.id);
  DossierPage out;
  Conn c = db_.Lease();
  f.limit = 5000;
  for (f.offset = 0; static_cast<long long>(out.rows.size()) < max_rows; f.offset += f.limit) {
    long long total = 0;
    auto page = ServicesStore::ListDossiers(c, f, f.offset == 0 ? &total : nullptr);
    if (f.offset == 0) out.total = total;
    for (auto& r : page)
      if (static_cast<long long>(out.rows.size()) < max_rows) out.rows.push_back(std::move(r));
    if (static_cast<int>(page.size()) < f.limit) break;
  }
  // Names leave the system in the file: the export is audited (what was asked, how many rows).
  Tx tx(c);
  store::AppendAudit(c, a, "export", "dossier", "", std::nullopt, std::nullopt,
                     JsonObject()
                         .Int("rows", static_cast<long long>(out.rows.size()))
                         .Str("query", f.query)
                         .Str("status", f.status)
                         .Str("from", f.from ? f.from->ToIso() : "")
                         .Str("to", f.to ? f.to->ToIso() : "")
                         .Build());
  tx.Commit();
  return out;
}

std::string ServicesService::SlipToken(const Actor& a, long long id) {
  GetDossier(a, id);  // in scope
  Conn c = db_.Lease();
  Tx tx(c);
  std::string token = ServicesStore::SlipToken(c, id);
  tx.Commit();
  return token;
}

std::optional<DossierRow> ServicesService::Lookup(const std::string& token) {
  if (token.size() != 32 || token.find_first_not_of("0123456789abcdef") != std::string::npos)
    return std::nullopt;
  Conn c = db_.Lease();
  return ServicesStore::FindByToken(c, token);
}

std::optional<DossierRow> ServicesService::PublicDossier(long long id) {
  Conn c = db_.Lease();
  return ServicesStore::GetDossier(c, id);
}

DossierRow ServicesService::FindByCode(const Actor& a, const std::string& code) {
  Conn c = db_.Lease();
  long long commune = store::ActorCommune(c, a.who, access::kServicesRead);
  if (auto id = commune ? ServicesStore::FindDossier(c, commune, code) : std::nullopt)
    return GetDossier(a, *id);
  throw Error(errors::kDossierNotFound, "dossier_code", {{"value", code}});
}

std::string ServicesService::SlipPath(const Actor& a, long long id) {
  if (slip_link_) {
    GetDossier(a, id);  // in scope
    return slip_link_(a, id);
  }
  return "/tra-cuu/" + SlipToken(a, id);
}

std::pair<std::string, std::string> ServicesService::UnitNames(const Actor& a, long long unit_id) {
  std::string unit, commune;
  long long commune_id = 0;
  auto units = Units(a, access::kServicesRead);
  for (const auto& u : units)
    if (u.id == unit_id) unit = u.name, commune_id = u.commune_id;
  for (const auto& u : units)
    if (u.id == commune_id) commune = u.name;
  return {unit, commune};
}

std::string ServicesService::CommuneName(const Actor& a) {
  return org_.ActorCommuneName(a, access::kServicesRead);
}

Date ServicesService::DueDateToday(const Actor& a, long long procedure_id) {
  return DueDate(calendar_, clock::Today(), GetProcedure(a, procedure_id).handling_days);
}

ServicesService::CounterCheck ServicesService::CheckCounterEntry(const Actor& a,
                                                                 const CounterEntry& e) {
  CounterCheck k;
  auto problem = [&](const char* field, ErrorDef def, std::map<std::string, std::string> p = {}) {
    k.problems.push_back({field, std::string(def.code), std::move(p)});
  };
  auto units = Units(a, access::kServicesWrite);
  for (const auto& u : units)
    if (u.id == e.unit_id) k.unit = u;
  if (!e.unit_id)
    problem("unit_id", gen_errors::kRequired);
  else if (!k.unit)
    problem("unit_id", errors::kUnitNotFound, {{"value", std::to_string(e.unit_id)}});
  else
    for (const auto& u : units)
      if (u.id == k.unit->commune_id) k.commune_code = u.code;
  if (!e.procedure_id) {
    problem("procedure_id", gen_errors::kRequired);
  } else {
    Conn c = db_.Lease();
    k.procedure = ServicesStore::GetProcedure(c, e.procedure_id);
    if (!k.procedure || (k.unit && k.procedure->commune_id != k.unit->commune_id)) {
      problem("procedure_id", errors::kUnknownProcedure,
              {{"value", std::to_string(e.procedure_id)}});
      k.procedure.reset();
    }
  }
  if (e.applicant_name.empty()) problem("applicant_name", gen_errors::kRequired);
  return k;
}

DossierDraft ServicesService::CounterDraft(const CounterEntry& e, const CounterCheck& k,
                                           Date today) const {
  DossierDraft d;
  d.code = e.code;
  d.procedure_id = k.procedure ? k.procedure->id : 0;
  d.unit_id = k.unit ? k.unit->id : 0;
  d.applicant_name = e.applicant_name;
  d.citizen_id = e.citizen_id;
  d.received_on = today;
  d.received_time = e.received_time.empty() ? clock::NowIsoVn().substr(11, 5) : e.received_time;
  d.channel = e.channel;
  d.full_process_online = e.full_process_online;
  d.due_on = k.procedure ? DueDate(calendar_, today, k.procedure->handling_days) : today;
  d.handler = e.handler;
  d.status = Status::kReceived;
  return d;
}

long long ServicesService::Receive(const Actor& a, const CounterEntry& e) {
  CounterCheck k = CheckCounterEntry(a, e);
  Date today = clock::Today();
  DossierDraft d = CounterDraft(e, k, today);
  DossierDraft check = d;
  if (check.code.empty()) check.code = "X";  // a code of the day is given below
  auto level = k.procedure ? k.procedure->online_level : OnlineLevel::kFull;
  for (auto& fe : ValidateDossier(check, level, today)) k.problems.push_back(fe);
  ThrowIfProblems(k.problems);  // every problem at once, each beside its field
  const ServiceUnit& unit = *k.unit;
  Conn c = db_.Lease();
  Tx tx(c);
  if (d.code.empty()) {
    // The next number of the day at this commune: <commune code>-<yymmdd>-<nnnn>.
    std::string iso = today.ToIso();
    std::string prefix = (k.commune_code.empty() ? unit.code : k.commune_code) + "-" +
                         iso.substr(2, 2) + iso.substr(5, 2) + iso.substr(8, 2) + "-";
    for (int n = 1; d.code.empty(); ++n) {
      std::string number = std::to_string(n);
      std::string code =
          prefix + std::string(number.size() < 4 ? 4 - number.size() : 0, '0') + number;
      if (!ServicesStore::FindDossier(c, unit.commune_id, code)) d.code = code;
    }
  }
  if (ServicesStore::FindDossier(c, unit.commune_id, d.code))
    throw Error(errors::kDuplicateCode, "code", {{"value", d.code}});
  long long id = ServicesStore::InsertDossier(c, unit.commune_id, d, "{}", a.audit_name);
  ServicesStore::AddEvent(c, id, "received", "", a.audit_name);
  store::AppendAudit(c, a, "create", "dossier", id, unit.commune_id, std::nullopt, DossierJson(d));
  tx.Commit();
  return id;
}

std::vector<ColumnMapping> ServicesService::Mappings(const Actor& a) {
  Conn c = db_.Lease();
  long long commune = store::ActorCommune(c, a.who, access::kServicesImport);
  if (!commune || !access::HasPermission(a.who, access::kServicesImport)) return {};
  return ServicesStore::Mappings(c, commune);
}

void ServicesService::SaveMapping(const Actor& a, const ColumnMapping& m) {
  ThrowIfProblems(ValidateMapping(m));
  Conn c = db_.Lease();
  Tx tx(c);
  long long commune = CommuneFor(c, a, "", access::kServicesImport);
  ColumnMapping clean = m;
  clean.source = text::NormalizeSpace(m.source);
  ServicesStore::SaveMapping(c, commune, clean, a.audit_name);
  boost::json::object columns;
  for (const auto& [k, v] : clean.columns) columns[k] = v;
  store::AppendAudit(
      c, a, "save", "import_mapping", commune, commune, std::nullopt,
      boost::json::serialize(boost::json::object{
          {"source", clean.source}, {"header_row", clean.header_row}, {"columns", columns}}));
  tx.Commit();
}

ImportResult ServicesService::ImportDossiersWith(const Actor& a, std::string_view bytes,
                                                 std::string_view charset, const ColumnMapping& m,
                                                 bool remember) {
  if (remember) ThrowIfProblems(ValidateMapping(m));
  std::string text = DecodeUpload(bytes, charset, "file");
  int bad_line = 0;
  auto mapped = ApplyMapping(text, m, &bad_line);
  if (!mapped) throw Error(errors::kCsvMalformed, "file", {{"line", std::to_string(bad_line)}});
  ImportResult res = ImportDossiersCsv(a, *mapped, "utf-8", "");
  if (remember) SaveMapping(a, m);
  return res;
}

ImportResult ServicesService::ImportDossiersMapped(const Actor& a, std::string_view bytes,
                                                   std::string_view charset,
                                                   const std::string& source) {
  for (const auto& m : Mappings(a))
    if (m.source == text::NormalizeSpace(source))
      return ImportDossiersWith(a, bytes, charset, m, false);
  throw Error(errors::kUnknownMapping, "mapping", {{"value", source}});
}

ServicesService::Score766 ServicesService::Index766For(const Actor& a, Date from, Date to) {
  Score766 out;
  out.stats = Statistics(a, from, to, "", "");
  const StatsCounts& c = out.stats.counts;
  Index766Inputs in;
  in.on_time_rate = out.stats.rates.on_time_rate;
  in.online_rate = Percent(c.online, c.received);
  in.online_payment_rate = out.stats.rates.online_payment_rate;
  long long full = 0, all = 0;
  for (const auto& p : ListProcedures(a)) {
    ++all;
    if (p.online_level == OnlineLevel::kFull) ++full;
  }
  in.full_dvc_share = Percent(full, all);
  if (dissatisfied_ && c.resolved > 0) {
    out.dissatisfied = dissatisfied_(a, from, to);
    long long fine = std::max<long long>(0, c.resolved - c.late - *out.dissatisfied);
    in.handling_satisfaction = Percent(fine, c.resolved);
  }
  out.index = Compute766(rules766_, in);
  return out;
}

DossierRow ServicesService::Writable(const Actor& a, long long id) {
  DossierRow row = GetDossier(a, id);
  bool may = false;
  for (const auto& u : Units(a, access::kServicesWrite)) may = may || u.id == row.d.unit_id;
  if (!may) throw Error(gen_errors::kOutOfScope);
  return row;
}

void ServicesService::RecordStep(const Actor& a, long long id, const StepEntry& e) {
  DossierRow row = Writable(a, id);
  const StepRule* rule = FindStep(e.step);
  if (!rule) throw Error(errors::kUnknownStep, "step", {{"value", e.step}});
  bool allowed = false;
  for (const auto* r : StepsFrom(row.d.status)) allowed = allowed || r == rule;
  if (!allowed)
    throw Error(errors::kStepNotAllowed, "step",
                {{"status", std::string(StatusCode(row.d.status))}});
  Date today = clock::Today();
  Date on = e.on.value_or(today);
  Conn c = db_.Lease();
  // The appointment in force: the latest extension's, else the legal one.
  Date appointment = row.d.due_on;
  for (const auto& ev : ServicesStore::Events(c, id))
    if (ev.due_on) appointment = *ev.due_on;
  std::vector<FieldError> problems;
  if (on < row.d.received_on || on > today)
    problems.push_back({"on", std::string(gen_errors::kInvalidDate.code), {{"value", on.ToVn()}}});
  if (rule->needs_reason && text::NormalizeSpace(e.reason).empty())
    problems.push_back({"reason", std::string(gen_errors::kRequired.code), {}});
  if (rule->needs_handler && text::NormalizeSpace(e.handler).empty())
    problems.push_back({"handler", std::string(gen_errors::kRequired.code), {}});
  if (rule->needs_new_due && !e.new_due_on)
    problems.push_back({"new_due_on", std::string(gen_errors::kRequired.code), {}});
  else if (rule->needs_new_due && *e.new_due_on <= std::max(appointment, on))
    problems.push_back({"new_due_on",
                        std::string(errors::kNewDueNotLater.code),
                        {{"date", std::max(appointment, on).ToVn()}}});
  ThrowIfProblems(problems);
  DossierDraft d = row.d;
  d.status = rule->to;
  if (rule->needs_handler) d.handler = text::NormalizeSpace(e.handler);
  if (rule->step == Step::kSupplementReceived && step_clock_.supplement_restarts_clock) {
    auto p = ServicesStore::GetProcedure(c, d.procedure_id);
    if (p) d.due_on = DueDate(calendar_, on, p->handling_days);
  }
  DossierEvent ev;
  ev.kind = std::string(rule->code);
  ev.note = text::NormalizeSpace(e.reason);
  ev.actor = a.audit_name;
  ev.form = std::string(rule->form);
  ev.day = on;
  if (rule->needs_new_due) ev.due_on = e.new_due_on;
  Tx tx(c);
  ServicesStore::UpdateDossier(c, id, row.commune_id, row.d, d, row.extra, a.audit_name);
  ServicesStore::AddStep(c, id, ev);
  boost::json::object after = boost::json::parse(DossierJson(d)).as_object();
  after["step"] = ev.kind;
  if (!ev.note.empty()) after["reason"] = ev.note;
  if (ev.due_on) after["new_due_on"] = ev.due_on->ToIso();
  store::AppendAudit(c, a, "step", "dossier", id, row.commune_id, DossierJson(row.d),
                     boost::json::serialize(after));
  tx.Commit();
}

void ServicesService::ReturnResult(const Actor& a, long long id, Date on) {
  DossierRow row = Writable(a, id);
  if (row.d.returned_on) throw Error(errors::kAlreadyReturned);
  if (Closed(row.d.status))
    throw Error(errors::kStepNotAllowed, "", {{"status", std::string(StatusCode(row.d.status))}});
  if (on < row.d.received_on) throw Error(errors::kReturnedBeforeReceived, "returned_on");
  if (on > clock::Today())
    throw Error(gen_errors::kInvalidDate, "returned_on", {{"value", on.ToVn()}});
  DossierDraft d = row.d;
  d.returned_on = on;
  d.status = Status::kReturned;
  Conn c = db_.Lease();
  Tx tx(c);
  ServicesStore::UpdateDossier(c, id, row.commune_id, row.d, d, row.extra, a.audit_name);
  ServicesStore::AddEvent(c, id, "returned", on.ToIso(), a.audit_name);
  store::AppendAudit(c, a, "return", "dossier", id, row.commune_id, DossierJson(row.d),
                     DossierJson(d));
  tx.Commit();
}

Stats ServicesService::Statistics(const Actor& a, Date from, Date to, const std::string& unit_code,
                                  const std::string& procedure_code) {
  if (from > to || to.DaysSinceEpoch() - from.DaysSinceEpoch() > 5 * 366)
    throw Error(errors::kInvalidPeriod, "to");
  auto units = Units(a, access::kServicesRead);
  StatsQuery q;
  q.from = from;
  q.to = to;
  std::string under;
  if (!unit_code.empty()) {
    for (const auto& u : units)
      if (u.code == unit_code) under = u.path;
    if (under.empty()) throw Error(errors::kUnitNotFound, "unit", {{"value", unit_code}});
  }
  for (const auto& u : units)
    if (under.empty() || u.path.rfind(under, 0) == 0) q.unit_ids.push_back(u.id);
  if (!procedure_code.empty()) {
    bool known = false;
    for (const auto& p : ListProcedures(a)) known = known || p.code == procedure_code;
    if (!known) throw Error(errors::kUnknownProcedure, "procedure", {{"value", procedure_code}});
    q.procedure_code = procedure_code;
  }
  Stats s;
  s.from = from;
  s.to = to;
  Conn c = db_.Lease();
  s.counts = ServicesStore::Counts(c, q);
  s.rates = RatesOf(s.counts);
  s.months = ServicesStore::ByMonth(c, q);
  s.procedures = ServicesStore::ByProcedure(c, q);
  s.handlers = ServicesStore::ByHandler(c, q);
  std::map<std::string, ServicesStore::ProcedureRow> sectors;
  for (const auto& p : s.procedures) {
    auto& x = sectors[p.sector];
    x.sector = x.name = p.sector;
    x.received += p.received;
    x.full_process_online += p.full_process_online;
    x.resolved += p.resolved;
    x.in_time += p.in_time;
    x.late += p.late;
  }
  for (auto& [name, x] : sectors) s.sectors.push_back(x);
  std::stable_sort(s.sectors.begin(), s.sectors.end(),
                   [](const auto& a, const auto& b) { return a.received > b.received; });
  return s;
}

}  // namespace kientao::services
