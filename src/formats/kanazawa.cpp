// Kanazawa: 第3次金沢版総合戦略 (FY2024–FY2028), text extracted from the PDF.
//
// The document is prose with headings: 基本目標 N → (n) measure → ① sub-measure. KPI blocks
// start at a "KPI（重要業績評価指標）" heading (spelt with full- or half-width brackets and
// with or without spaces, "K P I") or, right under a basic goal, at "数値目標"; they end at
// "（具体的な事業）", "基本的方向" or the next heading. The table of contents (entries ending
// in a tab and a page number) and "K P I（重要業績評価指標）" inside prose or the glossary note
// are not headings: a heading is a whole line. Inside a block every line becomes a KPI or a
// skipped row (see kanazawa_rows.cpp). KPI ids are the position: "1-(1)-①", "1-(1)" for a
// block right under a measure, "1-数値目標" for a basic goal's numeric targets.
#include "kpi/formats/kanazawa.hpp"
#include "kpi/formats/parse_kit.hpp"

#include <algorithm>
#include <unordered_map>
#include <vector>

#include <string.h>  // memrchr (GNU)

#include <fmt/format.h>

#include "kpi/formats/kanazawa_rows.hpp"
#include "kpi/formats/plan_path.hpp"
#include "kpi/formats/printed_name.hpp"
#include "kpi/text/line_reader.hpp"
#include "kpi/text/mapped.hpp"
#include "kpi/text/name_form.hpp"
#include "kpi/text/normalize.hpp"
#include "kpi/text/pdf_spacing.hpp"
#include "kpi/text/stable_text.hpp"
#include "kpi/text/strings.hpp"

namespace kpi::formats::kanazawa {
namespace {

using text::starts_with;

constexpr std::string_view numeric_targets_label = "数値目標";
constexpr std::string_view kpi_headings[] = {"KPI(重要業績評価指標)", "重要業績評価指標(KPI)"};
constexpr std::string_view block_ends[] = {"(具体的な事業)", "具体的な事業", "基本的方向",
                                           "(基本的方向)"};

enum class HeadingKind { none, goal, measure, sub_measure, kpi_block, numeric_targets, block_end };

struct Heading {
  HeadingKind kind = HeadingKind::none;
  std::string label;            // "1", "(1)", "①" (normalised)
  std::size_t title_begin = 0;  // where the title starts in the normalised line
  std::string text;             // the title as printed (titled_heading)
};

// Without spaces and without 【】 around it: "K P I （重要業績評価指標）" →
// "KPI(重要業績評価指標)".
std::string compact(std::string_view normalized) {
  std::string out;
  for (char c : normalized)
    if (c != ' ' && c != '\t') out += c;
  if (starts_with(out, "【") && text::ends_with(out, "】")) out = out.substr(3, out.size() - 6);
  return out;
}

// Longer than any KPI-block heading or block end even without its spaces: read without
// compacting a copy of every line.
bool could_be_word_heading(std::string_view normalized) {
  constexpr std::size_t longest = 64;  // "【KPI(重要業績評価指標)】" and room to spare
  std::size_t n = 0;
  for (char c : normalized)
    if (c != ' ' && c != '\t' && ++n > longest) return false;
  return true;
}

// "基本目標1 若い世代に…\t7": a table-of-contents entry ends in a tab and a page number.
bool is_toc_entry(std::string_view raw) {
  const void* last_tab = ::memrchr(raw.data(), '\t', raw.size());  // fast on long lines
  if (!last_tab || text::contains(raw, "→")) return false;
  auto tab = static_cast<std::size_t>(static_cast<const char*>(last_tab) - raw.data());
  auto page = text::trim(raw.substr(tab + 1));
  return !page.empty() && std::all_of(page.begin(), page.end(), text::is_ascii_digit);
}

std::size_t digits_at(std::string_view s, std::size_t i) {
  std::size_t n = 0;
  while (i + n < s.size() && text::is_ascii_digit(s[i + n])) ++n;
  return n;
}

Heading numbered(HeadingKind kind, std::size_t label_end, std::string label) {
  return {kind, std::move(label), label_end, {}};
}

bool is_numbered(HeadingKind kind) {
  return kind == HeadingKind::goal || kind == HeadingKind::measure ||
         kind == HeadingKind::sub_measure;
}

Heading heading_of(std::string_view s) {
  constexpr std::string_view goal = "基本目標";
  if (starts_with(s, goal)) {
    auto n = digits_at(s, goal.size());
    if (n)
      return numbered(HeadingKind::goal, goal.size() + n, std::string(s.substr(goal.size(), n)));
  }
  if (starts_with(s, "(")) {
    auto n = digits_at(s, 1);
    if (n && s.size() > n + 1 && s[n + 1] == ')')
      return numbered(HeadingKind::measure, n + 2, std::string(s.substr(0, n + 2)));
  }
  if (starts_with_circled_number(s))
    return numbered(HeadingKind::sub_measure, 3, std::string(s.substr(0, 3)));
  if (!could_be_word_heading(s)) return {};
  auto c = compact(s);
  for (auto h : kpi_headings)
    if (c == h) return {HeadingKind::kpi_block, {}, 0, {}};
  if (c == numeric_targets_label) return {HeadingKind::numeric_targets, {}, 0, {}};
  for (auto e : block_ends)
    if (c == e) return {HeadingKind::block_end, {}, 0, {}};
  return {};
}

// The code point `s` opens with, or 0 (empty, or not UTF-8 there).
char32_t first_code_point(std::string_view s) {
  if (s.empty()) return 0;
  auto lead = static_cast<unsigned char>(s[0]);
  auto length = static_cast<std::size_t>(text::utf8_length(lead));
  if (length > s.size() || (length == 1 && lead >= 0x80)) return 0;
  char32_t cp = length == 1 ? lead : lead & (0x7F >> length);
  for (std::size_t k = 1; k < length; ++k) {
    auto b = static_cast<unsigned char>(s[k]);
    if ((b & 0xC0) != 0x80) return 0;
    cp = cp << 6 | (b & 0x3F);
  }
  return cp;
}

// Whether the line (trimmed, as printed) can be a heading: every heading opens, normalised,
// with 基 (基本目標), "(", ①..⑳, 【 or the first character of a block heading or end. A first
// character normalize() keeps as it is (ASCII among them: "-", "1", "K") answers without
// normalising the line; one it changes ("（", "⑴", "Ｋ") leaves the question to the
// normalised line.
bool may_be_heading(std::string_view trimmed) {
  static const auto starts = [] {
    std::vector<char32_t> out = {first_code_point("基本目標"), U'(', first_code_point("【")};
    for (auto h : kpi_headings) out.push_back(first_code_point(h));
    for (auto e : block_ends) out.push_back(first_code_point(e));
    out.push_back(first_code_point(numeric_targets_label));
    return out;
  }();
  char32_t first = first_code_point(trimmed);
  bool kept = first < 0x80 || text::is_kept_by_normalize(first);
  if (first == 0 || !kept) return !trimmed.empty();
  if (first >= 0x2460 && first <= 0x2473) return true;  // ①..⑳
  return std::find(starts.begin(), starts.end(), first) != starts.end();
}

// The heading of a line (`trimmed`, as printed); a numbered one with its title as printed
// (full-width letters and brackets kept, PDF gaps closed: "U J I ターン" → "UJIターン").
// Only a heading line is mapped back to its printed text.
Heading titled_heading(std::string_view trimmed) {
  if (!may_be_heading(trimmed)) return {};
  std::string buffer;
  auto normalized = text::normalized_view(trimmed, buffer);
  auto h = heading_of(normalized);
  if (!is_numbered(h.kind)) return h;
  text::MappedText line;
  text::normalize_mapped_into(trimmed, line);
  if (auto m = heading_of(line.normalized); m.kind == h.kind && m.label == h.label)
    h.text = printed_closing_gaps(line, {{m.title_begin, line.normalized.size()}});
  else  // a label that reads otherwise character by character ("基本目標¹"): as normalised
    h.text = text::close_pdf_gaps(text::trim(normalized.substr(h.title_begin)));
  return h;
}

struct Position {
  std::string goal, goal_text;
  std::string measure, measure_text;
  std::string sub, sub_text;
};

std::string joined_id(std::initializer_list<std::string_view> parts) {
  std::string id;
  for (auto p : parts)
    if (!p.empty()) id += (id.empty() ? "" : "-") + std::string(p);
  return id.empty() ? "KPI" : id;
}

BlockPlace place_of(const Position& p, bool numeric_targets) {
  BlockPlace b;
  b.goal = p.goal_text;
  add_level(b.path, plan_level("goal", p.goal, p.goal_text));
  if (numeric_targets) {
    b.id = joined_id({p.goal, numeric_targets_label});
    b.measure = std::string(numeric_targets_label);
    add_level(b.path, plan_level("measure", "", numeric_targets_label));
  } else {
    b.id = joined_id({p.goal, p.measure, p.sub});
    b.measure = p.sub.empty() ? p.measure_text : p.sub_text;
    add_level(b.path, plan_level("measure", p.measure, p.measure_text));
    add_level(b.path, plan_level("sub-measure", p.sub, p.sub_text));
  }
  return b;
}

void move_to(Position& pos, const Heading& h) {
  if (h.kind == HeadingKind::goal) pos = {h.label, h.text, {}, {}, {}, {}};
  if (h.kind == HeadingKind::measure) {
    pos.measure = h.label, pos.measure_text = h.text;
    pos.sub.clear(), pos.sub_text.clear();
  }
  if (h.kind == HeadingKind::sub_measure) pos.sub = h.label, pos.sub_text = h.text;
}

// A 再掲 KPI points at the first KPI of the same name that is not itself re-listed.
void resolve_relisted(model::ParseOutput& out) {
  std::unordered_map<std::string, std::size_t> first_of;  // name_form → first KPI not re-listed
  for (std::size_t i = 0; i < out.indicators.size(); ++i)
    if (!out.indicators[i].relisted_of)
      first_of.try_emplace(text::name_form(out.indicators[i].name), i);
  for (auto& ind : out.indicators) {
    if (!ind.relisted_of) continue;
    if (auto it = first_of.find(text::name_form(ind.name)); it != first_of.end())
      ind.relisted_of = out.indicators[it->second].id;
    if (ind.relisted_of->empty())
      out.diagnostics.push_back(
          {ind.source, model::Severity::note, "input.relisted-unknown",
           fmt::format("{}: {} is marked 再掲 but no KPI of that name was found", ind.id,
                       ind.name)});
  }
}

}  // namespace

// A heading line "KPI（重要業績評価指標）" somewhere, and an arrow on some line. Only the lines
// holding the heading's word are read, found by searching the whole text once.
int sniff(std::string_view text) {
  constexpr std::string_view word = "重要業績評価指標";
  if (!text::contains(text, "→")) return 0;
  int headings = 0;
  for (auto at = kpi::text::find_from(text, word, 0); at != std::string_view::npos && !headings;) {
    auto begin = text.rfind('\n', at);
    begin = begin == std::string_view::npos ? 0 : begin + 1;
    auto end = std::min(text.find('\n', at), text.size());
    auto c = compact(text::normalize(text::trim(text.substr(begin, end - begin))));
    headings +=
        std::find(std::begin(kpi_headings), std::end(kpi_headings), c) != std::end(kpi_headings);
    at = kpi::text::find_from(text, word, end);
  }
  if (headings == 0) return 0;
  return 6 + (text::contains(text, "金沢版総合戦略") ? 2 : 0);
}

model::ParseOutput parse(std::string_view text, std::string_view path) {
  model::ParseOutput out;
  BlockReader reader(out, model::SharedName(path));
  Position pos;
  int blocks = 0, number = 0;
  text::LineReader lines(text);
  for (std::string_view raw; lines.next(raw);) {
    ++number;
    if (is_toc_entry(raw)) continue;
    auto h = titled_heading(text::trim(raw));
    switch (h.kind) {
      case HeadingKind::none:
        if (reader.is_open()) reader.feed(number, raw);
        break;
      case HeadingKind::kpi_block:
      case HeadingKind::numeric_targets:
        reader.open(place_of(pos, h.kind == HeadingKind::numeric_targets));
        ++blocks;
        break;
      default:
        reader.close();
        move_to(pos, h);
    }
  }
  reader.close();
  resolve_relisted(out);
  if (!blocks)
    out.diagnostics.push_back(
        {{std::string(path), 1},
         model::Severity::error,
         "input.no-rows",
         "expected KPI blocks headed \"KPI（重要業績評価指標）\" or \"数値目標\""});
  return out;
}

}  // namespace kpi::formats::kanazawa
