#pragma once
// Indicator providers: modules supplying indicator values from their own registries, so nothing is
// typed twice. Registered by the application.
#include "modules/indicator/service.hpp"

namespace kientao::app {

void RegisterProviders(indicator::IndicatorService& indicators);

}  // namespace kientao::app
