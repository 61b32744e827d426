#pragma once
// A shared library opened when it is first needed (dlopen), not when the program starts.
// Linking libzip, expat and libxlsxwriter made every run map and relocate them and what they
// bring (libcrypto, libbz2, libz, libminizip): about 3 ms of a one-sheet run's 10 ms, for
// libraries only a workbook read or an xlsx report uses (docs/performance.md).
//
// A library's functions are listed once, as an X-macro of their C names; KPI_LIBRARY_TABLE
// makes the struct of their pointers and KPI_LIBRARY_ACCESSOR the function that fills it.
// Generic: knows nothing of kpi-report.
#include <bit>
#include <string>

namespace kpi::util {

class SharedLibrary {
 public:
  // Opens `soname` (e.g. "libzip.so.4"); when it cannot, error() says why.
  explicit SharedLibrary(const char* soname);
  // The address of the function `name` as F (a function pointer type), or null; a missing
  // function is recorded in error() (the first one only).
  template <class F>
  F function(const char* name) {
    return std::bit_cast<F>(address(name));
  }
  // "" when the library and every function asked for were found.
  const std::string& error() const { return error_; }

 private:
  void* address(const char* name);

  const char* soname_;
  void* handle_ = nullptr;
  std::string error_;
};

}  // namespace kpi::util

// A library's table: a struct `Table` with a member of each function `FUNCTIONS` lists (an
// X-macro of their C names), called as table.name(...), and `error`: "" when the library and
// every function were found.
#define KPI_LIBRARY_TABLE(Table, FUNCTIONS) \
  struct Table {                            \
    FUNCTIONS(KPI_LIBRARY_MEMBER)           \
    std::string error;                      \
  }
#define KPI_LIBRARY_MEMBER(name) decltype(&::name) name = nullptr;

// Defines `const Table& accessor()`: the table, filled from `soname` on the first call
// (thread-safe; the library stays open to the end of the process).
#define KPI_LIBRARY_ACCESSOR(Table, accessor, soname, FUNCTIONS) \
  const Table& accessor() {                                      \
    static const Table loaded = [] {                             \
      ::kpi::util::SharedLibrary library(soname);                \
      Table table;                                               \
      FUNCTIONS(KPI_LIBRARY_LOAD)                                \
      table.error = library.error();                             \
      return table;                                              \
    }();                                                         \
    return loaded;                                               \
  }
#define KPI_LIBRARY_LOAD(name) table.name = library.function<decltype(&::name)>(#name);
