#pragma once
// A shared library opened when it is first needed (dlopen), not when the program starts.
// Linking libzip, expat and libxlsxwriter made every run map and relocate them and what they
// bring (libcrypto, libbz2, libz, libminizip): about 3 ms of a one-sheet run's 10 ms, for
// libraries only a workbook read or an xlsx report uses (docs/performance.md).
//
// A library's functions are listed once, as an X-macro of their C names; the table struct
// gets a member of each name and type (KPI_LIBRARY_MEMBER), and the loader fills them in
// (KPI_LIBRARY_LOAD). Generic: knows nothing of kpi-report.
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

// A member of a library's table: the C function `name`'s pointer, called as table.name(...).
#define KPI_LIBRARY_MEMBER(name) decltype(&::name) name = nullptr;
// Fills that member from `library` (a SharedLibrary) into `table`.
#define KPI_LIBRARY_LOAD(library, table, name) \
  (table).name = (library).function<decltype(&::name)>(#name);
