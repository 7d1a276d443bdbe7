#pragma once
// ":1, :2, …, :n" — the placeholders of an SQL "IN (…)" list of n values, numbered from `first`.
#include <cstddef>
#include <string>

namespace kientao::store {

inline std::string InList(size_t n, size_t first = 1) {
  std::string out;
  for (size_t i = 0; i < n; ++i) out += (i ? ", :" : ":") + std::to_string(first + i);
  return out;
}

// At most this many values in one IN list: under SQLite's and PostgreSQL's parameter limits.
constexpr size_t kInListMax = 500;

}  // namespace kientao::store
