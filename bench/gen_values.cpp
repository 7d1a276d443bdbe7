// Writes the synthetic values as CSV (commune, unit, indicator, period, numerator, denominator) for
// loading into PostgreSQL, SQLite and DuckDB. Usage: gen_values city|country [periods=1].
#include <cstdio>
#include <cstdlib>
#include <string>

#include "bench/generators.hpp"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: gen_values city|country [periods]\n");
    return 2;
  }
  auto shape =
      std::string(argv[1]) == "country" ? kientao::bench::Country() : kientao::bench::City();
  int periods = argc > 2 ? std::atoi(argv[2]) : 1;
  static char buf[1 << 20];
  std::setvbuf(stdout, buf, _IOFBF, sizeof buf);
  for (int p = 0; p < periods; ++p)
    kientao::bench::Values(shape, p, [&](int commune, long long unit, int k, double n, double d) {
      std::printf("%d,%lld,%d,%d,%.0f,%.0f\n", commune, unit, k, p, n, d);
    });
  return 0;
}
