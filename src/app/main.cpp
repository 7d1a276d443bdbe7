#include "app/cli.hpp"

int main(int argc, char** argv) { return kientao::app::RunCli(argc, argv); }
