#pragma once
// Errors in three tiers (see CONTRIBUTING.md): assert for bugs, Result<T> for expected outcomes,
// and kientao::Error for a failure that ends the request. Every Error carries a stable code
// ("ORG-1002"); the Vietnamese and English texts live in the message catalogues under the same key.
#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kientao {

// One entry of a module's error catalogue: the stable code and the HTTP status it maps to.
struct ErrorDef {
  std::string_view code;
  int status;
};

// A field-level problem; several may be reported at once (forms, CSV rows).
struct FieldError {
  std::string field;
  std::string code;                           // catalogue key, e.g. "ORG-1002"
  std::map<std::string, std::string> params;  // substituted into {name} placeholders of the message
  int row = 0;                                // 1-based CSV row, 0 when not from a file
};

// The exception that ends a request. `field` names the offending input field ("" when none);
// `detail` is for the log only and never shown to users.
class Error : public std::runtime_error {
 public:
  Error(ErrorDef def, std::string field = {}, std::map<std::string, std::string> params = {},
        std::string detail = {})
      : std::runtime_error(std::string(def.code) + (field.empty() ? "" : " " + field) +
                           (detail.empty() ? "" : ": " + detail)),
        def_(def),
        field_(std::move(field)),
        params_(std::move(params)) {}

  const ErrorDef& def() const { return def_; }
  std::string_view code() const { return def_.code; }
  int status() const { return def_.status; }
  const std::string& field() const { return field_; }
  const std::map<std::string, std::string>& params() const { return params_; }
  // Further problems found in the same input (every bad row of an import).
  std::vector<FieldError>& details() { return details_; }
  const std::vector<FieldError>& details() const { return details_; }
  // Adds a problem; beyond the first kMaxDetails only counts it, so a file of 200,000 bad rows
  // answers with the first thousand and "and 199,000 more" instead of hundreds of megabytes.
  static constexpr size_t kMaxDetails = 1000;
  void AddDetail(FieldError fe) {
    if (details_.size() < kMaxDetails)
      details_.push_back(std::move(fe));
    else
      ++more_details_;
  }
  bool HasDetails() const { return !details_.empty(); }
  // Every problem found, listed or only counted.
  long long DetailCount() const { return static_cast<long long>(details_.size()) + more_details_; }
  // Problems found beyond the ones listed.
  long long more_details() const { return more_details_; }

 private:
  ErrorDef def_;
  std::string field_;
  std::map<std::string, std::string> params_;
  std::vector<FieldError> details_;
  long long more_details_ = 0;
};

// Codes shared by every module (GEN-0xxx).
namespace gen_errors {
inline constexpr ErrorDef kMalformedJson{"GEN-0001", 400};
inline constexpr ErrorDef kWrongType{"GEN-0002", 422};
inline constexpr ErrorDef kUnknownField{"GEN-0003", 422};
inline constexpr ErrorDef kRequired{"GEN-0004", 422};
inline constexpr ErrorDef kInvalidUtf8{"GEN-0005", 400};
inline constexpr ErrorDef kTooLong{"GEN-0006", 422};
inline constexpr ErrorDef kBodyTooLarge{"GEN-0007", 413};
inline constexpr ErrorDef kInvalidDate{"GEN-0008", 422};
inline constexpr ErrorDef kNotFound{"GEN-0009", 404};
inline constexpr ErrorDef kUnauthenticated{"GEN-0010", 401};
inline constexpr ErrorDef kForbidden{"GEN-0011", 403};
inline constexpr ErrorDef kCsrf{"GEN-0012", 403};
inline constexpr ErrorDef kMethodNotAllowed{"GEN-0013", 405};
inline constexpr ErrorDef kInvalidValue{"GEN-0014", 422};
inline constexpr ErrorDef kInternal{"GEN-0015", 500};
inline constexpr ErrorDef kUnsupportedMediaType{"GEN-0016", 415};
inline constexpr ErrorDef kOutOfScope{"GEN-0017", 403};
inline constexpr ErrorDef kTooManyRequests{"GEN-0018", 429};
inline constexpr ErrorDef kInvalidNumber{"GEN-0019", 422};
inline constexpr ErrorDef kBadRequest{"GEN-0020", 400};
// Numbers typed the Vietnamese way (base/number.hpp): each way of getting one wrong has its code.
inline constexpr ErrorDef kDecimalPoint{"GEN-0021", 422};     // "12.5": the decimal mark is ','
inline constexpr ErrorDef kDigitGrouping{"GEN-0022", 422};    // "1.50", "15.00.000"
inline constexpr ErrorDef kTwoDecimalMarks{"GEN-0023", 422};  // "12,5,3"
inline constexpr ErrorDef kTooManyDigits{"GEN-0024", 422};    // more than 15 significant digits
inline constexpr ErrorDef kNotWholeNumber{"GEN-0025", 422};   // "12,5" where a count is asked
// Every database connection stayed busy for the lease timeout: try again shortly.
inline constexpr ErrorDef kBusy{"GEN-0026", 503};
inline constexpr ErrorDef kTooManyFields{"GEN-0027", 413};  // a form with more than kMaxFormFields
inline constexpr ErrorDef kForbiddenCharacter{"GEN-0028", 422};  // U+FFFE, a control character
inline constexpr ErrorDef kNotImplemented{"GEN-0029", 501};      // a method kientao does not know
// Uploaded files (base/csv.hpp).
inline constexpr ErrorDef kNotUtf8File{"GEN-0030", 415};     // not UTF-8, no charset declared
inline constexpr ErrorDef kUnknownCharset{"GEN-0031", 415};  // a charset kientao does not read
inline constexpr ErrorDef kCsvShortRow{"GEN-0032", 422};     // fewer fields than the header
inline constexpr ErrorDef kCsvExtraField{"GEN-0033", 422};   // more fields than the header
// A form with problems in several fields: each is a detail naming its field, shown beside it.
inline constexpr ErrorDef kFormRefused{"GEN-0034", 422};
}  // namespace gen_errors

// Refuses a form or request with every problem at once: GEN-0034 with one detail per problem, each
// naming its field (shown beside it). Nothing when `problems` is empty.
inline void ThrowIfProblems(const std::vector<FieldError>& problems) {
  if (problems.empty()) return;
  Error all(gen_errors::kFormRefused, "", {{"count", std::to_string(problems.size())}});
  for (const auto& fe : problems) all.AddDetail(fe);
  throw all;
}

}  // namespace kientao
