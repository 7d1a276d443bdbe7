#pragma once
// The survey's tables (migrations/0001_survey.sql): responses with their raw answers, the counter
// tablets and the link-signing key. Plain SQL on both databases; callers hold the transaction.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/date.hpp"
#include "modules/sipas/domain/survey.hpp"
#include "store/db.hpp"

namespace kientao::sipas {

enum class Channel { kQr, kKiosk, kPaper };
const char* ChannelCode(Channel c);  // "qr", "kiosk", "paper"
std::optional<Channel> ParseChannel(std::string_view s);

struct Reply {
  long long commune_id = 0;
  long long unit_id = 0;
  std::string questionnaire, questionnaire_file;
  Channel channel = Channel::kQr;
  std::optional<long long> dossier_id, procedure_id, kiosk_id;
  Date answered_on;
  std::string answered_at;
  std::string entered_by;
  Answers answers;
};

struct Kiosk {
  long long id = 0;
  long long commune_id = 0;
  long long unit_id = 0;
  std::string name, token;
  bool active = true;
  std::string created_at;
};

// Which responses a tally reads.
struct TallyQuery {
  std::vector<long long> unit_ids;      // the actor's scope
  std::optional<long long> commune_id;  // instead of unit_ids: every unit of the commune
  std::string questionnaire;
  Date from, to;
  std::optional<Channel> channel;
  std::optional<long long> procedure_id;
};

// Per-item tallies of one group (a month, a channel, a procedure; "" for all).
struct GroupTally {
  std::map<std::string, Tally> items;
  long long responses = 0;
};

struct SipasStore {
  // The key signing survey links, made on first use.
  static std::string Key(store::Conn& c);
  static long long Insert(store::Conn& c, const Reply& r);
  static bool DossierAnswered(store::Conn& c, long long dossier_id);
  // Tallies grouped by `group`: "" (all), "month" (YYYY-MM), "channel", "procedure" (its id) or
  // "unit" (its id).
  static std::map<std::string, GroupTally> Tallies(store::Conn& c, const TallyQuery& q,
                                                   const std::string& group, int satisfied_from);
  struct AnswerRow {
    long long id = 0;
    long long unit_id = 0;
    std::string questionnaire;
    std::string channel;
    std::optional<long long> procedure_id;
    Date answered_on;
    Answers answers;
  };
  // Every response in the query, oldest first, with its answers (for the XLSX), up to `max_rows`.
  // Never the dossier: an answer stays anonymous.
  static std::vector<AnswerRow> Answers(store::Conn& c, const TallyQuery& q, long long max_rows);
  // Dossiers the query's answers rate below `level` on some item (one each, however many answers).
  static long long DossiersRatedBelow(store::Conn& c, const TallyQuery& q, int level);
  static long long InsertKiosk(store::Conn& c, const Kiosk& k, const std::string& actor,
                               const std::string& at);
  static std::vector<Kiosk> Kiosks(store::Conn& c, const std::vector<long long>& unit_ids);
  static std::optional<Kiosk> KioskByToken(store::Conn& c, const std::string& token);
  static std::optional<Kiosk> KioskById(store::Conn& c, long long id);
  static void SetKioskActive(store::Conn& c, long long id, bool active);
};

}  // namespace kientao::sipas
