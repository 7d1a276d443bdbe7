#pragma once
// Message catalogues: every user-visible string, keyed, in Vietnamese (default) and English.
// Catalogues are flat TOML files (web/i18n/vi.toml, en.toml); messages may hold {name}
// placeholders. Immutable after load, so safe to share between threads.
#include <map>
#include <string>
#include <string_view>

#include "base/error.hpp"

namespace kientao::http {

class I18n {
 public:
  // Parses a catalogue; throws std::runtime_error naming the file and line on a syntax error.
  void Load(const std::string& lang, std::string_view toml_text, const std::string& source_name);
  // The message, else the Vietnamese one, else the key itself.
  const std::string& Get(std::string_view lang, const std::string& key) const;
  std::string Format(std::string_view lang, const std::string& key,
                     const std::map<std::string, std::string>& params) const;
  const std::map<std::string, std::string>& All(std::string_view lang) const;
  bool Has(std::string_view lang, const std::string& key) const;
  // The message of an error in `lang`, with {field} replaced by the field's label ("field.<name>").
  std::string ErrorMessage(std::string_view lang, const Error& e) const;
  std::string ErrorMessage(std::string_view lang, const FieldError& e) const;
  // The label of a form field ("field.<name>"); "the value entered" when it has none.
  std::string FieldLabel(std::string_view lang, const std::string& field) const;
  // "vi" unless `lang` is a loaded catalogue.
  std::string Normalize(std::string_view lang) const;

 private:
  std::map<std::string, std::map<std::string, std::string>, std::less<>> catalogues_;
};

}  // namespace kientao::http
