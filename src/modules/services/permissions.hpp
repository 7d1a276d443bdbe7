#pragma once
// The services module's permission names. Which roles hold them is in the module's manifest
// (modules/services/module.cpp); base/access only checks them.
#include <string_view>

namespace kientao::access {

// The dossier register and its statistics.
inline constexpr std::string_view kServicesRead = "services.read";
// Receiving a dossier at the counter and recording its result (the one-stop clerk).
inline constexpr std::string_view kServicesWrite = "services.write";
// The procedure catalogue and the import of the provincial one-stop system's export.
inline constexpr std::string_view kServicesImport = "services.import";
// The applicant's full citizen ID (audited).
inline constexpr std::string_view kServicesReadFull = "services.read_full";

}  // namespace kientao::access
