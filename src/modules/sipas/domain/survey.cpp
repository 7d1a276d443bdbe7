#include "modules/sipas/domain/survey.hpp"

#include <sodium.h>

#include <cmath>
#include <stdexcept>

#include "base/rule_file.hpp"
#include "modules/sipas/errors.hpp"

namespace kientao::sipas {

std::optional<std::pair<size_t, size_t>> Questionnaire::Find(std::string_view item) const {
  size_t dot = item.find('.');
  if (dot == std::string_view::npos) return std::nullopt;
  std::string_view element = item.substr(0, dot), number = item.substr(dot + 1);
  if (number.empty() || number.size() > 3 || number.find_first_not_of("0123456789") != number.npos)
    return std::nullopt;
  size_t n = std::stoul(std::string(number));
  for (size_t e = 0; e < elements.size(); ++e)
    if (elements[e].code == element && n >= 1 && n <= elements[e].items.size())
      return std::make_pair(e, n - 1);
  return std::nullopt;
}

std::vector<std::string> Questionnaire::ItemCodes() const {
  std::vector<std::string> out;
  for (const auto& e : elements)
    for (size_t i = 0; i < e.items.size(); ++i) out.push_back(e.code + "." + std::to_string(i + 1));
  return out;
}

Questionnaire ParseQuestionnaire(std::string_view text, const std::string& file) {
  RuleFile f = RuleFile::Parse(text, file);
  Questionnaire q;
  q.set = f.meta().set;
  q.file = file;
  q.title = f.meta().title;
  q.name = f.Text("questionnaire.name");
  for (const std::string& code : f.Texts("questionnaire.order")) {
    if (code.empty() ||
        code.find_first_not_of("abcdefghijklmnopqrstuvwxyz_0123456789") != std::string::npos)
      throw RuleFileError("rule file " + file + ": questionnaire.order: \"" + code +
                          "\" must be lower-case letters, digits and _");
    for (const auto& e : q.elements)
      if (e.code == code)
        throw RuleFileError("rule file " + file + ": questionnaire.order names " + code + " twice");
    std::string key = "elements." + code;
    Element e;
    e.code = code;
    e.name = f.Text(key + ".name");
    e.items = f.Texts(key + ".items");
    e.article = f.Text(key + ".article");
    e.verified = f.Flag(key + ".verified");
    if (!e.verified) q.verified = false;
    q.elements.push_back(std::move(e));
  }
  // Every element table must be in the order (RefuseUnknownKeys finds one that is not).
  f.RefuseUnknownKeys();
  return q;
}

Method ParseMethod(std::string_view text, const std::string& file) {
  RuleFile f = RuleFile::Parse(text, file);
  Method m;
  m.levels = f.Texts("scale.levels");
  m.satisfied_from = static_cast<int>(f.Whole("scale.satisfied_from"));
  if (m.levels.size() < 2 || m.satisfied_from < 1 ||
      m.satisfied_from > static_cast<int>(m.levels.size()))
    throw RuleFileError("rule file " + file +
                        ": scale.satisfied_from must be one of the scale's levels");
  m.scale_verified = f.Flag("scale.verified");
  m.aggregation = f.Text("aggregation.method");
  if (m.aggregation != "mean_of_elements")
    throw RuleFileError("rule file " + file + ": aggregation.method must be \"mean_of_elements\"");
  m.aggregation_verified = f.Flag("aggregation.verified");
  m.target = f.Number("target.index_above");
  m.margin = f.Number("sample.margin");
  if (!(m.margin > 0 && m.margin < 1))
    throw RuleFileError("rule file " + file + ": sample.margin must be between 0 and 1");
  m.questionnaire = f.Text("administration.questionnaire");
  m.token_valid_days = static_cast<int>(f.Whole("administration.token_valid_days"));
  m.per_address_per_hour = static_cast<int>(f.Whole("administration.answers_per_address_per_hour"));
  m.per_kiosk_per_hour = static_cast<int>(f.Whole("administration.answers_per_kiosk_per_hour"));
  if (m.token_valid_days < 1 || m.per_address_per_hour < 1 || m.per_kiosk_per_hour < 1)
    throw RuleFileError("rule file " + file + ": [administration] values must be at least 1");
  f.RefuseUnknownKeys();
  return m;
}

std::vector<FieldError> CheckAnswers(const Questionnaire& q, const Method& m,
                                     const Answers& answers) {
  std::vector<FieldError> out;
  int answered = 0;
  for (const auto& [item, level] : answers) {
    if (!q.Find(item)) {
      out.push_back({item, std::string(errors::kUnknownItem.code), {{"value", item}}});
      continue;
    }
    if (level < 1 || level > static_cast<int>(m.levels.size())) {
      out.push_back({item,
                     std::string(errors::kOutOfScale.code),
                     {{"value", std::to_string(level)}, {"max", std::to_string(m.levels.size())}}});
      continue;
    }
    ++answered;
  }
  if (answered == 0 && out.empty())
    out.push_back({"", std::string(errors::kNothingAnswered.code), {}});
  return out;
}

namespace {

std::optional<double> Mean(const std::vector<double>& v) {
  if (v.empty()) return std::nullopt;
  double s = 0;
  for (double x : v) s += x;
  return s / static_cast<double>(v.size());
}

}  // namespace

IndexResult ComputeIndex(const Questionnaire& q, const std::map<std::string, Tally>& tallies,
                         long long responses) {
  IndexResult r;
  r.responses = responses;
  std::vector<double> element_values;
  for (const Element& e : q.elements) {
    ElementIndex ei;
    ei.code = e.code;
    ei.name = e.name;
    std::vector<double> item_values;
    for (size_t i = 0; i < e.items.size(); ++i) {
      ItemIndex ii;
      ii.code = e.code + "." + std::to_string(i + 1);
      ii.text = e.items[i];
      if (auto it = tallies.find(ii.code); it != tallies.end()) ii.tally = it->second;
      if (ii.tally.valid > 0) {
        ii.value =
            100.0 * static_cast<double>(ii.tally.satisfied) / static_cast<double>(ii.tally.valid);
        item_values.push_back(*ii.value);
      }
      ei.items.push_back(std::move(ii));
    }
    ei.value = Mean(item_values);
    if (ei.value) element_values.push_back(*ei.value);
    r.elements.push_back(std::move(ei));
  }
  r.index = Mean(element_values);
  return r;
}

long long YamaneSample(long long population, double margin) {
  if (population <= 0) return 0;
  double n =
      static_cast<double>(population) / (1.0 + static_cast<double>(population) * margin * margin);
  // Rounded up; the small tolerance keeps an exact whole result (N = 400 at 5%: 200) from
  // becoming 201 through a binary rounding artefact.
  return static_cast<long long>(std::ceil(n - 1e-9));
}

namespace {

constexpr size_t kPayload = 12;  // dossier id (8 bytes) + issue day (4 bytes), big-endian
constexpr size_t kMac = 16;

void Mac(std::string_view key, const unsigned char* payload, unsigned char* out) {
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
  unsigned char full[crypto_auth_hmacsha256_BYTES];
  crypto_auth_hmacsha256_state st;
  crypto_auth_hmacsha256_init(&st, reinterpret_cast<const unsigned char*>(key.data()), key.size());
  crypto_auth_hmacsha256_update(&st, payload, kPayload);
  crypto_auth_hmacsha256_final(&st, full);
  std::copy(full, full + kMac, out);
}

}  // namespace

std::string SignToken(std::string_view key, long long dossier_id, Date issued) {
  unsigned char raw[kPayload + kMac];
  auto id = static_cast<unsigned long long>(dossier_id);
  for (int i = 0; i < 8; ++i) raw[i] = static_cast<unsigned char>(id >> (56 - 8 * i));
  auto day = static_cast<unsigned long>(issued.DaysSinceEpoch());
  for (int i = 0; i < 4; ++i) raw[8 + i] = static_cast<unsigned char>(day >> (24 - 8 * i));
  Mac(key, raw, raw + kPayload);
  char hex[2 * sizeof raw + 1];
  sodium_bin2hex(hex, sizeof hex, raw, sizeof raw);
  return hex;
}

std::optional<TokenClaim> VerifyToken(std::string_view key, std::string_view token) {
  if (token.size() != 2 * (kPayload + kMac) ||
      token.find_first_not_of("0123456789abcdef") != std::string_view::npos)
    return std::nullopt;
  unsigned char raw[kPayload + kMac];
  size_t len = 0;
  if (sodium_hex2bin(raw, sizeof raw, token.data(), token.size(), nullptr, &len, nullptr) != 0 ||
      len != sizeof raw)
    return std::nullopt;
  unsigned char mac[kMac];
  Mac(key, raw, mac);
  if (crypto_verify_16(mac, raw + kPayload) != 0) return std::nullopt;
  unsigned long long id = 0;
  for (int i = 0; i < 8; ++i) id = (id << 8) | raw[i];
  unsigned long day = 0;
  for (int i = 0; i < 4; ++i) day = (day << 8) | raw[8 + i];
  TokenClaim c;
  c.dossier_id = static_cast<long long>(id);
  c.issued = Date::FromDaysSinceEpoch(static_cast<long>(day));
  return c;
}

}  // namespace kientao::sipas
