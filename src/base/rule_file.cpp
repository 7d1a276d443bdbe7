#include "base/rule_file.hpp"

#include <functional>
#include <mutex>
#include <sstream>

#include <toml++/toml.h>

namespace kientao {

struct RuleFile::Impl {
  toml::table doc;
  mutable std::set<std::string> read;  // keys an engine asked for
  mutable std::mutex mutex;
};

namespace {

std::optional<Date> DateOf(const toml::node* n) {
  if (!n) return std::nullopt;
  if (auto d = n->value<toml::date>()) return Date::FromYmd(d->year, d->month, d->day);
  if (auto s = n->value<std::string>()) return Date::ParseIso(*s);
  return std::nullopt;
}

}  // namespace

std::pair<std::string, std::string> RuleModuleAndName(const std::string& path) {
  std::string name = path.substr(path.rfind('/') + 1);
  std::string dir = path.substr(0, path.rfind('/'));
  if (dir.size() >= 6 && dir.substr(dir.size() - 6) == "/rules")
    dir = dir.substr(0, dir.size() - 6);
  return {dir.substr(dir.rfind('/') + 1), name};
}

RuleFile::RuleFile() : impl_(std::make_unique<Impl>()) {}
RuleFile::RuleFile(RuleFile&&) noexcept = default;
RuleFile& RuleFile::operator=(RuleFile&&) noexcept = default;
RuleFile::~RuleFile() = default;

RuleFile RuleFile::Parse(std::string_view text, const std::string& file) {
  RuleFile r;
  try {
    r.impl_->doc = toml::parse(text, file);
  } catch (const toml::parse_error& e) {
    std::ostringstream os;
    os << e.description() << " (line " << e.source().begin.line << ")";
    throw RuleFileError("rule file " + file + ": " + os.str());
  }
  auto fail = [&](const std::string& key, const std::string& why) {
    throw RuleFileError("rule file " + file + ": " + key + " " + why);
  };
  const toml::table* h = r.impl_->doc["rule"].as_table();
  if (!h) fail("[rule]", "is missing: every rule file starts with its set, article and dates");
  RuleMeta& m = r.meta_;
  m.file = file;
  std::string stem = file.substr(file.rfind('/') + 1);
  stem = stem.substr(0, stem.rfind('.'));
  m.set = (*h)["set"].value<std::string>().value_or(stem);
  m.title = (*h)["title"].value<std::string>().value_or(m.set);
  auto article = (*h)["article"].value<std::string>();
  if (!article || article->empty()) fail("rule.article", "is missing: name the legal text");
  m.article = *article;
  auto verified = (*h)["verified"].value<bool>();
  if (!verified) fail("rule.verified", "must be true or false");
  m.verified = *verified;
  auto from = DateOf(h->get("effective_from"));
  if (!from) fail("rule.effective_from", "must be a day (2024-07-01)");
  m.effective_from = *from;
  if (h->contains("effective_to")) {
    m.effective_to = DateOf(h->get("effective_to"));
    if (!m.effective_to) fail("rule.effective_to", "must be a day (2025-12-31)");
    if (*m.effective_to < m.effective_from)
      fail("rule.effective_to", "is before rule.effective_from");
  }
  for (auto& [k, v] : *h) {
    static const std::set<std::string> kHeader = {
        "set", "title", "article", "verified", "effective_from", "effective_to", "note"};
    if (!kHeader.count(std::string(k.str())))
      fail("rule." + std::string(k.str()), "is not a header key");
  }
  return r;
}

namespace {
const toml::node* At(const toml::table& doc, std::string_view key) {
  return doc.at_path(key).node();
}
}  // namespace

void RuleFile::Mark(std::string_view key) const {
  std::lock_guard lock(impl_->mutex);
  impl_->read.insert(std::string(key));
}

double RuleFile::Number(std::string_view key) const {
  if (auto v = OptionalNumber(key)) return *v;
  throw RuleFileError("rule file " + meta_.file + ": " + std::string(key) +
                      " is missing or not a number");
}

std::optional<double> RuleFile::OptionalNumber(std::string_view key) const {
  Mark(key);
  const toml::node* n = At(impl_->doc, key);
  if (!n) return std::nullopt;
  if (auto v = n->value<double>()) return v;
  throw RuleFileError("rule file " + meta_.file + ": " + std::string(key) + " is not a number");
}

long long RuleFile::Whole(std::string_view key) const {
  Mark(key);
  const toml::node* n = At(impl_->doc, key);
  if (!n || !n->is_integer())
    throw RuleFileError("rule file " + meta_.file + ": " + std::string(key) +
                        " is missing or not a whole number");
  return *n->value<int64_t>();
}

std::string RuleFile::Text(std::string_view key) const {
  Mark(key);
  const toml::node* n = At(impl_->doc, key);
  if (!n || !n->is_string())
    throw RuleFileError("rule file " + meta_.file + ": " + std::string(key) +
                        " is missing or not text");
  return *n->value<std::string>();
}

bool RuleFile::Flag(std::string_view key) const {
  Mark(key);
  const toml::node* n = At(impl_->doc, key);
  if (!n || !n->is_boolean())
    throw RuleFileError("rule file " + meta_.file + ": " + std::string(key) +
                        " is missing or not true/false");
  return *n->value<bool>();
}

std::vector<Date> RuleFile::Dates(std::string_view key) const {
  Mark(key);
  const toml::node* n = At(impl_->doc, key);
  const toml::array* a = n ? n->as_array() : nullptr;
  if (!a)
    throw RuleFileError("rule file " + meta_.file + ": " + std::string(key) +
                        " is missing or not a list of days");
  std::vector<Date> out;
  for (size_t i = 0; i < a->size(); ++i) {
    auto d = a->get(i)->value<toml::date>();
    auto day = d ? Date::FromYmd(d->year, d->month, d->day) : std::nullopt;
    if (!day)
      throw RuleFileError("rule file " + meta_.file + ": " + std::string(key) + "[" +
                          std::to_string(i) + "] must be a day (2026-01-01)");
    out.push_back(*day);
  }
  return out;
}

std::vector<std::string> RuleFile::Texts(std::string_view key) const {
  Mark(key);
  const toml::node* n = At(impl_->doc, key);
  const toml::array* a = n ? n->as_array() : nullptr;
  if (!a || a->empty())
    throw RuleFileError("rule file " + meta_.file + ": " + std::string(key) +
                        " is missing or not a list of texts");
  std::vector<std::string> out;
  for (size_t i = 0; i < a->size(); ++i) {
    auto s = a->get(i)->value<std::string>();
    if (!s)
      throw RuleFileError("rule file " + meta_.file + ": " + std::string(key) + "[" +
                          std::to_string(i) + "] must be text");
    out.push_back(*s);
  }
  return out;
}

bool RuleFile::Has(std::string_view key) const { return At(impl_->doc, key) != nullptr; }

std::vector<std::string> RuleFile::Keys(std::string_view table) const {
  std::vector<std::string> out;
  const toml::node* n = At(impl_->doc, table);
  if (!n || !n->is_table())
    throw RuleFileError("rule file " + meta_.file + ": [" + std::string(table) + "] is missing");
  std::lock_guard lock(impl_->mutex);
  for (auto& [k, v] : *n->as_table()) {
    out.push_back(std::string(k.str()));
    // A sub-table stays unread, so a typing mistake inside it is still found.
    if (!v.is_table()) impl_->read.insert(std::string(table) + "." + std::string(k.str()));
  }
  return out;
}

void RuleFile::RefuseUnknownKeys() const {
  std::lock_guard lock(impl_->mutex);
  std::function<void(const toml::table&, const std::string&)> walk =
      [&](const toml::table& t, const std::string& prefix) {
        for (auto& [k, v] : t) {
          std::string key =
              prefix.empty() ? std::string(k.str()) : prefix + "." + std::string(k.str());
          if (key == "rule") continue;
          if (auto* sub = v.as_table()) {
            if (!impl_->read.count(key)) walk(*sub, key);
            continue;
          }
          std::string leaf(k.str());
          if (leaf == "article" || leaf == "verified" || leaf == "note") continue;
          if (!impl_->read.count(key))
            throw RuleFileError("rule file " + meta_.file + ": " + key +
                                " is not a key this rule knows (a typing mistake?)");
        }
      };
  walk(impl_->doc, "");
}

std::vector<UnverifiedValue> RuleFile::Unverified() const {
  std::vector<UnverifiedValue> out;
  if (!meta_.verified) out.push_back({"rule", meta_.article, ""});
  std::function<void(const toml::table&, const std::string&)> walk =
      [&](const toml::table& t, const std::string& prefix) {
        for (auto& [k, v] : t) {
          std::string key =
              prefix.empty() ? std::string(k.str()) : prefix + "." + std::string(k.str());
          if (key == "rule") continue;
          if (auto* sub = v.as_table()) {
            if (auto ver = (*sub)["verified"].value<bool>(); ver && !*ver)
              out.push_back({key, (*sub)["article"].value<std::string>().value_or(""),
                             (*sub)["note"].value<std::string>().value_or("")});
            walk(*sub, key);
          } else if (auto* arr = v.as_array()) {
            for (size_t i = 0; i < arr->size(); ++i)
              if (auto* e = arr->get(i)->as_table()) {
                std::string ek = key + "[" + std::to_string(i) + "]";
                if (auto ver = (*e)["verified"].value<bool>(); ver && !*ver)
                  out.push_back({ek, (*e)["article"].value<std::string>().value_or(""),
                                 (*e)["note"].value<std::string>().value_or("")});
              }
          }
        }
      };
  walk(impl_->doc, "");
  return out;
}

}  // namespace kientao
