#include "modules/services/domain/handlers.hpp"

#include <set>

#include "base/text.hpp"

namespace kientao::services {

namespace {

std::string Key(const std::string& name) { return text::Fold(text::NormalizeSpace(name)); }

}  // namespace

std::map<long long, PersonHandling> MatchHandlers(const std::vector<HandlerCounts>& rows,
                                                  const std::vector<NamedPerson>& people,
                                                  const std::vector<NamedPerson>& everyone) {
  std::map<std::string, PersonHandling> by_name;
  for (const auto& r : rows) {
    std::string key = Key(r.handler);
    if (key.empty()) continue;
    auto& h = by_name[key];
    h.resolved += r.resolved;
    h.in_time += r.in_time;
  }
  std::map<std::string, std::set<long long>> holders;  // folded name → staff ids bearing it
  for (const auto& p : everyone) holders[Key(p.name)].insert(p.id);
  for (const auto& p : people) holders[Key(p.name)].insert(p.id);
  std::map<long long, PersonHandling> out;
  for (const auto& p : people) {
    std::string key = Key(p.name);
    auto it = by_name.find(key);
    if (key.empty() || it == by_name.end()) continue;
    if (holders[key].size() > 1)
      out[p.id] = PersonHandling{0, 0, true};
    else
      out[p.id] = it->second;
  }
  return out;
}

}  // namespace kientao::services
