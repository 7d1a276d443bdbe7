// The Alkire–Foster figures of a country's households (issue 12): N households (default 27,000,000,
// about Vietnam's) generated into <dir>/households.csv — area, income per person, and one 0/1
// column per indicator of the 2022–2026 standard — then read back as a stream (never held in
// memory) through poverty::MeasuresAccumulator with k = 3/12 and the income cut-off: H, A, M0 and
// each indicator's contribution. bench/poverty_compare.sh computes the same in DuckDB on the same
// file in the same run. Usage: poverty_bench <dir> [households]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "modules/poverty/domain/standard.hpp"

using namespace kientao;

namespace {

double Seconds(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

std::string Read(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// A deterministic mix: a third urban, incomes from 0.6 to 6 million with more near the lines, each
// indicator deprived with its own small probability, more often for low incomes.
void Generate(const std::string& path, long n, const poverty::Standard& s) {
  std::FILE* f = std::fopen(path.c_str(), "wb");
  std::string header = "area,income_per_capita";
  for (auto& i : s.indicators) header += "," + i.code;
  std::fprintf(f, "%s\n", header.c_str());
  unsigned long long x = 88172645463325252ull;
  auto next = [&] {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    return x;
  };
  std::string line;
  for (long h = 0; h < n; ++h) {
    bool urban = next() % 3 == 0;
    long income = 600000 + static_cast<long>(next() % 5400000);
    if (next() % 4 == 0) income = 1200000 + static_cast<long>(next() % 1200000);
    unsigned poor_bias = income < 2000000 ? 3 : 1;
    line = urban ? "urban," : "rural,";
    line += std::to_string(income);
    for (size_t j = 0; j < s.indicators.size(); ++j)
      line += (next() % 100) < 6 + 5 * poor_bias + j % 4 ? ",1" : ",0";
    line += '\n';
    std::fwrite(line.data(), 1, line.size(), f);
  }
  std::fclose(f);
}

// Streams the file in 8 MB blocks; each line's fields are read in place.
poverty::Measures Stream(const std::string& path, const poverty::Standard& s, double k) {
  poverty::MeasuresAccumulator acc(s, k, true);
  std::FILE* f = std::fopen(path.c_str(), "rb");
  std::vector<char> buf(8 << 20);
  std::string carry;
  bool header = true;
  auto line = [&](const char* p, const char* end) {
    if (header) {
      header = false;
      return;
    }
    poverty::Area area = *p == 'u' ? poverty::Area::kUrban : poverty::Area::kRural;
    while (p < end && *p != ',') ++p;
    ++p;
    long income = 0;
    while (p < end && *p != ',') income = income * 10 + (*p++ - '0');
    uint32_t mask = 0;
    for (uint32_t j = 0; p + 1 < end; ++j, p += 2)
      if (p[1] == '1') mask |= 1u << j;
    acc.AddMask(area, static_cast<double>(income), mask);
  };
  size_t got;
  while ((got = std::fread(buf.data(), 1, buf.size(), f)) > 0) {
    const char* p = buf.data();
    const char* end = p + got;
    if (!carry.empty()) {
      const char* nl = static_cast<const char*>(std::memchr(p, '\n', got));
      if (!nl) {
        carry.append(p, got);
        continue;
      }
      carry.append(p, nl);
      line(carry.data(), carry.data() + carry.size());
      carry.clear();
      p = nl + 1;
    }
    while (p < end) {
      const char* nl = static_cast<const char*>(std::memchr(p, '\n', end - p));
      if (!nl) {
        carry.assign(p, end);
        break;
      }
      line(p, nl);
      p = nl + 1;
    }
  }
  std::fclose(f);
  return acc.Result();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: poverty_bench <dir> [households]\n";
    return 2;
  }
  std::string dir = argv[1];
  long n = argc > 2 ? std::atol(argv[2]) : 27000000;
  std::filesystem::create_directories(dir);
  poverty::Standard s = poverty::Standard::Load(
      Read(std::string(KIENTAO_SOURCE_DIR) + "/src/modules/poverty/rules/nd-07-2021.toml"),
      "nd-07-2021.toml");
  std::string path = dir + "/households.csv";
  auto t = std::chrono::steady_clock::now();
  Generate(path, n, s);
  std::cout << fmt::format("generated {} households: {:.1f} MB in {:.1f} s\n", n,
                           std::filesystem::file_size(path) / 1e6, Seconds(t));
  double best = 1e9;
  poverty::Measures m;
  for (int i = 0; i < 3; ++i) {
    t = std::chrono::steady_clock::now();
    m = Stream(path, s, 0.25);
    best = std::min(best, Seconds(t));
  }
  std::cout << fmt::format(
      "kientao AF (k = 3/12, income cut-off), streamed: n {} q {} H {:.6f} A {:.6f} M0 {:.6f} "
      "water {:.6f}; best {:.2f} s of 3 ({:.1f} M households/s)\n",
      m.n, m.q, m.H, m.A, m.M0, m.contributions.at("water"), best, n / best / 1e6);
  std::cout << fmt::format("kientao_seconds={:.3f}\n", best);
  return 0;
}
