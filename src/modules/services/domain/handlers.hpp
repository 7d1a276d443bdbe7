#pragma once
// Who handled the dossiers, by person. The provincial one-stop export names the civil servant who
// handled a dossier by name only, so a name is matched to the commune's staff by its folded form
// ("Tô Thị Bích", "TÔ THỊ  BÍCH" and "To Thi Bich" are one person). A name that two people of
// the commune share cannot be split between them: it matches no one and is reported ambiguous.
#include <map>
#include <string>
#include <vector>

namespace kientao::services {

struct HandlerCounts {
  std::string handler;  // as recorded on the dossiers
  long long resolved = 0, in_time = 0;
};

struct PersonHandling {
  long long resolved = 0, in_time = 0;
  bool ambiguous = false;  // someone else of the commune has the same folded name
};

struct NamedPerson {
  long long id = 0;
  std::string name;
};

// For each of `people` whose name the dossiers record (several spellings of one name are summed),
// by id. `everyone`: all the commune's staff, including those who left, to find namesakes.
std::map<long long, PersonHandling> MatchHandlers(const std::vector<HandlerCounts>& rows,
                                                  const std::vector<NamedPerson>& people,
                                                  const std::vector<NamedPerson>& everyone);

}  // namespace kientao::services
