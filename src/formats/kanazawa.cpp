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

#include <fmt/format.h>

#include "kpi/formats/kanazawa_rows.hpp"
#include "kpi/formats/plan_path.hpp"
#include "kpi/text/name_form.hpp"
#include "kpi/text/normalize.hpp"
#include "kpi/text/pdf_spacing.hpp"
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
  std::string label;  // "1", "(1)", "①"
  std::string text;
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

// "基本目標1 若い世代に…\t7": a table-of-contents entry ends in a tab and a page number.
bool is_toc_entry(std::string_view raw) {
  auto tab = raw.rfind('\t');
  if (tab == std::string_view::npos || text::contains(raw, "→")) return false;
  auto page = text::trim(raw.substr(tab + 1));
  return !page.empty() && std::all_of(page.begin(), page.end(), text::is_ascii_digit);
}

std::size_t digits_at(std::string_view s, std::size_t i) {
  std::size_t n = 0;
  while (i + n < s.size() && text::is_ascii_digit(s[i + n])) ++n;
  return n;
}

Heading numbered(HeadingKind kind, std::string_view s, std::size_t label_end, std::string label) {
  return {kind, std::move(label), text::close_pdf_gaps(text::trim(s.substr(label_end)))};
}

Heading heading_of(std::string_view s) {
  constexpr std::string_view goal = "基本目標";
  if (starts_with(s, goal)) {
    auto n = digits_at(s, goal.size());
    if (n)
      return numbered(HeadingKind::goal, s, goal.size() + n, std::string(s.substr(goal.size(), n)));
  }
  if (starts_with(s, "(")) {
    auto n = digits_at(s, 1);
    if (n && s.size() > n + 1 && s[n + 1] == ')')
      return numbered(HeadingKind::measure, s, n + 2, std::string(s.substr(0, n + 2)));
  }
  if (starts_with_circled_number(s))
    return numbered(HeadingKind::sub_measure, s, 3, std::string(s.substr(0, 3)));
  auto c = compact(s);
  for (auto h : kpi_headings)
    if (c == h) return {HeadingKind::kpi_block, {}, {}};
  if (c == numeric_targets_label) return {HeadingKind::numeric_targets, {}, {}};
  for (auto e : block_ends)
    if (c == e) return {HeadingKind::block_end, {}, {}};
  return {};
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
  for (auto& ind : out.indicators) {
    if (!ind.relisted_of) continue;
    auto key = text::name_form(ind.name);
    for (const auto& original : out.indicators) {
      if (original.relisted_of || text::name_form(original.name) != key) continue;
      ind.relisted_of = original.id;
      break;
    }
    if (ind.relisted_of->empty())
      out.diagnostics.push_back(
          {ind.source, model::Severity::note, "input.relisted-unknown",
           fmt::format("{}: {} is marked 再掲 but no KPI of that name was found", ind.id,
                       ind.name)});
  }
}

}  // namespace

int sniff(std::string_view text) {
  int headings = 0, arrows = 0;
  for (auto line : text::lines(text)) {
    if (text::contains(line, "→")) ++arrows;
    if (!text::contains(line, "重要業績評価指標")) continue;
    auto c = compact(text::normalize(text::trim(line)));
    headings +=
        std::find(std::begin(kpi_headings), std::end(kpi_headings), c) != std::end(kpi_headings);
  }
  if (headings == 0 || arrows == 0) return 0;
  return 6 + (text::contains(text, "金沢版総合戦略") ? 2 : 0);
}

model::ParseOutput parse(std::string_view text, std::string_view path) {
  model::ParseOutput out;
  BlockReader reader(out, std::string(path));
  Position pos;
  int blocks = 0, number = 0;
  for (auto raw : text::lines(text)) {
    ++number;
    if (is_toc_entry(raw)) continue;
    auto h = heading_of(text::normalize(text::trim(raw)));
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
