// ctest runs each Catch2 test case by name (catch_discover_tests): a name with ';' is split
// into several ctest tests whose filters match nothing and pass without running anything, and
// a name starting with '-' is read as an option (-o writes the report to a file). Both make
// tests that cannot fail under ctest; this one fails instead.
#include <catch2/catch.hpp>

TEST_CASE("every test name survives ctest", "[tests]") {
  for (const auto& test : Catch::getRegistryHub().getTestCaseRegistry().getAllTests()) {
    const auto& name = test.getTestCaseInfo().name;
    INFO(name);
    CHECK(name.find(';') == std::string::npos);
    CHECK_FALSE(name.empty());
    CHECK(name.front() != '-');
    CHECK(name.front() != ' ');
  }
}
