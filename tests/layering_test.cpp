// The architecture's rules, checked on the source tree (ARCHITECTURE.md, CONTRIBUTING.md):
// - only base/clock reads the system clock;
// - a module reads another module's data only through that module's service or store interface:
//   it neither includes another module's store/ nor names another module's tables in its SQL.
// Cross-module table reads that predate the rule are listed in tests/layering_known.txt; the test
// fails on any new one, and on a listed one that is gone (so the list only shrinks).
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

namespace fs = std::filesystem;

namespace {

const fs::path kRoot = KIENTAO_SOURCE_DIR;

std::string Read(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

bool IsSource(const fs::path& p) {
  auto e = p.extension().string();
  return e == ".cpp" || e == ".hpp";
}

std::string Rel(const fs::path& p) { return fs::relative(p, kRoot).generic_string(); }

// Module → the tables its migrations create.
std::map<std::string, std::set<std::string>> TablesByModule() {
  std::map<std::string, std::set<std::string>> out;
  std::regex create(R"(CREATE TABLE ([a-z_]+))");
  for (auto& dir : fs::directory_iterator(kRoot / "src/modules")) {
    fs::path mig = dir.path() / "migrations";
    if (!fs::exists(mig)) continue;
    for (auto& f : fs::directory_iterator(mig)) {
      std::string text = Read(f.path());
      for (std::sregex_iterator it(text.begin(), text.end(), create), end; it != end; ++it)
        out[dir.path().filename().string()].insert((*it)[1]);
    }
  }
  return out;
}

}  // namespace

TEST(Layering, OnlyTheClockReadsTheSystemClock) {
  std::regex wall(R"(system_clock::now|std::time\(|time\(nullptr\)|Date::Today\(|localtime)");
  for (auto& e : fs::recursive_directory_iterator(kRoot / "src")) {
    if (!e.is_regular_file() || !IsSource(e.path())) continue;
    std::string rel = Rel(e.path());
    if (rel == "src/base/clock.cpp" || rel == "src/base/clock_test.cpp") continue;
    std::string text = Read(e.path());
    EXPECT_FALSE(std::regex_search(text, wall)) << rel << " reads the wall clock: use base/clock";
  }
}

TEST(Layering, AModuleReadsAnotherOnlyThroughItsInterface) {
  auto tables = TablesByModule();
  ASSERT_GT(tables.size(), 5u);
  std::set<std::string> known;
  {
    std::istringstream in(Read(kRoot / "tests/layering_known.txt"));
    for (std::string line; std::getline(in, line);)
      if (!line.empty() && line[0] != '#') known.insert(line);
  }
  std::set<std::string> found;
  std::regex include_store(R"(#include "modules/([a-z_]+)/store/)");
  for (auto& dir : fs::directory_iterator(kRoot / "src/modules")) {
    std::string mine = dir.path().filename().string();
    for (auto& e : fs::recursive_directory_iterator(dir.path())) {
      if (!e.is_regular_file() || !IsSource(e.path())) continue;
      std::string rel = Rel(e.path());
      std::string text = Read(e.path());
      for (std::sregex_iterator it(text.begin(), text.end(), include_store), end; it != end; ++it)
        EXPECT_EQ((*it)[1], mine) << rel << " includes the store of module " << (*it)[1];
      for (auto& [owner, names] : tables) {
        if (owner == mine) continue;
        for (auto& t : names) {
          std::regex use("(FROM|JOIN|INTO|UPDATE)\\s+" + t + "\\b");
          if (std::regex_search(text, use)) found.insert(rel + " " + t);
        }
      }
    }
  }
  for (auto& f : found)
    EXPECT_TRUE(known.count(f)) << f
                                << ": a new read of another module's table; go through its "
                                   "service or store interface";
  for (auto& k : known)
    EXPECT_TRUE(found.count(k)) << k
                                << " no longer happens: remove it from tests/layering_known.txt";
}
