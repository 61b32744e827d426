#include "kpi/cli/app.hpp"
#include "kpi/util/memory_reserve.hpp"

#ifdef KPI_POPULATED_ARENA
#include "populated_arena.hpp"
#endif

int main(int argc, char** argv) {
#ifdef KPI_POPULATED_ARENA
  kpi::util::set_memory_reserver(&kpi::populated_arena);
#endif
  return kpi::cli::main(argc, argv);
}
