#pragma once
// The generated inputs of the hostile-input corpus (tests/hostile/cases.tsv: input gen:NAME):
// big, binary or file-system cases made in a temporary directory instead of committed.
#include <filesystem>
#include <string>

namespace kpi::testing {

struct HostileInput {
  std::string args;              // command-line paths, quoted for the shell
  std::string path;              // what {path} stands for in the expected messages
  std::string prefix;            // command before the binary (dropping root privileges), or ""
  bool permissions_hold = true;  // false: running as root, chmod 000 does not stop reads
};

// Makes input `name` (without "gen:") under `dir`; throws for an unknown name.
HostileInput make_hostile_input(const std::string& name, const std::filesystem::path& dir);

}  // namespace kpi::testing
