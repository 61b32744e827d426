// Reads hand-typed value cells: a left-to-right scan of the NFKC text outside brackets.
//
// A number is a value when it is not part of a year ("H30", "R元.11"), not a grade or a
// year count ("小学6年生", "2年"), and is followed by a short unit ("人", "個/年", "%"), an
// optional qualifier (以上 以下 程度 を維持) and then a separator (space, bracket, "・",
// "、", end). Numbers inside prose ("市内12の組織において…") are not values. The text
// before a value is its label. A bracket after a value holds its time point ("(H30)",
// "(H30 直江津)"), a label ("(直江津)"), a breakdown in the same unit or reference figures in
// another unit. From a "※" outside brackets on, the cell is a remark.
#include "kpi/formats/value_parts.hpp"

#include "kpi/formats/printed_value.hpp"
#include "kpi/formats/time_point.hpp"
#include "kpi/text/era.hpp"
#include "kpi/text/mapped.hpp"
#include "kpi/text/number.hpp"
#include "kpi/text/stable_text.hpp"
#include "kpi/text/strings.hpp"

namespace kpi::formats {
namespace {

using text::starts_with;

constexpr int max_bracket_depth = 4;  // deeper brackets are read as plain text
constexpr int max_unit_chars = 8;

// Characters that end a unit or separate one value from the next.
constexpr std::string_view separators[] = {" ", "(", ")", "・", "、", ",", ";", "※", "。"};
constexpr std::string_view label_trim[] = {" ", "・", "、", ",", ";", ":"};

int char_length(std::string_view s, std::size_t i) {
  int len = text::utf8_length(static_cast<unsigned char>(s[i]));
  return i + static_cast<std::size_t>(len) > s.size() ? 1 : len;
}

bool separator_at(std::string_view s, std::size_t i) {
  for (auto sep : separators)
    if (s.substr(i, sep.size()) == sep) return true;
  return false;
}

// A unit is short and no prose (formats::is_prose): "の組織において…" is not a unit.
bool plausible_unit(std::string_view unit) {
  int chars = 0;
  for (std::size_t i = 0; i < unit.size(); i += static_cast<std::size_t>(char_length(unit, i)))
    ++chars;
  return chars <= max_unit_chars && !is_prose(unit);
}

std::string_view skip_prefixes(std::string_view s, const std::string_view* set, std::size_t n,
                               bool from_back) {
  for (bool changed = true; changed && !s.empty();) {
    changed = false;
    for (std::size_t k = 0; k < n; ++k) {
      auto p = set[k];
      if (!from_back && starts_with(s, p)) s.remove_prefix(p.size()), changed = true;
      if (from_back && text::ends_with(s, p)) s.remove_suffix(p.size()), changed = true;
    }
  }
  return s;
}

class Reader {
 public:
  explicit Reader(const text::MappedText& m) : m_(m), s_(m.normalized) {}

  // Values in s_[begin, end); time points, remark and leftover text go to `cell`.
  std::vector<ValuePart> read(std::size_t begin, std::size_t end, ValueCell& cell, int depth);

 private:
  struct Scan {
    std::size_t end;
    ValueCell& cell;
    int depth;
    std::vector<ValuePart> parts;
    std::size_t label_start;
    bool part_open = false;  // a bracket here still belongs to the last value
  };

  std::string original(std::size_t b, std::size_t e) const {
    return std::string(text::trim(m_.original_slice(b, e)));
  }
  std::size_t matching_close(std::size_t open, std::size_t end) const;
  std::optional<PrintedValue> value_at(std::size_t digit, std::size_t label_start,
                                       std::size_t end) const;
  std::string label_text(std::size_t b, std::size_t e) const;
  std::size_t bracket(Scan& scan, std::size_t open);
  bool time_bracket(Scan& scan, std::size_t b, std::size_t e);
  bool numbers_bracket(Scan& scan, std::size_t b, std::size_t e);
  void add_value(Scan& scan, const PrintedValue& v);
  void append_leftover(ValueCell& cell, std::string piece) const;

  const text::MappedText& m_;
  std::string_view s_;
};

std::size_t Reader::matching_close(std::size_t open, std::size_t end) const {
  int depth = 0;
  for (std::size_t i = open; i < end; ++i) {
    if (s_[i] == '(') ++depth;
    if (s_[i] == ')' && --depth == 0) return i;
  }
  return end;  // unclosed: the bracket runs to the end
}

// The value at a digit (formats::read_value), when it stands alone: its text (unit and
// qualifier) runs up to a separator or the end; not a year count or grade ("2年", "6年生").
std::optional<PrintedValue> Reader::value_at(std::size_t digit, std::size_t label_start,
                                             std::size_t end) const {
  std::string_view s = s_.substr(0, end);
  auto number = number_at(s, digit, label_start);
  if (!number || starts_with(s.substr(number->end), "年")) return std::nullopt;
  std::size_t text_end = number->end;  // a digit ends it too: the next number starts there
  while (text_end < s.size() && !separator_at(s, text_end) && !text::is_ascii_digit(s[text_end]))
    text_end += static_cast<std::size_t>(char_length(s, text_end));
  if (text_end < s.size() && !separator_at(s, text_end)) return std::nullopt;  // inside prose
  PrintedValue v{*number, suffix_at(s, number->end, text_end)};
  if (v.end() != text_end || !plausible_unit(v.suffix.unit)) return std::nullopt;
  return v;
}

std::string Reader::label_text(std::size_t b, std::size_t e) const {
  auto whole = s_.substr(b, e - b);
  auto trimmed = skip_prefixes(whole, label_trim, std::size(label_trim), false);
  trimmed = skip_prefixes(trimmed, label_trim, std::size(label_trim), true);
  if (trimmed.empty()) return {};
  std::size_t tb = b + static_cast<std::size_t>(trimmed.data() - whole.data());
  return original(tb, tb + trimmed.size());
}

void Reader::append_leftover(ValueCell& cell, std::string piece) const {
  if (piece.empty()) return;
  if (!cell.leftover.empty()) cell.leftover += ' ';
  cell.leftover += piece;
}

void Reader::add_value(Scan& scan, const PrintedValue& v) {
  ValuePart part;
  part.label = label_text(scan.label_start, v.begin());
  part.value = {v.number.number, original(v.begin(), v.end())};
  part.unit = v.suffix.unit;
  part.qualifier = v.suffix.qualifier;
  scan.parts.push_back(std::move(part));
  scan.part_open = true;
  scan.label_start = v.end();
}

// "(H30)", "(H30 直江津)", "(R4実績)", "(H26～H30の平均値)", "(R5.1~6)".
bool Reader::time_bracket(Scan& scan, std::size_t b, std::size_t e) {
  auto at = time_point_in(s_, b, e);
  if (!at) return false;
  TimePoint time{original(at->begin, at->end), at->fiscal_year};
  std::string label = label_text(at->end, e);
  if (!scan.cell.time) scan.cell.time = time;
  if (!scan.part_open) {
    append_leftover(scan.cell, "(" + original(b, e) + ")");
    return true;
  }
  auto& part = scan.parts.back();
  if (!part.time)
    part.time = time;
  else
    append_leftover(scan.cell, "(" + time.text + ")");
  if (part.label.empty())
    part.label = label;
  else if (!label.empty())
    append_leftover(scan.cell, label);
  return true;
}

// A bracket with values: a breakdown when they share the unit of the value before it
// ("3,034人/日 (ほくほく線: 1,395人/日 …)"), else reference figures. Returns false for a
// bracket of words only.
bool Reader::numbers_bracket(Scan& scan, std::size_t b, std::size_t e) {
  ValueCell inner;
  auto parts = read(b, e, inner, scan.depth + 1);
  if (parts.empty()) return false;
  if (!scan.cell.time && inner.time) scan.cell.time = inner.time;
  if (!scan.part_open) {
    append_leftover(scan.cell, "(" + original(b, e) + ")");
    return true;
  }
  auto& owner = scan.parts.back();
  bool same_unit = !owner.unit.empty();
  for (const auto& p : parts) same_unit = same_unit && p.unit == owner.unit;
  if (same_unit) {
    owner.breakdown = std::move(parts);
    append_leftover(scan.cell, inner.leftover);
    append_leftover(scan.cell, inner.remark);
    return true;
  }
  for (auto& p : parts) owner.references.push_back(std::move(p));
  if (!owner.reference_text.empty()) owner.reference_text += ' ';
  owner.reference_text += original(b, e);
  return true;
}

// Reads the bracket opening at `open`; returns where scanning goes on.
std::size_t Reader::bracket(Scan& scan, std::size_t open) {
  std::size_t close = matching_close(open, scan.end);
  std::size_t b = open + 1, e = close, next = close < scan.end ? close + 1 : scan.end;
  if (time_bracket(scan, b, e) || numbers_bracket(scan, b, e)) {
    scan.label_start = next;
    return next;
  }
  // Words only: "(直江津)" names the value before it; otherwise it is part of a label.
  if (scan.part_open && scan.parts.back().label.empty()) {
    scan.parts.back().label = original(b, e);
    scan.label_start = next;
    return next;
  }
  scan.part_open = false;
  return next;
}

std::vector<ValuePart> Reader::read(std::size_t begin, std::size_t end, ValueCell& cell,
                                    int depth) {
  Scan scan{end, cell, depth, {}, begin};
  auto next_year = text::find_fiscal_year(s_.substr(0, end), begin);
  std::size_t i = begin;
  while (i < end) {
    if (next_year && i > next_year->begin) next_year = text::find_fiscal_year(s_.substr(0, end), i);
    if (s_[i] == '(' && depth < max_bracket_depth) {
      i = bracket(scan, i);
      continue;
    }
    if (starts_with(s_.substr(i), "※")) {
      std::string remark = original(i, end);
      if (depth == 0)
        cell.remark = remark;
      else
        append_leftover(cell, remark);
      scan.label_start = i = end;
      break;
    }
    if (next_year && i == next_year->begin) {  // "H30", "R元.11": words, not values
      i = next_year->end;
      scan.part_open = false;
      continue;
    }
    if (text::is_ascii_digit(s_[i])) {
      if (auto found = value_at(i, scan.label_start, end)) {
        add_value(scan, *found);
        i = found->end();
        continue;
      }
      auto token = text::find_number(s_.substr(0, end), i);
      // No number (a run of digits too long for one): skip the whole run, so that a long
      // run costs its length once, not its length squared.
      auto next = i + 1;
      if (!token)
        while (next < end && (text::is_ascii_digit(s_[next]) || s_[next] == ',' || s_[next] == '.'))
          ++next;
      i = token ? std::max(token->end, i + 1) : next;
      scan.part_open = false;
      continue;
    }
    if (s_[i] != ' ') scan.part_open = false;
    i += static_cast<std::size_t>(char_length(s_, i));
  }
  if (!scan.parts.empty()) append_leftover(cell, label_text(scan.label_start, end));
  return std::move(scan.parts);
}

void flatten_into(const ValuePart& part, std::vector<const ValuePart*>& out) {
  out.push_back(&part);
  for (const auto& p : part.breakdown) out.push_back(&p);
}

}  // namespace

ValueCell read_value_cell(std::string_view cell) {
  ValueCell out;
  out.text = text::is_squeezed(cell) ? std::string(cell) : text::squeeze_spaces(cell);
  text::MappedText mapped;
  text::normalize_mapped_into(out.text, mapped);
  if (text::is_no_value(mapped.normalized)) {
    out.no_value = true;
    return out;
  }
  Reader reader(mapped);
  out.parts = reader.read(0, mapped.normalized.size(), out, 0);
  return out;
}

std::vector<const ValuePart*> flatten_parts(const ValueCell& cell) {
  std::vector<const ValuePart*> out;
  for (const auto& p : cell.parts) flatten_into(p, out);
  return out;
}

}  // namespace kpi::formats
