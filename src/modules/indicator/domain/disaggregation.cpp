#include "modules/indicator/domain/disaggregation.hpp"

#include <set>

#include <boost/json.hpp>

#include "modules/indicator/errors.hpp"

namespace kientao::indicator {

namespace {

namespace json = boost::json;

bool ValidOptionCode(std::string_view c) {
  if (c.empty() || c.size() > 30) return false;
  for (char ch : c)
    if (!((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_' || ch == '-'))
      return false;
  return true;
}

[[noreturn]] void Bad(const std::string& what) {
  throw Error(errors::kBadCategories, "categories", {{"value", what}});
}

std::string Str(const json::object& o, const char* key) {
  auto* v = o.if_contains(key);
  return v && v->is_string() ? std::string(v->as_string()) : std::string();
}

}  // namespace

std::vector<Category> ParseCategories(std::string_view text) {
  if (text.empty()) return {};
  boost::system::error_code ec;
  json::value v = json::parse(text, ec);
  if (ec || !v.is_array()) Bad("JSON");
  std::vector<Category> out;
  std::set<std::string> codes;
  size_t combos = 1;
  for (auto& c : v.as_array()) {
    if (!c.is_object()) Bad("category");
    Category cat;
    cat.code = Str(c.as_object(), "code");
    cat.name = Str(c.as_object(), "name");
    if (!ValidOptionCode(cat.code) || !codes.insert(cat.code).second) Bad(cat.code);
    auto* opts = c.as_object().if_contains("options");
    if (!opts || !opts->is_array()) Bad(cat.code);
    std::set<std::string> seen;
    for (auto& o : opts->as_array()) {
      if (!o.is_object()) Bad(cat.code);
      std::string code = Str(o.as_object(), "code"), label = Str(o.as_object(), "label");
      if (!ValidOptionCode(code) || !seen.insert(code).second) Bad(cat.code + "." + code);
      cat.options.emplace_back(code, label.empty() ? code : label);
    }
    if (cat.options.size() < 2) Bad(cat.code);
    combos *= cat.options.size();
    if (combos > kMaxCombinations) Bad(std::to_string(combos) + " > 500");
    out.push_back(std::move(cat));
    if (out.size() > kMaxCategories) Bad("> 5");
  }
  return out;
}

std::string CategoriesJson(const std::vector<Category>& categories) {
  json::array a;
  for (auto& c : categories) {
    json::array opts;
    for (auto& [code, label] : c.options) opts.push_back({{"code", code}, {"label", label}});
    a.push_back({{"code", c.code}, {"name", c.name}, {"options", opts}});
  }
  return json::serialize(a);
}

std::vector<std::pair<std::string, std::string>> Combinations(
    const std::vector<Category>& categories) {
  std::vector<std::pair<std::string, std::string>> out;
  if (categories.empty()) return out;
  out.emplace_back("", "");
  for (auto& c : categories) {
    std::vector<std::pair<std::string, std::string>> next;
    for (auto& [code, label] : out)
      for (auto& [oc, ol] : c.options)
        next.emplace_back(code.empty() ? oc : code + "/" + oc,
                          label.empty() ? ol : label + ", " + ol);
    out = std::move(next);
  }
  return out;
}

}  // namespace kientao::indicator
