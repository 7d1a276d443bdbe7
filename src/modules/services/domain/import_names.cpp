#include "modules/services/domain/import_names.hpp"

#include <algorithm>
#include <map>

#include "base/csv.hpp"
#include "base/text.hpp"

namespace kientao::services {

namespace {

std::string Key(std::string_view s) { return text::Fold(text::NormalizeSpace(s)); }

// Headers seen in provincial exports and written by hand, folded. The import's own names are
// matched too (CsvHeader folds "Code" to "code").
const std::map<std::string, std::string, std::less<>>& Columns() {
  static const std::map<std::string, std::string, std::less<>> m = {
      {"ma ho so", "code"},
      {"so ho so", "code"},
      {"ma hs", "code"},
      {"ma thu tuc", "procedure_code"},
      {"ma tthc", "procedure_code"},
      {"ma thu tuc hanh chinh", "procedure_code"},
      {"ngay tiep nhan", "received_on"},
      {"thoi gian tiep nhan", "received_on"},
      {"ngay nhan", "received_on"},
      {"kenh nop", "channel"},
      {"hinh thuc nop", "channel"},
      {"hinh thuc tiep nhan", "channel"},
      {"toan trinh", "full_process_online"},
      {"truc tuyen toan trinh", "full_process_online"},
      {"ho so toan trinh", "full_process_online"},
      {"ngay hen tra", "due_on"},
      {"ngay hen tra ket qua", "due_on"},
      {"han giai quyet", "due_on"},
      {"ngay tra ket qua", "returned_on"},
      {"ngay tra", "returned_on"},
      {"ma don vi", "unit_code"},
      {"ma don vi tiep nhan", "unit_code"},
      {"nguoi nop", "applicant_name"},
      {"ten nguoi nop", "applicant_name"},
      {"ho ten nguoi nop", "applicant_name"},
      {"ho va ten nguoi nop", "applicant_name"},
      {"chu ho so", "applicant_name"},
      {"so dinh danh", "citizen_id"},
      {"so dinh danh ca nhan", "citizen_id"},
      {"so cccd", "citizen_id"},
      {"cccd", "citizen_id"},
      {"trang thai", "status"},
      {"thanh toan truc tuyen", "fee_paid_online"},
      {"da thanh toan truc tuyen", "fee_paid_online"},
      {"can bo xu ly", "handler"},
      {"can bo giai quyet", "handler"},
      {"cong chuc giai quyet", "handler"},
      {"nguoi xu ly", "handler"},
      // The procedure catalogue.
      {"ten thu tuc", "name"},
      {"ten thu tuc hanh chinh", "name"},
      {"muc do", "online_level"},
      {"muc do truc tuyen", "online_level"},
      {"muc do dich vu cong", "online_level"},
      {"thoi han giai quyet", "handling_days"},
      {"so ngay giai quyet", "handling_days"},
      {"linh vuc", "sector"},
      {"le phi", "fee"},
      {"phi, le phi", "fee"},
  };
  return m;
}

template <typename T>
std::optional<T> Lookup(const std::map<std::string, T, std::less<>>& m, std::string_view cell) {
  auto it = m.find(Key(cell));
  if (it == m.end()) return std::nullopt;
  return it->second;
}

}  // namespace

std::string CanonicalColumn(std::string_view folded) {
  auto it = Columns().find(folded);
  return it == Columns().end() ? std::string() : it->second;
}

std::optional<Channel> ReadChannel(std::string_view cell) {
  static const std::map<std::string, Channel, std::less<>> m = {
      {"online", Channel::kOnline},           {"truc tuyen", Channel::kOnline},
      {"qua mang", Channel::kOnline},         {"dich vu cong truc tuyen", Channel::kOnline},
      {"counter", Channel::kCounter},         {"truc tiep", Channel::kCounter},
      {"tai quay", Channel::kCounter},        {"tai bo phan mot cua", Channel::kCounter},
      {"mot cua", Channel::kCounter},         {"post", Channel::kPost},
      {"buu chinh", Channel::kPost},          {"qua buu chinh", Channel::kPost},
      {"buu chinh cong ich", Channel::kPost}, {"qua buu chinh cong ich", Channel::kPost}};
  return Lookup(m, cell);
}

std::optional<bool> ReadFlag(std::string_view cell, std::optional<bool> empty) {
  static const std::map<std::string, bool, std::less<>> m = {
      {"1", true}, {"0", false},   {"co", true},    {"khong", false},
      {"x", true}, {"true", true}, {"false", false}};
  if (text::NormalizeSpace(cell).empty()) return empty;
  return Lookup(m, cell);
}

std::optional<OnlineLevel> ReadOnlineLevel(std::string_view cell) {
  static const std::map<std::string, OnlineLevel, std::less<>> m = {
      {"full", OnlineLevel::kFull},
      {"toan trinh", OnlineLevel::kFull},
      {"partial", OnlineLevel::kPartial},
      {"mot phan", OnlineLevel::kPartial},
      {"none", OnlineLevel::kNone},
      {"khong", OnlineLevel::kNone},
      {"khong truc tuyen", OnlineLevel::kNone}};
  return Lookup(m, cell);
}

std::optional<Status> ReadStatus(std::string_view cell) {
  if (auto s = ParseStatus(text::NormalizeSpace(cell))) return s;
  static const std::map<std::string, Status, std::less<>> m = {
      {"moi tiep nhan", Status::kReceived},
      {"da tiep nhan", Status::kReceived},
      {"dang giai quyet", Status::kInProcess},
      {"dang xu ly", Status::kInProcess},
      {"cho bo sung", Status::kAwaitingSupplement},
      {"tam dung", Status::kPaused},
      {"gia han", Status::kExtended},
      {"da co ket qua", Status::kDone},
      {"da giai quyet", Status::kDone},
      {"da tra ket qua", Status::kReturned},
      {"tu choi", Status::kRefused},
      {"rut ho so", Status::kWithdrawn},
      {"cong dan rut ho so", Status::kWithdrawn}};
  return Lookup(m, cell);
}

const std::vector<std::string>& DossierImportColumns() {
  static const std::vector<std::string> kColumns = {
      "code",   "procedure_code",  "received_on", "channel",        "full_process_online",
      "due_on", "returned_on",     "unit_code",   "applicant_name", "citizen_id",
      "status", "fee_paid_online", "handler"};
  return kColumns;
}

std::vector<FieldError> ValidateMapping(const ColumnMapping& m) {
  std::vector<FieldError> out;
  if (text::NormalizeSpace(m.source).empty())
    out.push_back({"source", std::string(gen_errors::kRequired.code), {}});
  if (m.header_row < 1 || m.header_row > 20)
    out.push_back({"header_row",
                   std::string(gen_errors::kInvalidValue.code),
                   {{"value", std::to_string(m.header_row)}}});
  const auto& known = DossierImportColumns();
  std::map<std::string, int> used;
  for (const auto& [header, column] : m.columns) {
    if (column.empty()) continue;  // kept as an extra column
    if (std::find(known.begin(), known.end(), column) == known.end())
      out.push_back({"columns", "SVC-8029", {{"value", column}}});
    else if (++used[column] == 2)
      out.push_back({"columns", "SVC-8030", {{"value", column}}});
  }
  return out;
}

std::optional<std::string> ApplyMapping(std::string_view csv, const ColumnMapping& m,
                                        int* error_line) {
  std::string out;
  bool ok = ForEachCsvRow(
      csv,
      [&](std::vector<std::string>& fields, int row) {
        if (row < m.header_row) return true;  // a title above the header
        if (row == m.header_row)
          for (auto& f : fields)
            if (auto it = m.columns.find(text::Fold(text::NormalizeSpace(f)));
                it != m.columns.end() && !it->second.empty())
              f = it->second;
        out += CsvLine(fields);
        return true;
      },
      error_line);
  if (!ok) return std::nullopt;
  return out;
}

}  // namespace kientao::services
