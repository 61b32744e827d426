#pragma once
// Streams of an OLE2 compound file (private to src/grid/), read from memory: the container
// of .xls workbooks. Every chain is followed at most once per sector, so a hostile file
// (cycles, wild sector numbers, lying sizes) yields at most its own size in bytes.
#include <optional>
#include <string>
#include <string_view>

namespace kpi::grid {

// The bytes of the named stream ("Workbook"), nullopt when the file or the stream is broken
// or absent.
std::optional<std::string> read_ole_stream(std::string_view file, std::string_view name);

}  // namespace kpi::grid
