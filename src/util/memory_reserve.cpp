// The hook through which a run announces memory it is about to fill (memory_reserve.hpp).
#include "kpi/util/memory_reserve.hpp"

namespace kpi::util {

namespace {

MemoryReserver registered = nullptr;

}  // namespace

void set_memory_reserver(MemoryReserver reserver) {
  registered = reserver;
}

void reserve_memory(std::size_t bytes) {
  if (registered != nullptr) registered(bytes);
}

}  // namespace kpi::util
