#pragma once
// A golden-case engine (tests/golden_cases_test.cpp): runs every case of a *.cases.toml against the
// rule files it names and answers how many it ran. A module registers its own engines from
// src/modules/<m>/tests/*_cases.cpp, which join golden_cases_test by their folder:
//
//   const golden::Register kEngine("poverty-classification", [](auto& cases, auto& rules) { … });
#include <functional>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>
#include <toml++/toml.h>

namespace kientao::golden {

using RuleText = std::pair<std::string, std::string>;  // a rule file's name and text
using Engine = std::function<int(const toml::table& cases, const std::vector<RuleText>& rules)>;

inline std::map<std::string, Engine>& Registry() {
  static std::map<std::string, Engine> engines;
  return engines;
}

struct Register {
  Register(std::string name, Engine e) { Registry().emplace(std::move(name), std::move(e)); }
};

inline std::string Str(const toml::table& t, const char* key) {
  return t[key].value_or(std::string());
}

// The [[name]] cases of a file; a file without them fails the test.
inline const toml::array& List(const toml::table& cases, const char* name) {
  static const toml::array kNone;
  auto* a = cases[name].as_array();
  EXPECT_TRUE(a) << "no [[" << name << "]] cases";
  return a ? *a : kNone;
}

}  // namespace kientao::golden
