#pragma once
// SQL "IN (…)" lists of many values, sent in slices under the databases' parameter limits.
#include <algorithm>
#include <cstddef>
#include <string>
#include <vector>

#include "store/db.hpp"

namespace kientao::store {

// ":1, :2, …, :n" — the placeholders of an IN list of n values, numbered from `first`.
inline std::string InList(size_t n, size_t first = 1) {
  std::string out;
  for (size_t i = 0; i < n; ++i) out += (i ? ", :" : ":") + std::to_string(first + i);
  return out;
}

// At most this many values in one IN list: under SQLite's and PostgreSQL's parameter limits.
constexpr size_t kInListMax = 500;

// Calls f(params, in_list) once for each slice of at most kInListMax of `ids`: `params` holds
// `fixed` (the statement's other parameters, :1 … :k) and then the slice's ids, and `in_list`
// their placeholders (":k+1, …"), for "… IN (" + in_list + ")".
template <typename F>
void ForEachIdSlice(const std::vector<long long>& ids, const std::vector<Value>& fixed, F f) {
  for (size_t at = 0; at < ids.size(); at += kInListMax) {
    size_t n = std::min(ids.size() - at, kInListMax);
    std::vector<Value> params(fixed);
    params.insert(params.end(), ids.begin() + static_cast<long>(at),
                  ids.begin() + static_cast<long>(at + n));
    f(params, InList(n, fixed.size() + 1));
  }
}

}  // namespace kientao::store
