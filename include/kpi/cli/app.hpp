#pragma once
namespace kpi::cli {

// The whole command line: parse, dispatch, and the one place exceptions are caught.
int main(int argc, char** argv);

}  // namespace kpi::cli
