#include "modules/services/domain/index766.hpp"

#include "base/rule_file.hpp"

namespace kientao::services {

Index766Rules Index766Rules::Load(std::string_view text) {
  RuleFile f = RuleFile::Parse(text, "qd-766-2022.toml");
  Index766Rules r;
  for (const auto& code : f.Texts("groups.order"))
    r.groups.push_back({code, f.Number("groups." + code)});
  r.handling_max = f.Number("satisfaction.handling_max");
  if (f.Text("points.method") != "proportional")
    throw RuleFileError(
        "rule file qd-766-2022.toml: points.method: only \"proportional\" is known");
  r.points_verified = f.Flag("points.verified");
  f.RefuseUnknownKeys();
  return r;
}

Index766 Compute766(const Index766Rules& rules, const Index766Inputs& in) {
  Index766 out;
  for (const auto& g : rules.groups) {
    Group766 x;
    x.code = g.code;
    x.max = g.max;
    x.max_with_data = g.max;
    if (g.code == "progress") x.parts = {{"on_time_rate", in.on_time_rate}};
    if (g.code == "online")
      x.parts = {{"full_dvc_share", in.full_dvc_share},
                 {"online_rate", in.online_rate},
                 {"online_payment_rate", in.online_payment_rate}};
    if (g.code == "satisfaction") {
      x.parts = {{"handling_satisfaction", in.handling_satisfaction}};
      x.max_with_data = std::min(g.max, rules.handling_max);
    }
    double sum = 0;
    int n = 0;
    for (const auto& [name, v] : x.parts)
      if (v) sum += *v, ++n;
    if (n) {
      x.rate = sum / n;
      x.points = x.max_with_data * *x.rate / 100.0;
      out.points += *x.points;
      out.max_with_data += x.max_with_data;
    } else {
      x.max_with_data = 0;
    }
    out.groups.push_back(std::move(x));
  }
  return out;
}

}  // namespace kientao::services
