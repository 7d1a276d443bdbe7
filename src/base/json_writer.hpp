#pragma once
// A small JSON object writer for audit snapshots and similar flat records (no parsing). Keys keep
// insertion order, so the same record always serialises the same way.
#include <optional>
#include <string>
#include <string_view>

namespace kientao {

class JsonObject {
 public:
  JsonObject& Str(std::string_view key, std::string_view value);
  JsonObject& OptStr(std::string_view key, const std::optional<std::string>& value);
  JsonObject& Int(std::string_view key, long long value);
  JsonObject& Bool(std::string_view key, bool value);
  JsonObject& Null(std::string_view key);
  // `json` must already be valid JSON (a nested object or array built by this writer).
  JsonObject& Raw(std::string_view key, std::string_view json);
  std::string Build() const { return "{" + body_ + "}"; }

 private:
  void Key(std::string_view key);
  std::string body_;
};

// `s` as a JSON string literal with quotes.
std::string JsonQuote(std::string_view s);

}  // namespace kientao
