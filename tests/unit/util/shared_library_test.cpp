// A library opened by soname on first use: its functions are found by name and typed; a
// library or a function that is missing is said, and nothing is called through a null.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdlib>
#include <cstring>

#include "kpi/util/shared_library.hpp"

using kpi::util::SharedLibrary;

TEST_CASE("shared library: a function found by name is called", "[util][shared-library]") {
  SharedLibrary library("libm.so.6");
  auto cosine = library.function<double (*)(double)>("cos");
  REQUIRE(cosine != nullptr);
  CHECK(cosine(0.0) == 1.0);
  CHECK(library.error().empty());
}

TEST_CASE("shared library: a missing library is said, with what to do", "[util][shared-library]") {
  SharedLibrary library("libkpi-no-such-library.so.0");
  CHECK(library.function<double (*)(double)>("cos") == nullptr);
  CHECK(library.error().starts_with("libkpi-no-such-library.so.0 cannot be loaded ("));
  CHECK(library.error().ends_with("): install its Debian package"));
}

TEST_CASE("shared library: the first missing function is said", "[util][shared-library]") {
  SharedLibrary library("libm.so.6");
  CHECK(library.function<double (*)(double)>("kpi_no_such_function") == nullptr);
  CHECK(library.function<double (*)(double)>("kpi_another_missing_one") == nullptr);
  CHECK(library.function<double (*)(double)>("sin") != nullptr);
  CHECK(library.error() == "libm.so.6 has no function kpi_no_such_function: a version too old");
}

// A table as the workbook libraries declare theirs: libc's strlen and atoi, by name.
#define KPI_TEST_LIBC_FUNCTIONS(X) \
  X(strlen)                        \
  X(atoi)
KPI_LIBRARY_TABLE(TestLibc, KPI_TEST_LIBC_FUNCTIONS);
KPI_LIBRARY_ACCESSOR(TestLibc, test_libc, "libc.so.6", KPI_TEST_LIBC_FUNCTIONS)

TEST_CASE("shared library: a table is filled once and called by the functions' names",
          "[util][shared-library]") {
  const auto& libc = test_libc();
  REQUIRE(libc.error.empty());
  CHECK(libc.strlen("高岡") == 6);
  CHECK(libc.atoi("1040") == 1040);
  CHECK(&test_libc() == &libc);
}
