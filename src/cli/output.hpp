#pragma once
// Writing results: to stdout (a closed pipe is not an error) or atomically to a file.
#include <functional>
#include <ostream>
#include <string>

namespace kpi::cli {

// Writes `content` to stdout, or to `path` via a temporary file and rename when non-empty.
// Returns false and prints a message on failure (but not when stdout is a closed pipe).
bool emit(const std::string& content, const std::string& path);

// What `write` puts on the stream, written to stdout as it comes (never held whole), or to
// `path` through a temporary file and rename, as emit does.
using Writer = std::function<void(std::ostream& out)>;
bool emit_streamed(const Writer& write, const std::string& path);

// Whether what goes to `path` (stdout when empty or "-") and stderr end up apart (two files, a
// file and a terminal, either of them /dev/null), so that they can be written at the same
// time without mixing lines.
bool output_apart_from_stderr(const std::string& path);

}  // namespace kpi::cli
