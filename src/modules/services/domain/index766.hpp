#pragma once
// Decision 766/QĐ-TTg's index of service in handling administrative procedures: five groups with
// their maximum points (rules/qd-766-2022.toml), each group's rate from the sub-criteria kientao
// has data for, and its points. Pure: the rates come in, no database.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kientao::services {

struct Index766Rules {
  struct Group {
    std::string code;  // "progress"
    double max = 0;
  };
  std::vector<Group> groups;     // in the decision's order
  double handling_max = 6;       // the satisfaction group's points for handling dossiers
  bool points_verified = false;  // how rates become points
  // Throws RuleFileError naming the file and key.
  static Index766Rules Load(std::string_view text);
};

// The rates (percent) kientao computes for a period; nullopt when there is no denominator or no
// data.
struct Index766Inputs {
  std::optional<double> on_time_rate;           // progress: returned by the appointment
  std::optional<double> full_dvc_share;         // online: procedures with a full-process service
  std::optional<double> online_rate;            // online: dossiers submitted online
  std::optional<double> online_payment_rate;    // online: fees paid online
  std::optional<double> handling_satisfaction;  // satisfaction (3): not late and not dissatisfied
};

struct Group766 {
  std::string code;
  double max = 0;            // the group's maximum in the decision
  double max_with_data = 0;  // the part of it kientao has data for
  std::vector<std::pair<std::string, std::optional<double>>> parts;  // sub-criterion → rate
  std::optional<double> rate;                                        // mean of the parts with data
  std::optional<double> points;                                      // max_with_data × rate ÷ 100
};

struct Index766 {
  std::vector<Group766> groups;
  double points = 0;         // of the groups with data
  double max_with_data = 0;  // what those groups could give
};

Index766 Compute766(const Index766Rules& rules, const Index766Inputs& in);

}  // namespace kientao::services
