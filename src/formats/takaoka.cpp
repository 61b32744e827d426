// Takaoka KPI progress table (text extracted from the PDF).
//
// A record starts with a line holding only its number ("12") followed by a line starting
// with the basic goal's circled number (①...). Before the direction label (増加指標 ...)
// come goal, measure and KPI name (wrapped over lines, sections split by blank lines);
// after it the unit, the baseline (possibly over several lines, with notes) and a run of
// 3*N+1 value tokens: (target, actual, rate) per fiscal year, then the final target.
// Everything after the value line up to the next record is commentary.
#include "kpi/formats/takaoka.hpp"
#include "kpi/formats/parse_kit.hpp"

#include <algorithm>
#include <map>
#include <span>

#include <fmt/format.h>

#include "kpi/calc/rational.hpp"
#include "kpi/formats/merged_cells.hpp"
#include "kpi/formats/plan_path.hpp"
#include "kpi/formats/printed_name.hpp"
#include "kpi/formats/value_tokens.hpp"
#include "kpi/formats/worded_text.hpp"
#include "kpi/text/era.hpp"
#include "kpi/text/mapped.hpp"
#include "kpi/text/normalize.hpp"
#include "kpi/text/number.hpp"
#include "kpi/text/number_shape.hpp"
#include "kpi/text/stable_text.hpp"
#include "kpi/text/strings.hpp"

namespace kpi::formats::takaoka {
namespace {

using text::contains;
using text::ends_with;
using text::starts_with;
using text::trim;

constexpr std::string_view labels[] = {"増加指標", "減少指標", "維持指標"};
constexpr model::Direction label_directions[] = {
    model::Direction::increase, model::Direction::decrease, model::Direction::maintain};

// A line of the file: trimmed, as printed and normalised, with its words (read once).
using Line = WordedLine;

struct Layout {
  int first_year = 0;  // fiscal year of the first (target, actual, rate) column
  int final_year = 0;  // fiscal year of the final target column
  int baseline_year = 0;
};

struct Record {
  int id_number = 0;
  std::size_t begin = 0;  // index of the number line in `lines`
  std::size_t end = 0;    // index past the record
};

std::optional<int> record_number(std::string_view normalized) {
  // Most lines start with neither a digit nor a space (ASCII, U+3000, NBSP): no number alone,
  // told without trimming.
  if (normalized.empty()) return std::nullopt;
  auto first = static_cast<unsigned char>(normalized.front());
  if (!text::is_ascii_digit(normalized.front()) && first > 0x20 &&
      !normalized.starts_with("\xE3\x80\x80") && !normalized.starts_with("\xC2\xA0"))
    return std::nullopt;
  auto t = trim(normalized);
  if (t.empty() || t.size() > 3) return std::nullopt;
  int number = 0;
  for (char c : t) {
    if (c < '0' || c > '9') return std::nullopt;
    number = number * 10 + (c - '0');
  }
  return number;
}

std::vector<Record> find_records(const std::vector<Line>& lines) {
  std::vector<Record> out;
  for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
    auto number = record_number(lines[i].normalized);
    if (!number || !starts_with_circled_number(lines[i + 1].original)) continue;
    if (!out.empty()) out.back().end = i;
    out.push_back({*number, i, lines.size()});
  }
  return out;
}

// Lines holding only fiscal-year column titles ("R2年度", "R5年度R3年度") give the columns.
Layout find_layout(const std::vector<Line>& lines) {
  Layout layout;
  for (const auto& l : lines) {
    std::string_view s = l.normalized;
    if (s.empty() || (s[0] != '(' && s[0] != 'R')) continue;  // most lines: neither title
    if ((starts_with(s, "(H") || starts_with(s, "(R")) && contains(s, "年度") && s.size() < 16) {
      if (auto y = text::fiscal_year_in(s); y && !layout.baseline_year) layout.baseline_year = *y;
      continue;
    }
    if (!starts_with(s, "R") || !ends_with(s, "年度")) continue;
    std::size_t pos = 0;
    while (auto y = text::find_fiscal_year(s, pos)) {
      if (!layout.first_year || y->fiscal_year < layout.first_year)
        layout.first_year = y->fiscal_year;
      layout.final_year = std::max(layout.final_year, y->fiscal_year);
      pos = y->end;
    }
  }
  return layout;
}

// -- the part before the direction label: goal, measure, name ------------------------------

struct Heading {
  std::string goal, measure, name;  // as printed (lines joined)
  std::optional<std::string> relisted_of;
};

using Lines = std::vector<Span>;  // trimmed lines of the heading block

std::string_view view(const text::MappedText& block, Span s) {
  return std::string_view(block.normalized).substr(s.begin, s.end - s.begin);
}

Span trimmed(const text::MappedText& block, Span s) {
  auto t = trim(view(block, s));
  return t.empty() ? Span{s.end, s.end} : span_of(block, t);
}

// The pieces of a text between its line ends, as text::split(text, '\n') lists them, read one
// at a time without a list.
class LinePieces {
 public:
  explicit LinePieces(std::string_view text) : rest_(text) {}
  bool next(std::string_view& piece) {
    if (done_) return false;
    auto end = rest_.find('\n');
    done_ = end == std::string_view::npos;
    piece = rest_.substr(0, end);
    if (!done_) rest_.remove_prefix(end + 1);
    return true;
  }

 private:
  std::string_view rest_;
  bool done_ = false;
};

// The printed lines joined: a name or heading wrapped by the PDF layout is one text.
std::string joined_printed(const text::MappedText& block, const Lines& lines) {
  std::string out;
  for (const auto& l : lines) out += printed_view(block, l);
  return out;
}

std::vector<Lines> paragraphs(const text::MappedText& block, std::size_t from) {
  std::vector<Lines> out(1);
  std::string_view all = block.normalized;
  LinePieces pieces(all.substr(from));
  for (std::string_view l; pieces.next(l);) {
    auto t = trim(l);
    if (t.empty()) {
      if (!out.back().empty()) out.emplace_back();
    } else {
      out.back().push_back(span_of(block, t));
    }
  }
  if (out.back().empty()) out.pop_back();
  return out;
}

// A name printed with 【再掲（№１２）】: the mark leaves the name, its number gives "No.12", the
// id as this sheet prints it.
std::optional<std::string> take_relisted_id(std::string& printed_name) {
  if (!may_hold_relisted_mark(printed_name)) return std::nullopt;  // most names
  auto name = text::normalize_mapped(printed_name);
  auto mark = find_relisted_mark(name.normalized);
  if (!mark) return std::nullopt;
  printed_name = printed_without(name, {mark->begin, mark->end});
  if (mark->number.empty()) return std::string();
  return "No." + mark->number;
}

std::size_t goal_end_of(std::string_view all) {
  auto goal_end = all.find("つくる");
  if (goal_end == std::string::npos)
    goal_end = all.find("\n\n");
  else
    goal_end += std::string_view("つくる").size();
  return goal_end == std::string::npos ? 0 : goal_end;
}

// Measure and name lines: a paragraph of measure, then the name; or one line each; or one
// line "measure name".
void split_measure_and_name(const text::MappedText& block, const std::vector<Lines>& paras,
                            Lines& measure, Lines& name) {
  if (paras.empty()) return;
  const auto& first = paras.front();
  if (paras.size() >= 2) {
    measure = first;
    for (std::size_t p = 1; p < paras.size(); ++p)
      name.insert(name.end(), paras[p].begin(), paras[p].end());
  } else if (first.size() >= 2) {
    measure = {first.front()};
    name.assign(first.begin() + 1, first.end());
  } else {
    auto line = first.front();
    auto space = view(block, line).find(' ');
    if (space == std::string_view::npos) {
      measure = {line};
      return;
    }
    measure = {{line.begin, line.begin + space}};
    name = {trimmed(block, {line.begin + space, line.end})};
  }
}

// "★数値目標 待機児童の数": the marker and the name share a line; the rest is the name's.
void split_numeric_target_marker(const text::MappedText& block, Lines& measure, Lines& name) {
  constexpr std::string_view marker = "★数値目標";
  if (measure.empty() || !starts_with(view(block, measure.front()), marker)) return;
  Lines rest = measure;
  rest.front() = trimmed(block, {rest.front().begin + marker.size(), rest.front().end});
  if (rest.front().begin == rest.front().end) rest.erase(rest.begin());
  if (rest.empty()) return;
  name.insert(name.begin(), rest.begin(), rest.end());
  measure = {{measure.front().begin, measure.front().begin + marker.size()}};
}

// The goal's lines, up to `goal_end`; a "★数値目標" printed after the goal ends it (`starred`).
Lines goal_lines(const text::MappedText& block, std::size_t goal_end, bool& starred) {
  constexpr std::string_view marker = "★数値目標";
  Lines out;
  std::string_view all = block.normalized;
  LinePieces pieces(all.substr(0, goal_end));
  for (std::string_view l; pieces.next(l);) {
    auto star = l.find(marker);
    auto t = trim(l.substr(0, star));
    if (!t.empty()) out.push_back(span_of(block, t));
    if (star != std::string_view::npos) {
      starred = true;
      break;
    }
  }
  return out;
}

Heading read_heading(const text::MappedText& block) {
  Heading h;
  auto goal_end = goal_end_of(block.normalized);
  bool starred = false;
  h.goal = joined_printed(block, goal_lines(block, goal_end, starred));
  Lines measure, name;
  split_measure_and_name(block, paragraphs(block, goal_end), measure, name);
  split_numeric_target_marker(block, measure, name);
  h.measure = joined_printed(block, measure);
  if (starred && h.measure.empty()) h.measure = "★数値目標";
  h.name = joined_printed(block, name);
  h.relisted_of = take_relisted_id(h.name);
  if (h.measure.empty() && !h.name.empty()) {
    h.measure = std::move(h.name);  // a lone line is the measure, as read
    h.name.clear();
  }
  return h;
}

// -- the part after the label: unit, baseline, values --------------------------------------

struct Label {
  std::size_t line_index;  // in lines
  std::size_t offset;      // byte offset in that normalized line
  std::size_t which;       // index into labels
};

std::optional<Label> find_label(const std::vector<Line>& lines, const Record& r) {
  static constexpr std::string_view label_end = "指標";
  static_assert(std::ranges::all_of(labels, [](auto l) { return l.ends_with(label_end); }));
  for (std::size_t i = r.begin + 1; i < r.end; ++i) {
    if (lines[i].original.find(label_end) == std::string_view::npos) continue;
    for (std::size_t k = 0; k < std::size(labels); ++k)
      if (auto pos = lines[i].original.find(labels[k]); pos != std::string::npos)
        return Label{i, pos, k};
  }
  return std::nullopt;
}

// The value line: the first line from the label on ending in a run of value tokens.
struct ValueLine {
  std::size_t line_index = 0;
  const ValueRun* run = nullptr;  // the line's (Context::runs), or the label line's after it
};

// -- reading state ---------------------------------------------------------------------------

// A row whose merged cells the PDF extraction displaced: its blocks hold only the actuals of
// its sub-rows; its targets, rates, baseline and final target stand loose at a page foot.
struct Displaced {
  std::size_t indicator = 0;                      // index in out.indicators
  std::vector<std::vector<model::Value>> blocks;  // per block: one value per year
  std::vector<int> lines;                         // lines of its blocks and of the loose values
  std::vector<model::Value> loose;
};

struct Context {
  const std::vector<Line>& lines;
  const Layout& layout;
  model::SharedName path;  // the file's name, shared by its locations
  model::ParseOutput& out;
  std::vector<Displaced> displaced;
  std::vector<std::optional<ValueRun>> runs;  // per line: its trailing value run, once read
  WordedText after_label;                     // the label line's text after the label
  ValueRun label_run;                         // the run ending it, when a word is cut there
  std::string block_printed;                  // a record's lines before its label
  text::MappedText block;                     // and normalised
  // The table starts again (a record number below the one before it, seen already): a
  // pasted copy, whose pieces are no part of the first copy's displaced rows.
  bool pasted_again = false;
};

// The run of value tokens that ends line `i`, read once however often it is asked for.
const ValueRun& run_of(Context& c, std::size_t i) {
  auto& run = c.runs[i];
  if (!run) run = trailing_value_run(c.lines[i].words, c.lines[i].original);
  return *run;
}

// Where the label line's text after the label starts.
std::size_t after_label_offset(const Label& label) {
  return label.offset + labels[label.which].size();
}

// Whether a word of `line` runs across byte `offset` (a label glued to the word after it).
bool word_across(const Line& line, std::size_t offset) {
  const char* cut = line.original.data() + offset;
  for (const auto& w : line.words)
    if (w.original.data() < cut && w.original.data() + w.original.size() > cut) return true;
  return false;
}

// The run ending the label line after the label (a word glued to the label is cut there).
const ValueRun& label_line_run(Context& c, const Label& label) {
  // The label ends a word, which is no value: the line's own run is the one after the label.
  if (!word_across(c.lines[label.line_index], after_label_offset(label)))
    return run_of(c, label.line_index);
  std::string_view s = c.lines[label.line_index].original;
  c.after_label.assign(s.substr(after_label_offset(label)));
  if (c.after_label.lines().empty())
    c.label_run = {{}, s.size()};
  else
    c.label_run = trailing_value_run(c.after_label.lines().front().words, s);
  return c.label_run;
}

std::optional<ValueLine> find_value_line(Context& c, const Record& r, const Label& label) {
  if (const auto& run = label_line_run(c, label); run.tokens.size() >= 4)
    return ValueLine{label.line_index, &run};
  for (std::size_t i = label.line_index + 1; i < r.end; ++i)
    if (const auto& run = run_of(c, i); run.tokens.size() >= 4) return ValueLine{i, &run};
  return std::nullopt;
}

// The normalised text of line `line` before offset `to`, a word's start: the line's
// normalised words up to there (text::normalize of the printed text, trimmed).
void append_normalized_before(std::string& out, const Line& line, std::size_t to) {
  const char* cut = line.original.data() + to;
  for (std::size_t k = 0; k < line.words.size(); ++k) {
    if (line.words[k].original.data() != cut) continue;
    if (k == 0) return;
    const auto& last = line.words[k - 1].normalized;
    out.append(line.normalized.substr(0, last.data() + last.size() - line.normalized.data()));
    return;
  }
  text::append_normalize(out, trim(line.original.substr(0, to)));  // not at a word: as printed
}

// The normalised text from the label to the value run (`run_start` in the value line): the
// printed pieces of those lines, trimmed, joined by line ends, as text::normalize gives them;
// whole lines and a value line's words before the run are normalised already.
std::string normalized_between(const Context& c, const Label& label, const ValueLine& v,
                               std::size_t run_start_in_value_line) {
  std::string out;
  for (std::size_t i = label.line_index; i <= v.line_index; ++i) {
    const auto& line = c.lines[i];
    std::string_view s = line.original;
    std::size_t from = i == label.line_index ? after_label_offset(label) : 0;
    std::size_t to = i == v.line_index ? run_start_in_value_line : s.size();
    if (from >= to) continue;
    auto piece = trim(s.substr(from, to - from));
    if (piece.empty()) continue;
    if (!out.empty()) out += '\n';  // a line end is a normalisation boundary
    if (from == 0 && to == s.size())
      out.append(line.normalized);
    else if (from == 0)
      append_normalized_before(out, line, to);
    else
      text::append_normalize(out, piece);
  }
  return out;
}

bool is_year_number(std::string_view s, const text::NumberToken& t) {
  if (t.number.scale != 0) return false;
  auto after = s.substr(t.end);
  if (starts_with(after, "年") || starts_with(after, "~") || starts_with(after, "～") ||
      starts_with(after, "〜"))
    return true;
  if (t.begin > 0) {
    char before = s[t.begin - 1];
    if (before == 'H' || before == 'R' || before == 'S' || before == '~') return true;
  }
  return t.begin >= 3 && (s.substr(t.begin - 3, 3) == "～" || s.substr(t.begin - 3, 3) == "〜");
}

// Offset past the run of digits, separators and exponent marks starting at `pos`.
std::size_t skip_number_like(std::string_view s, std::size_t pos) {
  constexpr std::string_view number_chars = "0123456789.,eE+-";
  while (pos < s.size() && number_chars.find(s[pos]) != std::string_view::npos) ++pos;
  return pos;
}

model::Baseline read_baseline(std::string_view baseline_text, int default_year) {
  model::Baseline b;
  std::string flat = text::replace_all(baseline_text, "\n", "");
  b.value.text = text::squeeze_spaces(baseline_text);
  std::size_t pos = 0;
  while (auto t = text::find_number(flat, pos)) {
    pos = t->end;
    if (text::continues_number(std::string_view(flat).substr(t->end))) {
      pos = skip_number_like(flat, pos);  // "1e309": not a number we can read, nor its parts
      continue;
    }
    if (is_year_number(flat, *t)) continue;
    model::Value v{t->number, flat.substr(t->begin, t->end - t->begin)};
    if (!b.value.number)
      b.value.number = t->number;
    else
      b.alternatives.push_back(v);
  }
  auto arrow = flat.find("⇒");
  auto year = text::fiscal_year_in(
      arrow == std::string::npos ? std::string_view(flat) : std::string_view(flat).substr(arrow));
  b.fiscal_year = year ? *year : default_year;
  if (!default_year && !year) b.fiscal_year.reset();
  return b;
}

// Unit: the first word after the label; "(累計)" alone on the next line marks a cumulative KPI.
std::string take_unit(std::string& after_label, bool& cumulative) {
  auto t = std::string(trim(after_label));
  auto end = t.find_first_of(" \n");
  std::string unit = t.substr(0, end);
  std::string rest = end == std::string::npos ? "" : std::string(trim(t.substr(end)));
  if (starts_with(rest, "(累計)")) {
    cumulative = true;
    rest = std::string(trim(rest.substr(std::string_view("(累計)").size())));
  }
  after_label = rest;
  return unit;
}

model::Value value_of(const ValueToken& token) {
  return {token.number, std::string(token.original)};
}

std::vector<model::Observation> observations_of(std::span<const ValueToken> values,
                                                const Layout& layout, int line,
                                                const model::SharedName& path) {
  std::vector<model::Observation> out;
  int years = static_cast<int>(values.size() - 1) / 3;
  out.reserve(static_cast<std::size_t>(years));
  for (int k = 0; k < years; ++k) {
    model::Observation o;
    o.fiscal_year = layout.first_year + k;
    o.target = value_of(values[3 * k]);
    o.actual = value_of(values[3 * k + 1]);
    o.published_rate = value_of(values[3 * k + 2]);
    o.source = {path, line};
    out.push_back(std::move(o));
  }
  return out;
}

int years_of(const Layout& layout) {
  return layout.final_year - layout.first_year;
}

// A block whose value run is one value per year (the actuals of a sub-row) is kept for
// rebuilding; `indicator` is the KPI it belongs to. Returns whether it was kept.
bool keep_displaced_block(Context& c, std::size_t indicator, const ValueRun& run, int line) {
  if (run.tokens.size() != static_cast<std::size_t>(years_of(c.layout))) return false;
  std::vector<model::Value> block;
  for (const auto& t : run.tokens) block.push_back({t.number, std::string(t.original)});
  if (c.displaced.empty() || c.displaced.back().indicator != indicator)
    c.displaced.push_back({indicator, {}, {}, {}});
  c.displaced.back().blocks.push_back(std::move(block));
  c.displaced.back().lines.push_back(line);
  return true;
}

void skip(Context& c, int line, std::string reason,
          model::Severity severity = model::Severity::warning) {
  skip_row(c.out, c.path, line, std::move(reason), severity);
}

// Why a skipped row whose published rates are not read is an error: a wrong one would pass.
constexpr std::string_view rates_lost_reason =
    "; its published rates are not read, so they cannot pass unchecked: write the line as "
    "target, actual and rate for each year, then the final target";

// The printed lines [from, to] (the last cut at `cut_offset`), normalised into c.block (its
// buffers reused from one record to the next).
const text::MappedText& block_text(Context& c, std::size_t from, std::size_t to,
                                   std::size_t cut_offset) {
  auto& out = c.block_printed;
  out.clear();
  for (std::size_t i = from; i <= to && i < c.lines.size(); ++i) {
    std::string_view s = c.lines[i].original;
    if (i == to) s = s.substr(0, cut_offset);
    out.append(s).push_back('\n');
  }
  text::normalize_mapped_into(out, c.block);
  return c.block;
}

// "; the values stop at '1e309'": the word before a short run of values, which may be a
// cell that is not a number rather than a displaced one.
std::string where_values_stop(std::string_view line, std::size_t run_begin) {
  auto before = text::words(line.substr(0, run_begin));
  if (before.empty()) return "";
  return fmt::format("; the values stop at '{}'", before.back());
}

// Whether a line of lines[from, to) prints a percentage.
bool prints_percent(const Context& c, std::size_t from, std::size_t to) {
  for (std::size_t i = from; i < to && i < c.lines.size(); ++i)
    if (text::has_percent_sign(c.lines[i].original)) return true;
  return false;
}

// Reads one record; returns the index of the first commentary line.
std::size_t read_record(Context& c, const Record& r) {
  const auto& lines = c.lines;
  int number_line = lines[r.begin].number;
  auto label = find_label(lines, r);
  if (!label) {
    bool rates_lost = prints_percent(c, r.begin, r.end);
    skip(c, number_line,
         fmt::format("No.{}: expected a direction label (増加指標/減少指標/維持指標){}",
                     r.id_number, rates_lost ? rates_lost_reason : ""),
         rates_lost ? model::Severity::error : model::Severity::warning);
    return r.end;
  }
  model::Indicator ind;
  ind.municipality = "takaoka";
  ind.id = fmt::format("No.{}", r.id_number);
  ind.source = {c.path, number_line};
  auto heading = read_heading(block_text(c, r.begin + 1, label->line_index, label->offset));
  ind.goal = heading.goal;
  ind.measure = heading.measure;
  // "①多様なひとが住みたいと感じるまちをつくる": the goal's code is its circled number.
  auto goal = trim(heading.goal);
  auto goal_code = starts_with_circled_number(goal) ? std::string(goal.substr(0, 3)) : "";
  add_level(ind.plan_path, plan_level("goal", goal_code, heading.goal));
  add_level(ind.plan_path, plan_level("measure", "", heading.measure));
  ind.name = std::move(heading.name);
  ind.relisted_of = std::move(heading.relisted_of);
  ind.cumulative = contains(ind.name, "累計");
  ind.direction = label_directions[label->which];
  ind.direction_source = model::DirectionSource::label;
  ind.direction_text = std::string(labels[label->which]);
  ind.final_target.fiscal_year = c.layout.final_year;

  auto value_line = find_value_line(c, r, *label);
  std::size_t expected =
      static_cast<std::size_t>(3 * (c.layout.final_year - c.layout.first_year) + 1);
  if (!value_line || value_line->run->tokens.size() < expected) {
    int line = value_line ? lines[value_line->line_index].number : number_line;
    std::string after =
        value_line ? normalized_between(c, *label, *value_line, value_line->run->begin) : "";
    ind.unit = take_unit(after, ind.cumulative);
    // A block kept for the rebuild may yet be read; otherwise printed rates are lost.
    bool kept =
        value_line && keep_displaced_block(c, c.out.indicators.size(), *value_line->run, line);
    // Without a value line found, the record's lines from its label on may print the rates
    // (a value cell the run stopped at, "(270.0%)").
    bool rates_lost =
        !kept && (value_line ? text::has_percent_sign(lines[value_line->line_index].original)
                             : prints_percent(c, label->line_index, r.end));
    skip(c, line,
         fmt::format("{}: values displaced by the PDF extraction (merged cells): expected {} "
                     "values (target, actual, rate per year and the final target), found {}; "
                     "not parseable{}{}",
                     ind.id, expected, value_line ? value_line->run->tokens.size() : 0,
                     value_line ? where_values_stop(lines[value_line->line_index].original,
                                                    value_line->run->begin)
                                : "",
                     rates_lost ? rates_lost_reason : ""),
         rates_lost ? model::Severity::error : model::Severity::warning);
    c.out.indicators.push_back(std::move(ind));
    return value_line ? value_line->line_index + 1 : label->line_index + 1;
  }
  const auto& tokens = value_line->run->tokens;
  std::size_t first_value = tokens.size() - expected;
  std::size_t cut = tokens[first_value].begin;
  std::string after = normalized_between(c, *label, *value_line, cut);
  ind.unit = take_unit(after, ind.cumulative);
  ind.baseline = read_baseline(after, c.layout.baseline_year);
  auto values = std::span<const ValueToken>(tokens).subspan(first_value);
  ind.final_target.value = value_of(values.back());
  ind.final_target.qualifier = values.back().qualifier;
  ind.observations =
      observations_of(values, c.layout, lines[value_line->line_index].number, c.path);
  c.out.indicators.push_back(std::move(ind));
  ++c.out.rows_used;
  return value_line->line_index + 1;
}

// Lines of values alone inside commentary: cells of a merged row that landed at a page foot.
bool is_stray_value_line(Context& c, std::size_t i) {
  // Commentary lines are asked once: their runs are not kept.
  const auto& run =
      c.runs[i] ? *c.runs[i] : trailing_value_run(c.lines[i].words, c.lines[i].original);
  if (!run.tokens.empty() && run.begin == 0) return true;
  auto words = c.lines[i].words;
  if (words.size() < 3) return false;
  std::size_t numeric = 0;
  for (const auto& w : words) numeric += text::find_number(w.normalized).has_value();
  return numeric * 10 >= words.size() * 6;
}

// The numbers of a stray line as printed: "440 500 91.0%86 60" gives 440, 500, 91.0%, 86, 60.
std::vector<model::Value> loose_numbers(std::string_view normalized) {
  std::vector<model::Value> out;
  std::size_t pos = 0;
  while (auto t = text::find_number(normalized, pos)) {
    pos = t->end + (t->percent ? 1 : 0);
    out.push_back({t->number, std::string(normalized.substr(t->begin, pos - t->begin))});
  }
  return out;
}

// Stray values after a displaced row (up to the next one) may be its cells.
void keep_loose_values(Context& c, const Line& line) {
  if (c.displaced.empty() || c.pasted_again) return;
  auto& d = c.displaced.back();
  if (d.loose.size() > 4 * static_cast<std::size_t>(years_of(c.layout)) + 4) return;  // no fit
  for (auto& v : loose_numbers(line.normalized)) d.loose.push_back(std::move(v));
  d.lines.push_back(line.number);
}

void report_stray_values(Context& c, const Record& r, std::size_t after) {
  for (std::size_t i = after; i < r.end; ++i) {
    if (!is_stray_value_line(c, i)) continue;
    // No displaced row before them to take them: their rates are lost.
    bool rates_lost = c.displaced.empty() && prints_percent(c, i, i + 1);
    keep_loose_values(c, c.lines[i]);
    ++c.out.rows_read;
    skip(c, c.lines[i].number,
         fmt::format("values outside any row (cells displaced by the PDF extraction, found after "
                     "No.{}): not attributable to a KPI{}",
                     r.id_number, rates_lost ? rates_lost_reason : ""),
         rates_lost ? model::Severity::error : model::Severity::warning);
  }
}

// A record number seen before: either the rest of a row split by a page break (No.9, No.50,
// whose values are displaced) or a table pasted twice. Neither is read again.
std::size_t skip_repeated_block(Context& c, const Record& r, int first_line) {
  std::size_t expected =
      static_cast<std::size_t>(3 * (c.layout.final_year - c.layout.first_year) + 1);
  std::optional<ValueLine> value_line;
  if (auto label = find_label(c.lines, r)) value_line = find_value_line(c, r, *label);
  bool complete = value_line && value_line->run->tokens.size() >= expected;
  if (!complete && value_line && !c.displaced.empty() && !c.pasted_again &&
      c.out.indicators[c.displaced.back().indicator].id == fmt::format("No.{}", r.id_number))
    keep_displaced_block(c, c.displaced.back().indicator, *value_line->run,
                         c.lines[r.begin].number);
  skip(c, c.lines[r.begin].number,
       complete ? fmt::format("No.{} again (first at line {}): a repeated row is not read twice",
                              r.id_number, first_line)
                : fmt::format("second block of No.{} (first at line {}, split by a page break); "
                              "its values are displaced by the PDF extraction: not parseable",
                              r.id_number, first_line));
  return value_line ? value_line->line_index + 1 : r.begin + 1;
}

// -- rebuilding displaced rows ---------------------------------------------------------------

// The row's actual of each year: the sum of its sub-rows' ("-" adds nothing).
std::vector<model::Value> summed_actuals(const Displaced& d, int years) {
  std::vector<model::Value> out;
  for (int k = 0; k < years; ++k) {
    std::optional<calc::Rational> sum;
    int scale = 0;
    for (const auto& block : d.blocks) {
      const auto& n = block[static_cast<std::size_t>(k)].number;
      if (!n) continue;
      sum = (sum ? *sum : calc::Rational{}) + calc::Rational::of(*n);
      scale = std::max(scale, n->scale);
    }
    if (!sum) return {};
    auto total = calc::round_half_away(*sum, scale);
    out.push_back({total, total.to_string()});
  }
  return out;
}

std::string sum_text(const Displaced& d, std::size_t year) {
  std::string out;
  for (const auto& block : d.blocks) out += (out.empty() ? "" : " + ") + block[year].text;
  return out;
}

// The row's lines were skipped while its values were missing: now the first is the KPI's row,
// the others (its second block, its loose values) are pieces of it, no rows of their own.
void unskip(Context& c, const std::vector<int>& lines) {
  auto listed = [&](int line) {
    return std::find(lines.begin(), lines.end(), line) != lines.end();
  };
  auto& skipped = c.out.skipped;
  auto before = skipped.size();
  skipped.erase(std::remove_if(skipped.begin(), skipped.end(),
                               [&](const model::SkippedRow& s) { return listed(s.line); }),
                skipped.end());
  int pieces = static_cast<int>(before - skipped.size());
  if (pieces == 0) return;
  c.out.rows_used += 1;
  c.out.rows_read -= pieces - 1;
  auto& diags = c.out.diagnostics;
  diags.erase(std::remove_if(diags.begin(), diags.end(),
                             [&](const model::Diagnostic& d) {
                               return d.code == "input.skipped-row" && listed(d.location.line);
                             }),
              diags.end());
}

void fill_rebuilt(Context& c, model::Indicator& ind, const Displaced& d,
                  const std::vector<model::Value>& actuals, const RebuiltRow& row) {
  ind.baseline.value = row.baseline;
  if (c.layout.baseline_year) ind.baseline.fiscal_year = c.layout.baseline_year;
  ind.final_target.value = row.final_target;
  ind.observations.clear();
  for (std::size_t k = 0; k < actuals.size(); ++k) {
    model::Observation o;
    o.fiscal_year = c.layout.first_year + static_cast<int>(k);
    o.target = row.targets[k];
    o.actual = actuals[k];
    o.published_rate = row.rates[k];
    o.source = {c.path, d.lines.front()};
    o.notes = fmt::format("actual = {} (sub-rows); {}", sum_text(d, k), row.note);
    ind.observations.push_back(std::move(o));
  }
}

// Whether a displaced row's pieces print a published rate (a percentage).
bool prints_rates(const Displaced& d) {
  auto percent = [](const model::Value& v) { return text::has_percent_sign(v.text); };
  if (std::any_of(d.loose.begin(), d.loose.end(), percent)) return true;
  for (const auto& block : d.blocks)
    if (std::any_of(block.begin(), block.end(), percent)) return true;
  return false;
}

void rebuild(Context& c, const Displaced& d) {
  auto& ind = c.out.indicators[d.indicator];
  std::vector<model::Value> actuals;
  RebuildResult result;
  try {  // the sums and rates are exact: numbers beyond 64 bits cannot be rebuilt
    actuals = summed_actuals(d, years_of(c.layout));
    if (actuals.empty()) return;
    result = rebuild_displaced_row({actuals, d.loose, ind.direction});
  } catch (const calc::Overflow&) {
    result = {};
    result.why_not = "its numbers are too large for exact arithmetic (beyond 64 bits)";
  }
  if (!result.row) {
    // Its rates stay unread: an error when the pieces print any, which would pass unchecked.
    bool rates_lost = prints_rates(d);
    c.out.diagnostics.push_back(
        {ind.source, rates_lost ? model::Severity::error : model::Severity::note,
         "input.rebuild-refused",
         fmt::format("{}: merged cells not rebuilt: {}{}", ind.id, result.why_not,
                     rates_lost ? "; its published rates are not read, so they cannot pass "
                                  "unchecked: check the row by hand"
                                : "")});
    return;
  }
  fill_rebuilt(c, ind, d, actuals, *result.row);
  unskip(c, d.lines);
  c.out.diagnostics.push_back({ind.source, model::Severity::note, "input.rebuilt-row",
                               fmt::format("{}: {}", ind.id, result.row->note)});
}

}  // namespace

// Scores: the header line 5, a direction label 3, the title 2, a tab -4; 8 or more is
// Takaoka's. So without the header line, without a label or with a tab it is not, and the
// whole text of another layout is searched for at most one phrase.
int sniff(std::string_view text) {
  if (!contains(text, "目標値 実績値 達成率")) return 0;
  if (!(contains(text, "増加指標") || contains(text, "減少指標") || contains(text, "維持指標")))
    return 0;
  if (contains(text, "\t")) return 0;
  return 5 + 3 + (contains(text, "KPI進捗状況一覧表") ? 2 : 0);
}

model::ParseOutput parse(std::string_view text, std::string_view path) {
  model::ParseOutput out;
  WordedText worded(text);
  const auto& lines = worded.lines();
  Layout layout = find_layout(lines);
  Context c{lines, layout, model::SharedName(path), out, {}, {}, {}, {}, {}, {}, false};
  if (!layout.first_year || layout.final_year <= layout.first_year) {
    out.diagnostics.push_back(
        {{c.path, 1},
         model::Severity::error,
         "input.layout",
         "expected fiscal-year column titles (R2年度 … R6年度) in the table header"});
    return out;
  }
  auto records = find_records(lines);
  c.runs.resize(lines.size());
  std::map<int, int> first_line;  // record number -> line of its first block
  int previous = 0;
  for (const auto& r : records) {
    ++out.rows_read;
    auto [first, is_new] = first_line.emplace(r.id_number, lines[r.begin].number);
    if (!is_new && r.id_number < previous) c.pasted_again = true;
    previous = r.id_number;
    std::size_t commentary = is_new ? read_record(c, r) : skip_repeated_block(c, r, first->second);
    report_stray_values(c, r, commentary);
  }
  for (const auto& d : c.displaced) rebuild(c, d);
  if (records.empty())
    out.diagnostics.push_back({{c.path, 1},
                               model::Severity::error,
                               "input.no-rows",
                               "expected numbered KPI rows (a number, then the basic goal ①…)"});
  return out;
}

}  // namespace kpi::formats::takaoka
