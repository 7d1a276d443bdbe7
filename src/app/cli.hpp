#pragma once
// The command line: `kientao VERB …`. Returns the process exit code (0 ok, 1 refused or failed, 2
// usage).

namespace kientao::app {

int RunCli(int argc, char** argv);

}  // namespace kientao::app
