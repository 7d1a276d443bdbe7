// The indicator module's manifest: the catalogue of indicators, validation rules and targets, and
// the providers other modules register. Its pages are served by the reporting module for now.
#include "app/module.hpp"
#include "app/app.hpp"

namespace kientao::app {

Module IndicatorModule() {
  Module m;
  m.name = "indicator";
  m.depends_on = {"org"};
  return m;
}

}  // namespace kientao::app
