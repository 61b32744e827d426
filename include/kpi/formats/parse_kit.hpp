#pragma once
// The parser kit every layout shares: the small readings that each layout used to copy —
// circled numbers (①..⑳), the direction a target's qualifier implies, and the skipped-row
// report. Cells themselves are read by the grid layer (kpi/grid) and the value readers.
#include <optional>
#include <string>
#include <string_view>

#include "kpi/model/sheet.hpp"

namespace kpi::formats {

// True when `s` (trimmed) starts with a circled number ①..⑳ (U+2460..U+2473).
bool starts_with_circled_number(std::string_view s);

// The direction a target's qualifier implies: 以上 → increase, 以下 → decrease, を維持 →
// maintain; unknown for none and 程度 (about a level says nothing of the good side).
model::Direction direction_of(model::Qualifier qualifier);

// A 再掲 (re-listed) mark in a KPI name — 【再掲（№12）】, (再掲), [再掲], 〔再掲〕 — taken out
// of `name`: nullopt when there is none, else the number printed inside it ("12"), "" when
// it names none.
std::optional<std::string> take_relisted_mark(std::string& name);

// Where take_relisted_mark finds the mark: bytes [begin, end) of `name`, and its number.
struct RelistedMark {
  std::size_t begin = 0, end = 0;
  std::string number;
};
std::optional<RelistedMark> find_relisted_mark(std::string_view name);
// False when neither `printed` nor text::normalize(printed) can hold a relisted mark: it has
// no 掲, and no other character normalises to one holding 掲. Spares most names a normalisation.
bool may_hold_relisted_mark(std::string_view printed);

// A row that did not become a KPI: listed in `skipped` and reported as an
// `input.skipped-row` warning at `path:line`, with the reason (an error when what the row
// prints would otherwise pass unchecked).
void skip_row(model::ParseOutput& out, std::string_view path, int line, std::string reason,
              model::Severity severity = model::Severity::warning);

}  // namespace kpi::formats
