#pragma once
// Validated input from a JSON body or an HTML form, read field by field. Every getter throws
// kientao::Error naming the field (GEN-0002 wrong type, GEN-0004 required, GEN-0006 too long,
// GEN-0008 invalid date …), so a handler that reads all its fields before writing anything writes
// nothing on bad input.
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include "base/date.hpp"
#include "base/error.hpp"

namespace kientao::http {

struct Request;

class Input {
 public:
  // JSON object body. Refuses invalid UTF-8 (GEN-0005), malformed JSON (GEN-0001), a non-object
  // (GEN-0002).
  static Input FromJson(std::string_view body);
  // application/x-www-form-urlencoded body.
  static Input FromForm(std::string_view body);
  // Chooses by Content-Type (JSON when it says application/json).
  static Input FromBody(std::string_view content_type, std::string_view body);
  // The request's body by its Content-Type; an empty body is an empty JSON object.
  static Input FromRequest(const Request& req);

  // Refuses any field not in `allowed` (GEN-0003). Form bodies ignore "_csrf".
  void AllowOnly(std::initializer_list<std::string_view> allowed) const;
  bool Has(std::string_view field) const;
  // The same input with only these fields (a page's form carries fields of its own, such as the
  // period it came from, that the API's strict field list would refuse).
  Input Pick(std::initializer_list<std::string_view> fields) const;

  // Trimmed, NFC, whitespace-collapsed text; at most `max_chars` code points.
  std::optional<std::string> Str(std::string_view field, size_t max_chars, bool required) const;
  std::string ReqStr(std::string_view field, size_t max_chars) const {
    return *Str(field, max_chars, true);
  }
  // dd/mm/yyyy or yyyy-mm-dd.
  std::optional<Date> DateField(std::string_view field, bool required) const;
  // A whole number: a JSON integer, or (forms) typed the Vietnamese way ("1.500"); GEN-0025 for
  // "12,5", the codes of ReadTypedNumber for a bad spelling.
  std::optional<long long> Int(std::string_view field, bool required) const;
  // A JSON array of integers, or (forms) the values of a repeated field; empty when absent.
  std::vector<long long> IntList(std::string_view field) const;
  // A yes/no: a JSON boolean, or (forms) "1", "on", "true" / "0", "false" (a checkbox sends "on" or
  // nothing); nullopt when absent; GEN-0002 for anything else.
  std::optional<bool> Bool(std::string_view field) const;
  // One of `choices`, else GEN-0014.
  std::optional<std::string> Enum(std::string_view field, const std::set<std::string>& choices,
                                  bool required) const;
  // Multi-line text as typed: NFC, line ends as '\n', trailing spaces of each line and blank lines
  // at both ends removed; "" when absent; GEN-0006 above `max_chars`.
  std::string RawText(std::string_view field, size_t max_chars) const;
  // A decimal number: a JSON number, or (forms) typed the Vietnamese way (base/number.hpp: "1.500",
  // "12,5", "1.500.000 đ"); GEN-0019/0021–0024 for a bad spelling, GEN-0004 when required and
  // absent.
  std::optional<double> Num(std::string_view field, bool required) const;
  // A JSON array of objects, each read as its own Input (GEN-0002 otherwise); empty when absent.
  std::vector<Input> Objects(std::string_view field) const;
  // A JSON field as JSON text (an array or object given to a parser of its own); nullopt when
  // absent.
  std::optional<std::string> JsonText(std::string_view field) const;
  // The field names present, in order (forms: without "_csrf").
  std::vector<std::string> Keys() const;
  bool json() const { return json_; }

 private:
  // Raw text of a field; nullopt when absent or empty/null.
  std::optional<std::string> Raw(std::string_view field) const;
  boost::json::object obj_;
  bool json_ = false;
};

// Reads a form field by field, keeping each field's problem instead of stopping at the first, so
// the person sees every one at once beside its field.
class FieldProblems {
 public:
  // Runs `read`; an Error naming a field (other than 403/404) is kept and an empty value returned.
  template <typename F>
  auto Take(F&& read) -> decltype(read()) {
    try {
      return read();
    } catch (const Error& e) {
      if (e.field().empty() || e.status() == 403 || e.status() == 404) throw;
      Add(e);
      return {};
    }
  }
  void Add(const Error& e);
  bool Any() const { return !problems_.empty(); }
  // One problem: that error itself; several: GEN-0034 with one detail per field.
  void ThrowIfAny() const;

 private:
  std::vector<Error> problems_;  // one per field, in the form's order
};

// A number typed by a person (a form field, a CSV cell) read by base/number.hpp's ParseVn; throws
// the Error that names `field` and the problem (GEN-0019, GEN-0021 "12.5", GEN-0022 "1.50",
// GEN-0023 "12,5,3", GEN-0024; GEN-0025 a whole number with decimals).
double ReadTypedNumber(std::string_view field, const std::string& typed);
long long ReadTypedWholeNumber(std::string_view field, const std::string& typed);

// A date in the query string, ISO or dd/mm/yyyy; nullopt when absent or empty; GEN-0008 naming
// it otherwise.
std::optional<Date> OptionalQueryDate(const Request& req, const std::string& name);

struct Response;
// A JSON answer: `v` serialised, with the status.
// The most fields a form request may carry (a report form with every indicator and its parts is
// well below it); more is refused with GEN-0027 before they are decoded.
inline constexpr size_t kMaxFormFields = 5000;

Response JsonAnswer(const boost::json::value& v, int status = 200);
// JSON text of `v` with every whole number written as an integer: a count held as a double (21.0)
// is 21, not Boost.JSON's "2.1E1"; fractions stay as they are. Every JSON answer goes through it.
std::string SerializeJson(const boost::json::value& v);

}  // namespace kientao::http
