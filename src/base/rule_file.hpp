#pragma once
// Rule files: every number from a legal text, as data. A rule file is TOML with a [rule] header —
//
//   [rule]
//   set = "base-salary"            # the rule set it is a version of (default: the file's name)
//   title = "Mức lương cơ sở"       # shown on /rules
//   article = "Nghị định 73/2024/NĐ-CP, Điều 3"
//   verified = true                # false: the header's facts (dates, article) are not checked yet
//   effective_from = 2024-07-01
//   effective_to = 2025-12-31      # optional: in force up to and including this day
//
// — then the rule's own tables, each with its `article` and `verified`. A file is parsed once;
// every problem names the file and the key. RuleSet<T> holds a rule's versions and answers the one
// in force on a day.
#include <algorithm>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "base/date.hpp"

namespace kientao {

// A problem with a rule file: the file and the key are in the message.
class RuleFileError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct RuleMeta {
  std::string file;  // "base-salary-2024.toml"
  std::string set;   // "base-salary"
  std::string title;
  std::string article;
  bool verified = false;
  Date effective_from;
  std::optional<Date> effective_to;
  bool InForceOn(Date d) const {
    return effective_from <= d && (!effective_to || d <= *effective_to);
  }
};

// A value still marked unverified in a rule file: the table's key, its article and its note.
struct UnverifiedValue {
  std::string key;
  std::string article;
  std::string note;
};

// "src/modules/staffing/rules/x.toml" → ("staffing", "x.toml"); a province's file
// "<rules_dir>/staffing/x.toml" → the same, so it replaces the built-in one of that name.
std::pair<std::string, std::string> RuleModuleAndName(const std::string& path);

class RuleFile {
 public:
  // Throws RuleFileError for bad TOML, a missing or malformed [rule] header, or an effective_to
  // before effective_from.
  static RuleFile Parse(std::string_view text, const std::string& file);
  RuleFile(RuleFile&&) noexcept;
  RuleFile& operator=(RuleFile&&) noexcept;
  ~RuleFile();

  const RuleMeta& meta() const { return meta_; }
  // A value by its dotted key ("lines.rural"); throws RuleFileError naming the file and key when
  // it is missing or of another type. Reading a key marks it as known.
  double Number(std::string_view key) const;
  long long Whole(std::string_view key) const;
  std::string Text(std::string_view key) const;
  bool Flag(std::string_view key) const;
  std::optional<double> OptionalNumber(std::string_view key) const;
  // A list of days ("days_off = [2026-01-01, 2026-01-02]"); throws naming the key (and the
  // element) when it is missing or holds anything but days.
  std::vector<Date> Dates(std::string_view key) const;
  // A list of texts ("position_prefixes = [\"Trưởng phòng\", …]"), at least one.
  std::vector<std::string> Texts(std::string_view key) const;
  bool Has(std::string_view key) const;
  // The keys directly under a table ("lines" → {"rural", "urban"}); those that are values are
  // marked known, sub-tables are not (their own keys must still be read).
  std::vector<std::string> Keys(std::string_view table) const;
  // Throws RuleFileError naming the first key the engine never read: a typing mistake in a rule
  // file is refused at start rather than ignored. `article`, `verified` and `note` of each table
  // are known.
  void RefuseUnknownKeys() const;
  // Every table marked verified = false, with its article and note (the header counts as "rule").
  std::vector<UnverifiedValue> Unverified() const;

 private:
  RuleFile();
  // Marks `key` as one the engine reads (RefuseUnknownKeys).
  void Mark(std::string_view key) const;
  struct Impl;
  std::unique_ptr<Impl> impl_;
  RuleMeta meta_;
};

// Every version of one rule, by effective date; T is what an engine makes of one file.
template <typename T>
class RuleSet {
 public:
  struct Version {
    RuleMeta meta;
    T value;
  };
  explicit RuleSet(std::string id = {}) : id_(std::move(id)) {}
  // Throws RuleFileError when the version's period overlaps another's (both files named). An
  // open-ended version lasts until the next one begins; a version with an end must not hold
  // another's first day, and no two begin on the same day.
  void Add(RuleMeta meta, T value) {
    for (auto& v : versions_)
      if (Overlap(meta, v.meta))
        throw RuleFileError("rule files " + v.meta.file + " and " + meta.file + " of " + id_ +
                            " are both in force on " +
                            std::max(meta.effective_from, v.meta.effective_from).ToVn());
    versions_.push_back({std::move(meta), std::move(value)});
    std::sort(versions_.begin(), versions_.end(), [](const Version& a, const Version& b) {
      return a.meta.effective_from < b.meta.effective_from;
    });
  }
  // The version in force on `d` (an open-ended version ends where the next one begins); nullptr
  // when none is.
  const Version* On(Date d) const {
    const Version* best = nullptr;
    for (auto& v : versions_)
      if (v.meta.effective_from <= d && (!v.meta.effective_to || d <= *v.meta.effective_to))
        best = &v;  // sorted: the latest that has begun
    return best;
  }
  const std::vector<Version>& versions() const { return versions_; }
  const std::string& id() const { return id_; }

 private:
  static bool Overlap(const RuleMeta& a, const RuleMeta& b) {
    auto holds = [](const RuleMeta& x, Date d) {
      return x.effective_to && x.effective_from <= d && d <= *x.effective_to;
    };
    return a.effective_from == b.effective_from || holds(a, b.effective_from) ||
           holds(b, a.effective_from);
  }
  std::string id_;
  std::vector<Version> versions_;
};

}  // namespace kientao
