#pragma once
// The satisfaction survey's pure rules: a questionnaire read from its rule file (elements and their
// items), the method (scale, aggregation, target, sample), an answer checked against both, the
// indices computed from tallies of raw answers, Yamane's sample size, and the signed single-use
// link a receipt slip carries. No database, no clock.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/date.hpp"
#include "base/error.hpp"

namespace kientao::sipas {

struct Element {
  std::string code;                // "services"
  std::string name;                // "Dịch vụ hành chính công"
  std::vector<std::string> items;  // the questions, in order; item codes "services.1", …
  std::string article;
  bool verified = false;
};

struct Questionnaire {
  std::string set;   // "sipas-1001": the rule set, stored with every answer
  std::string file;  // "qd-1001-2023.toml"
  std::string title;
  std::string name;  // shown to the respondent
  std::vector<Element> elements;
  bool verified = true;  // every element's wording checked against the official text
  // "services.2" → (element index, item index); nullopt when not an item of this questionnaire.
  std::optional<std::pair<size_t, size_t>> Find(std::string_view item) const;
  std::vector<std::string> ItemCodes() const;
};

// Reads a questionnaire rule file ([questionnaire] name and order, [elements.<code>] name and
// items). Throws RuleFileError naming the file and key.
Questionnaire ParseQuestionnaire(std::string_view text, const std::string& file);

struct Method {
  std::vector<std::string> levels;  // the scale, lowest first; answers are 1..levels.size()
  int satisfied_from = 4;           // levels ≥ this count as satisfied
  bool scale_verified = false;
  std::string aggregation = "mean_of_elements";
  bool aggregation_verified = false;
  double target = 90;         // the index the commune aims above
  double margin = 0.05;       // Yamane's e
  std::string questionnaire;  // the rule set the survey uses
  int token_valid_days = 180;
  int per_address_per_hour = 10;
  int per_kiosk_per_hour = 60;
};

Method ParseMethod(std::string_view text, const std::string& file);

// One questionnaire's answers: item code → level (1..levels), items left empty are absent.
using Answers = std::map<std::string, int>;

// Every problem with `answers`, each on its item: SIP-9005 for an item not in the questionnaire,
// SIP-9004 for a level outside the scale, SIP-9006 (no field) when nothing is answered.
std::vector<FieldError> CheckAnswers(const Questionnaire& q, const Method& m,
                                     const Answers& answers);

// Answers counted per item.
struct Tally {
  long long valid = 0;      // answered on the scale
  long long satisfied = 0;  // at or above satisfied_from
};

struct ItemIndex {
  std::string code, text;
  Tally tally;
  std::optional<double> value;  // satisfied ÷ valid × 100; nullopt without a valid answer
};

struct ElementIndex {
  std::string code, name;
  std::vector<ItemIndex> items;
  std::optional<double> value;  // mean of the items that have a value
};

struct IndexResult {
  std::vector<ElementIndex> elements;
  std::optional<double> index;  // mean of the elements that have a value
  long long responses = 0;
};

// The indices of `q` from per-item tallies (item code → tally) over `responses` questionnaires.
IndexResult ComputeIndex(const Questionnaire& q, const std::map<std::string, Tally>& tallies,
                         long long responses);

// Yamane's sample size n = N ÷ (1 + N·e²), rounded up; 0 for N = 0.
long long YamaneSample(long long population, double margin);

// The survey link of a receipt slip: the dossier and the day the link was made, signed with the
// installation's key (HMAC-SHA256, 128 bits kept) — 56 hex digits. A link cannot be made up or
// altered without the key.
std::string SignToken(std::string_view key, long long dossier_id, Date issued);
struct TokenClaim {
  long long dossier_id = 0;
  Date issued;
};
// The claim of a link this key signed; nullopt for anything else (a forged, altered or truncated
// link).
std::optional<TokenClaim> VerifyToken(std::string_view key, std::string_view token);

}  // namespace kientao::sipas
