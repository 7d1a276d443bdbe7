#include "http/i18n.hpp"

#include <functional>
#include <sstream>
#include <stdexcept>

#include <toml++/toml.h>

namespace kientao::http {

void I18n::Load(const std::string& lang, std::string_view toml_text,
                const std::string& source_name) {
  toml::table t;
  try {
    t = toml::parse(toml_text, source_name);
  } catch (const toml::parse_error& e) {
    std::ostringstream os;
    os << e;
    throw std::runtime_error("message catalogue " + source_name + ": " + os.str());
  }
  auto& cat = catalogues_[lang];
  // Keys may be grouped in tables: [nav] home = "…" is the key "nav.home".
  std::function<void(const toml::table&, const std::string&)> walk =
      [&](const toml::table& tbl, const std::string& prefix) {
        for (auto& [k, v] : tbl) {
          std::string key =
              prefix.empty() ? std::string(k.str()) : prefix + "." + std::string(k.str());
          if (auto* sub = v.as_table())
            walk(*sub, key);
          else if (auto s = v.value<std::string>()) {
            // Catalogues are merged (the shell's and each module's): one key, one owner.
            if (!cat.emplace(key, *s).second)
              throw std::runtime_error("message catalogue " + source_name + ": " + key +
                                       " is already defined by another catalogue");
          } else
            throw std::runtime_error("message catalogue " + source_name + ": " + key +
                                     " is not a string");
        }
      };
  walk(t, "");
}

const std::string& I18n::Get(std::string_view lang, const std::string& key) const {
  auto c = catalogues_.find(lang);
  if (c != catalogues_.end()) {
    auto it = c->second.find(key);
    if (it != c->second.end()) return it->second;
  }
  auto vi = catalogues_.find(std::string_view("vi"));
  if (vi != catalogues_.end()) {
    auto it = vi->second.find(key);
    if (it != vi->second.end()) return it->second;
  }
  return key;
}

bool I18n::Has(std::string_view lang, const std::string& key) const {
  auto c = catalogues_.find(lang);
  return c != catalogues_.end() && c->second.count(key);
}

std::string I18n::Format(std::string_view lang, const std::string& key,
                         const std::map<std::string, std::string>& params) const {
  std::string out = Get(lang, key);
  for (auto& [k, v] : params) {
    std::string ph = "{" + k + "}";
    for (size_t p = out.find(ph); p != std::string::npos; p = out.find(ph, p + v.size()))
      out.replace(p, ph.size(), v);
  }
  return out;
}

std::string I18n::FieldLabel(std::string_view lang, const std::string& field) const {
  // A field without a label of its own is never shown by its internal name.
  return Has(lang, "field." + field) ? Get(lang, "field." + field) : Get(lang, "shell.this_value");
}

std::string I18n::ErrorMessage(std::string_view lang, const Error& e) const {
  std::map<std::string, std::string> params = e.params();
  if (!e.field().empty()) params.emplace("field", FieldLabel(lang, e.field()));
  return Format(lang, std::string(e.code()), params);
}

std::string I18n::ErrorMessage(std::string_view lang, const FieldError& e) const {
  std::map<std::string, std::string> params = e.params;
  if (!e.field.empty()) params.emplace("field", FieldLabel(lang, e.field));
  return Format(lang, e.code, params);
}

const std::map<std::string, std::string>& I18n::All(std::string_view lang) const {
  static const std::map<std::string, std::string> kEmpty;
  auto c = catalogues_.find(lang);
  return c == catalogues_.end() ? kEmpty : c->second;
}

std::string I18n::Normalize(std::string_view lang) const {
  if (!lang.empty() && catalogues_.find(lang) != catalogues_.end()) return std::string(lang);
  return "vi";
}

}  // namespace kientao::http
