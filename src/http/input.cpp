#include "http/input.hpp"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <unordered_map>
#include <utility>
#include <vector>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include "base/error.hpp"
#include "base/number.hpp"
#include "base/text.hpp"
#include "http/request.hpp"

namespace kientao::http {

namespace {
using namespace gen_errors;
}

Input Input::FromJson(std::string_view body) {
  if (!text::IsValidUtf8(body)) throw Error(kInvalidUtf8);
  boost::system::error_code ec;
  boost::json::value v = boost::json::parse(body, ec);
  if (ec) throw Error(kMalformedJson, "", {}, ec.message());
  if (!v.is_object()) throw Error(kWrongType, "", {{"expected", "object"}});
  Input in;
  in.obj_ = std::move(v.as_object());
  in.json_ = true;
  return in;
}

Input Input::FromForm(std::string_view body) {
  Input in;
  // A repeated field (checkboxes) keeps every value, joined by ','; IntList reads them back. The
  // values are gathered first and joined once, so a field repeated n times costs O(n), and a
  // request with more than kMaxFormFields fields is refused before any more is decoded.
  std::vector<std::pair<std::string, std::string>> fields;
  std::unordered_map<std::string, size_t> index;
  size_t count = 0;
  size_t pos = 0;
  while (pos <= body.size()) {
    size_t end = body.find('&', pos);
    if (end == std::string_view::npos) end = body.size();
    std::string_view part = body.substr(pos, end - pos);
    pos = end + 1;
    if (part.empty()) continue;
    auto eq = part.find('=');
    auto k = UrlDecode(part.substr(0, eq), true);
    auto v = eq == std::string_view::npos ? std::optional<std::string>("")
                                          : UrlDecode(part.substr(eq + 1), true);
    if (++count > kMaxFormFields)
      throw Error(kTooManyFields, "", {{"max", std::to_string(kMaxFormFields)}});
    if (!k || !v) throw Error(kBadRequest);
    if (!text::IsValidUtf8(*k) || !text::IsValidUtf8(*v))
      throw Error(kInvalidUtf8, text::IsValidUtf8(*k) ? *k : "");
    auto [it, fresh] = index.try_emplace(*k, fields.size());
    if (fresh) {
      fields.emplace_back(std::move(*k), std::move(*v));
    } else {
      std::string& joined = fields[it->second].second;
      joined += ',';
      joined += *v;
    }
  }
  in.obj_.reserve(fields.size());
  for (auto& [k, v] : fields) in.obj_[k] = std::move(v);
  return in;
}

Input Input::FromBody(std::string_view content_type, std::string_view body) {
  if (content_type.find("application/json") != std::string_view::npos) return FromJson(body);
  if (content_type.empty() ||
      content_type.find("application/x-www-form-urlencoded") != std::string_view::npos)
    return FromForm(body);
  throw Error(kUnsupportedMediaType);
}

Input Input::FromRequest(const Request& req) {
  if (req.body.empty()) return FromJson("{}");
  return FromBody(req.Header("content-type"), req.body);
}

void Input::AllowOnly(std::initializer_list<std::string_view> allowed) const {
  for (auto& [k, v] : obj_) {
    if (!json_ && k == "_csrf") continue;
    bool ok = false;
    for (auto a : allowed) ok = ok || a == std::string_view(k);
    if (!ok) throw Error(kUnknownField, std::string(k));
  }
}

bool Input::Has(std::string_view field) const { return obj_.contains(field); }

Input Input::Pick(std::initializer_list<std::string_view> fields) const {
  Input out;
  out.json_ = json_;
  for (std::string_view f : fields)
    if (auto it = obj_.find(f); it != obj_.end()) out.obj_[f] = it->value();
  return out;
}

std::optional<std::string> Input::Raw(std::string_view field) const {
  auto it = obj_.find(field);
  if (it == obj_.end() || it->value().is_null()) return std::nullopt;
  const auto& v = it->value();
  if (v.is_string()) {
    std::string s(v.as_string());
    if (!text::IsValidUtf8(s)) throw Error(kInvalidUtf8, std::string(field));
    s = text::NormalizeSpace(s);
    if (s.empty()) return std::nullopt;
    return s;
  }
  throw Error(kWrongType, std::string(field), {{"expected", "string"}});
}

std::optional<bool> Input::Bool(std::string_view field) const {
  auto it = obj_.find(field);
  if (it == obj_.end() || it->value().is_null()) return std::nullopt;
  if (it->value().is_bool()) return it->value().as_bool();
  if (!json_ && it->value().is_string()) {
    std::string_view v = it->value().as_string();
    if (v == "1" || v == "on" || v == "true") return true;
    if (v == "0" || v == "false") return false;
    if (v.empty()) return std::nullopt;
  }
  throw Error(kWrongType, std::string(field), {{"expected", "boolean"}});
}

std::optional<std::string> Input::Str(std::string_view field, size_t max_chars,
                                      bool required) const {
  auto s = Raw(field);
  if (!s) {
    if (required) throw Error(kRequired, std::string(field));
    return std::nullopt;
  }
  std::string n = text::Nfc(*s);
  if (std::string bad = text::ForbiddenCharacter(n); !bad.empty())
    throw Error(kForbiddenCharacter, std::string(field), {{"char", bad}});
  if (text::CodePointCount(n) > max_chars)
    throw Error(kTooLong, std::string(field), {{"max", std::to_string(max_chars)}});
  return n;
}

std::optional<Date> Input::DateField(std::string_view field, bool required) const {
  auto s = Str(field, 10, required);
  if (!s) return std::nullopt;
  auto d = Date::Parse(*s);
  if (!d) throw Error(kInvalidDate, std::string(field), {{"value", *s}});
  return d;
}

namespace {
// A number typed in a form (or a CSV cell) read the Vietnamese way; a refusal names the field and
// says what was wrong with the spelling.
double TypedNumber(std::string_view field, const std::string& typed, bool whole) {
  number::Parsed p = number::ParseVn(typed);
  std::string f(field);
  switch (p.problem) {
    case number::Problem::kNone:
      break;
    case number::Problem::kDecimalPoint:
      throw Error(gen_errors::kDecimalPoint, f, {{"value", typed}});
    case number::Problem::kGrouping:
      throw Error(gen_errors::kDigitGrouping, f, {{"value", typed}});
    case number::Problem::kTwoDecimalMarks:
      throw Error(gen_errors::kTwoDecimalMarks, f, {{"value", typed}});
    case number::Problem::kTooLong:
      throw Error(gen_errors::kTooManyDigits, f, {{"value", typed}});
    case number::Problem::kEmpty:
    case number::Problem::kNotANumber:
      throw Error(kInvalidNumber, f, {{"value", typed}});
  }
  if (whole && !p.whole) throw Error(gen_errors::kNotWholeNumber, f, {{"value", typed}});
  return *p.value;
}
}  // namespace

double ReadTypedNumber(std::string_view field, const std::string& typed) {
  return TypedNumber(field, typed, false);
}

long long ReadTypedWholeNumber(std::string_view field, const std::string& typed) {
  double v = TypedNumber(field, typed, true);
  if (std::fabs(v) > 9007199254740992.0)
    throw Error(gen_errors::kTooManyDigits, std::string(field));
  return static_cast<long long>(std::llround(v));
}

std::optional<long long> Input::Int(std::string_view field, bool required) const {
  auto it = obj_.find(field);
  if (it == obj_.end() || it->value().is_null() ||
      (it->value().is_string() && it->value().as_string().empty())) {
    if (required) throw Error(kRequired, std::string(field));
    return std::nullopt;
  }
  const auto& v = it->value();
  if (v.is_int64()) return v.as_int64();
  if (v.is_uint64() && v.as_uint64() <= static_cast<uint64_t>(INT64_MAX))
    return static_cast<long long>(v.as_uint64());
  if (!json_ && v.is_string()) return ReadTypedWholeNumber(field, std::string(v.as_string()));
  throw Error(kWrongType, std::string(field), {{"expected", "integer"}});
}

std::vector<long long> Input::IntList(std::string_view field) const {
  std::vector<long long> out;
  auto it = obj_.find(field);
  if (it == obj_.end() || it->value().is_null()) return out;
  const auto& v = it->value();
  if (v.is_array()) {
    for (const auto& e : v.as_array()) {
      if (!e.is_int64())
        throw Error(kWrongType, std::string(field), {{"expected", "integer list"}});
      out.push_back(e.as_int64());
    }
    return out;
  }
  if (json_ || !v.is_string())
    throw Error(kWrongType, std::string(field), {{"expected", "integer list"}});
  std::string s(v.as_string());
  size_t pos = 0;
  while (pos < s.size()) {
    size_t end = s.find(',', pos);
    if (end == std::string::npos) end = s.size();
    std::string item = s.substr(pos, end - pos);
    pos = end + 1;
    if (item.empty()) continue;
    long long n = 0;
    auto [p, ec] = std::from_chars(item.data(), item.data() + item.size(), n);
    if (ec != std::errc() || p != item.data() + item.size())
      throw Error(kInvalidNumber, std::string(field));
    out.push_back(n);
  }
  return out;
}

std::optional<std::string> Input::Enum(std::string_view field, const std::set<std::string>& choices,
                                       bool required) const {
  auto s = Str(field, 64, required);
  if (!s) return std::nullopt;
  if (!choices.count(*s)) throw Error(kInvalidValue, std::string(field), {{"value", *s}});
  return s;
}

std::string Input::RawText(std::string_view field, size_t max_chars) const {
  auto it = obj_.find(field);
  if (it == obj_.end() || it->value().is_null()) return "";
  if (!it->value().is_string())
    throw Error(kWrongType, std::string(field), {{"expected", "string"}});
  std::string raw(it->value().as_string());
  if (!text::IsValidUtf8(raw)) throw Error(kInvalidUtf8, std::string(field));
  std::string out, line;
  auto flush = [&] {
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.pop_back();
    out += line + "\n";
    line.clear();
  };
  for (char ch : raw) {
    if (ch == '\r') continue;
    if (ch == '\n')
      flush();
    else
      line += ch;
  }
  flush();
  size_t a = out.find_first_not_of('\n');
  if (a == std::string::npos) return "";
  out = out.substr(a);
  while (!out.empty() && out.back() == '\n') out.pop_back();
  out = text::Nfc(out);
  if (text::CodePointCount(out) > max_chars)
    throw Error(kTooLong, std::string(field), {{"max", std::to_string(max_chars)}});
  return out;
}

std::optional<double> Input::Num(std::string_view field, bool required) const {
  auto it = obj_.find(field);
  if (it == obj_.end() || it->value().is_null() ||
      (it->value().is_string() &&
       text::NormalizeSpace(std::string(it->value().as_string())).empty())) {
    if (required) throw Error(kRequired, std::string(field));
    return std::nullopt;
  }
  const auto& v = it->value();
  if (v.is_int64()) return static_cast<double>(v.as_int64());
  if (v.is_uint64()) return static_cast<double>(v.as_uint64());
  if (v.is_double()) return v.as_double();
  if (!json_ && v.is_string()) return ReadTypedNumber(field, std::string(v.as_string()));
  throw Error(kWrongType, std::string(field), {{"expected", "number"}});
}

std::vector<Input> Input::Objects(std::string_view field) const {
  std::vector<Input> out;
  auto it = obj_.find(field);
  if (it == obj_.end() || it->value().is_null()) return out;
  if (!it->value().is_array())
    throw Error(kWrongType, std::string(field), {{"expected", "array of objects"}});
  for (const auto& e : it->value().as_array()) {
    if (!e.is_object())
      throw Error(kWrongType, std::string(field), {{"expected", "array of objects"}});
    Input in;
    in.obj_ = e.as_object();
    in.json_ = true;
    out.push_back(std::move(in));
  }
  return out;
}

std::optional<std::string> Input::JsonText(std::string_view field) const {
  auto it = obj_.find(field);
  if (it == obj_.end() || it->value().is_null()) return std::nullopt;
  if (!json_ && it->value().is_string())
    return std::string(it->value().as_string());  // a form's text area
  return boost::json::serialize(it->value());
}

std::vector<std::string> Input::Keys() const {
  std::vector<std::string> out;
  for (auto& [k, v] : obj_)
    if (json_ || k != "_csrf") out.emplace_back(k);
  return out;
}

namespace {
// Whether `v` holds a double that is a whole number JSON can carry exactly as an integer.
bool WholeDouble(const boost::json::value& v) {
  if (!v.is_double()) return false;
  double d = v.get_double();
  return std::isfinite(d) && d == std::trunc(d) && std::fabs(d) <= 9007199254740992.0;
}
bool HasWholeDouble(const boost::json::value& v) {
  if (WholeDouble(v)) return true;
  if (auto* a = v.if_array())
    for (auto& e : *a)
      if (HasWholeDouble(e)) return true;
  if (auto* o = v.if_object())
    for (auto& kv : *o)
      if (HasWholeDouble(kv.value())) return true;
  return false;
}
void MakeWholeIntegers(boost::json::value& v) {
  if (WholeDouble(v)) {
    v = static_cast<std::int64_t>(v.get_double());
  } else if (auto* a = v.if_array()) {
    for (auto& e : *a) MakeWholeIntegers(e);
  } else if (auto* o = v.if_object()) {
    for (auto& kv : *o) MakeWholeIntegers(kv.value());
  }
}
}  // namespace

std::string SerializeJson(const boost::json::value& v) {
  if (!HasWholeDouble(v)) return boost::json::serialize(v);  // most answers: no copy
  boost::json::value copy = v;
  MakeWholeIntegers(copy);
  return boost::json::serialize(copy);
}

Response JsonAnswer(const boost::json::value& v, int status) {
  return Response::Json(SerializeJson(v), status);
}

void FieldProblems::Add(const Error& e) {
  for (const Error& p : problems_)
    if (p.field() == e.field()) return;  // one problem per field is enough to act on
  problems_.push_back(e);
}

void FieldProblems::ThrowIfAny() const {
  if (problems_.empty()) return;
  if (problems_.size() == 1) throw problems_.front();
  Error all(gen_errors::kFormRefused, problems_.front().field(),
            {{"count", std::to_string(problems_.size())}});
  for (const Error& p : problems_)
    all.details().push_back({p.field(), std::string(p.code()), p.params(), 0});
  throw all;
}

std::optional<Date> OptionalQueryDate(const Request& req, const std::string& name) {
  std::string v = req.Query(name);
  if (v.empty()) return std::nullopt;
  auto d = Date::Parse(v);
  if (!d) throw Error(gen_errors::kInvalidDate, name, {{"value", v}});
  return d;
}

}  // namespace kientao::http
