#include "kpi/cli/app.hpp"
#include "kpi/util/memory_reserve.hpp"

#ifdef KPI_HUGE_PAGE_ARENA
#include "huge_page_arena.hpp"
#endif

int main(int argc, char** argv) {
#ifdef KPI_HUGE_PAGE_ARENA
  kpi::util::set_memory_reserver(&kpi::reserve_huge_page_arena);
#endif
  return kpi::cli::main(argc, argv);
}
