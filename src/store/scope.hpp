#pragma once
// Which commune a signed-in user works in, for the pages that show "my commune".
#include <string_view>

#include "base/principal.hpp"
#include "store/db.hpp"

namespace kientao::store {

// The commune of the first grant that lies in or is a commune; for grants above commune level (a
// city), the first commune under a grant carrying `permission`. 0 when none.
long long ActorCommune(Conn& c, const Principal& p, std::string_view permission);

}  // namespace kientao::store
