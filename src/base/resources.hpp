#pragma once
// Files built into the program (templates, message catalogues, migrations), by path relative to the
// source tree: "src/modules/org/migrations/0001_org.sql".
#include <string_view>
#include <utility>
#include <vector>

namespace kientao {

const std::vector<std::pair<std::string_view, std::string_view>>& EmbeddedResources();

}  // namespace kientao
