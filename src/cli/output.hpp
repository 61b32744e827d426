#pragma once
// Writing results: to stdout (a closed pipe is not an error) or atomically to a file.
#include <string>

namespace kpi::cli {

// Writes `content` to stdout, or to `path` via a temporary file and rename when non-empty.
// Returns false and prints a message on failure (but not when stdout is a closed pipe).
bool emit(const std::string& content, const std::string& path);

}  // namespace kpi::cli
