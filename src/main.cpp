#include "kpi/cli/app.hpp"

int main(int argc, char** argv) {
  return kpi::cli::main(argc, argv);
}
