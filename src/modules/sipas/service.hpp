#pragma once
// The satisfaction survey as people use it: the applicant answers from the receipt slip's signed
// link or a counter tablet (no account), the office types paper questionnaires and runs the
// tablets, and everyone who reads the commune's figures sees the indices against the target. Every
// operation checks permission and scope (or the link, or the tablet), validates, writes in one
// transaction with its audit entry, and throws kientao::Error when refused (nothing written).
// Thread-safe.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/principal.hpp"
#include "base/rule_file.hpp"
#include "base/throttle.hpp"
#include "modules/services/service.hpp"
#include "modules/sipas/domain/survey.hpp"
#include "modules/sipas/store/sipas_store.hpp"
#include "store/db.hpp"

namespace kientao::sipas {

// What a survey link opens: the dossier (as the slip shows it) and whether it may be answered now.
struct Invitation {
  services::DossierRow dossier;
  Date valid_until;
  bool answered = false;  // the dossier has its answer: thanks, nothing more to do
  bool returned = false;  // the result was returned: the questionnaire is open
};

struct PaperEntry {
  long long unit_id = 0;     // the unit that served the respondent (from the dossier when given)
  std::string dossier_code;  // optional: ties the questionnaire to its dossier (one per dossier)
  std::optional<Date> answered_on;  // the day on the paper; today when absent
  Answers answers;
};

struct IndexQuery {
  Date from, to;
  std::string unit_code;       // "" = the actor's whole scope
  std::string procedure_code;  // "" = every procedure
  std::optional<Channel> channel;
  std::string questionnaire;  // "" = the one the survey uses
};

struct GroupIndex {
  std::string key;   // "2026-11", "qr", a procedure's code
  std::string name;  // the procedure's name
  IndexResult index;
};

struct Indices {
  IndexQuery query;
  const Questionnaire* questionnaire = nullptr;
  IndexResult all;
  std::vector<GroupIndex> months, channels, procedures;
  long long dossiers = 0;       // dossiers received in the period (Yamane's N)
  long long sample_needed = 0;  // Yamane's n
  bool sample_reached = false;
  double target = 90;
  std::optional<bool> above_target;  // nullopt without answers
};

class SipasService {
 public:
  // `questionnaires`: every questionnaire rule file (name, text), built-in and the province's;
  // `method`: the method's rule file. Throws RuleFileError for a bad file or an unknown
  // administration.questionnaire.
  SipasService(store::Database& db, services::ServicesService& services,
               const std::vector<std::pair<std::string, std::string>>& questionnaires,
               const std::string& method_text);

  const Method& method() const { return method_; }
  // Every questionnaire's rule set, by its id ("sipas-1001").
  const std::map<std::string, RuleSet<Questionnaire>>& questionnaires() const { return sets_; }
  // The questionnaire `set` ("" = the survey's) in force on `on`; SIP-9010 when unknown.
  const Questionnaire& QuestionnaireOn(const std::string& set, Date on) const;

  // The slip's survey link for dossier `id` (in the actor's scope): "/khao-sat/<token>".
  std::string SurveyPath(const Actor& a, long long id);
  // What the link opens; SIP-9001 for a link kientao did not sign, SIP-9002 after it expired.
  Invitation Open(const std::string& token);
  // The applicant's answer from the link: the checks of Open, then SIP-9003 once answered,
  // SIP-9009 before the result was returned, SIP-9007 when the address sent too many, and every
  // problem of the answers at once (GEN-0034). Returns the response's id.
  long long AnswerByLink(const std::string& token, const Answers& answers,
                         const std::string& remote_addr);
  // The counter tablet behind `token`; SIP-9008 when there is none or it was switched off.
  Kiosk OpenKiosk(const std::string& token);
  long long AnswerAtKiosk(const std::string& token, const Answers& answers,
                          const std::string& remote_addr);
  // A paper questionnaire typed by the office.
  long long EnterPaper(const Actor& a, const PaperEntry& e);

  Indices Compute(const Actor& a, IndexQuery q);
  // The raw answers the query selects, oldest first, up to `max_rows`.
  std::vector<SipasStore::AnswerRow> ExportAnswers(const Actor& a, const IndexQuery& q,
                                                   long long max_rows);
  // The index of the commune's units over [from, to] for the indicator of key task 6, by unit.
  std::map<long long, IndexResult> IndexByUnit(store::Conn& c, long long commune_id, Date from,
                                               Date to);

  // Dossiers of the actor's scope that answers given in [from, to] rated "not satisfied" on some
  // item (below the scale's neutral level), for Decision 766's satisfaction in handling dossiers.
  long long DissatisfiedDossiers(const Actor& a, Date from, Date to);

  std::vector<Kiosk> ListKiosks(const Actor& a);
  Kiosk CreateKiosk(const Actor& a, long long unit_id, const std::string& name);
  void SetKioskActive(const Actor& a, long long id, bool active);

  // Units the actor holds `permission` at (with a commune), for the forms.
  std::vector<services::ServiceUnit> Units(const Actor& a, std::string_view permission);
  std::map<long long, services::Procedure> Procedures(const Actor& a);
  std::string CommuneName(const Actor& a) { return services_.CommuneName(a); }

 private:
  void Throttled(Throttle& t, const std::string& key, const std::string& remote_addr);
  TallyQuery TallyFor(const Actor& a, const IndexQuery& q, const Questionnaire& qn,
                      const std::vector<services::ServiceUnit>& units);
  long long Record(store::Conn& c, Reply r, const std::string& actor,
                   const std::string& remote_addr);
  void Check(const Questionnaire& q, const Answers& answers) const;

  store::Database& db_;
  services::ServicesService& services_;
  Method method_;
  std::map<std::string, RuleSet<Questionnaire>> sets_;
  std::string key_;
  Throttle address_throttle_;
  Throttle kiosk_throttle_;
};

}  // namespace kientao::sipas
