// The canonical CSV sheet (docs/canonical.md).
//
// The first non-blank record is the header: columns are found by name, in any order; unknown
// ones are ignored with a warning, missing required ones stop the parse with an error on the
// header line. Every later record is a data row: one KPI and one fiscal year (or one KPI and
// an empty fiscal_year when it has no observations). Rows with the same (municipality, id,
// seq, relisted_of) form one KPI wherever they are in the file; KPI-level cells left empty
// take the value given on another row of the same KPI. Values are printed text ("▲ 441", "99.0%",
// "25以下") read with the text:: number functions; a *_number column, when present, says the number
// outright for the values whose text does not start with it.
#include "kpi/formats/canonical_csv.hpp"
#include "kpi/formats/parse_kit.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <tuple>

#include <fmt/format.h>

#include "kpi/formats/body_of_sheet.hpp"
#include "kpi/formats/canonical_cells.hpp"
#include "kpi/text/body_name.hpp"
#include "kpi/text/normalize.hpp"
#include "kpi/text/number.hpp"
#include "kpi/text/qualifier.hpp"
#include "kpi/text/strings.hpp"
#include "kpi/util/csv.hpp"

namespace kpi::formats::canonical_csv {
namespace {

namespace cells = formats::canonical;

enum class Level { indicator, observation };
enum class Kind {
  key,  // municipality, id, name: required on every row
  text,
  count,  // seq: a positive integer
  year,   // a fiscal year
  flag,   // true/false
  direction,
  direction_source,
  qualifier,
  value,         // printed value
  number,        // *_number: the value's number when its text does not give it
  alternatives,  // further printed numbers of the baseline cell, one per line
  relisted,
};

struct Column {
  std::string_view name;
  Level level;
  Kind kind;
  bool required = false;
};

constexpr Column columns[] = {
    {"municipality", Level::indicator, Kind::key, true},
    {"municipality_name", Level::indicator, Kind::text},
    {"id", Level::indicator, Kind::key, true},
    {"seq", Level::indicator, Kind::count},
    {"name", Level::indicator, Kind::key, true},
    {"unit", Level::indicator, Kind::text},
    {"goal", Level::indicator, Kind::text},
    {"measure", Level::indicator, Kind::text},
    {"direction", Level::indicator, Kind::direction},
    {"direction_source", Level::indicator, Kind::direction_source},
    {"direction_text", Level::indicator, Kind::text},
    {"cumulative", Level::indicator, Kind::flag},
    {"relisted_of", Level::indicator, Kind::relisted},
    {"baseline", Level::indicator, Kind::value},
    {"baseline_number", Level::indicator, Kind::number},
    {"baseline_alternatives", Level::indicator, Kind::alternatives},
    {"baseline_fiscal_year", Level::indicator, Kind::year},
    {"final_target", Level::indicator, Kind::value},
    {"final_target_number", Level::indicator, Kind::number},
    {"final_target_fiscal_year", Level::indicator, Kind::year},
    {"final_target_qualifier", Level::indicator, Kind::qualifier},
    {"fiscal_year", Level::observation, Kind::year, true},
    {"target", Level::observation, Kind::value},
    {"target_number", Level::observation, Kind::number},
    {"actual", Level::observation, Kind::value},
    {"actual_number", Level::observation, Kind::number},
    {"actual_fiscal_year", Level::observation, Kind::year},
    {"reported_in", Level::observation, Kind::year},
    {"provisional", Level::observation, Kind::flag},
    {"published_rate", Level::observation, Kind::value},
    {"published_rate_number", Level::observation, Kind::number},
    {"revised_target", Level::observation, Kind::value},
    {"revised_target_number", Level::observation, Kind::number},
    {"revised_rate", Level::observation, Kind::value},
    {"revised_rate_number", Level::observation, Kind::number},
    {"notes", Level::observation, Kind::text},
};
constexpr std::size_t column_count = std::size(columns);
constexpr std::size_t not_a_column = column_count;

constexpr std::size_t column_index(std::string_view name) {
  for (std::size_t i = 0; i < column_count; ++i)
    if (columns[i].name == name) return i;
  return not_a_column;
}

// The cells of one row (or the KPI-level cells of one KPI), by column; "" when absent.
struct Cells {
  std::array<std::string, column_count> values;
  const std::string& operator[](std::string_view name) const {
    static const std::string none;
    auto i = column_index(name);
    return i == not_a_column ? none : values[i];
  }
};

std::string clean_cell(std::string_view field) {
  return std::string(cells::unprotect_cell(text::trim(field)));
}

bool is_blank(const util::CsvRecord& r) {
  return std::all_of(r.fields.begin(), r.fields.end(),
                     [](const std::string& f) { return text::trim(f).empty(); });
}

// -- header ---------------------------------------------------------------------------------

struct Header {
  int line = 0;
  std::vector<std::size_t> column_of_field;  // index into `columns`, or not_a_column
  // A city's own long table (Japanese headers, a 年度 per row) need not name the body or
  // number its KPIs: the body is then the one its title names, else "unknown" (as a grid's
  // without a title), and a KPI's id is its name.
  bool japanese = false;
  std::string body = "unknown";
  bool body_from_title = false;  // no municipality column: every row is of `body`
  bool id_from_name = false;     // no id column: a KPI's id is its name
};

bool has_column(const Header& h, std::size_t index) {
  return std::find(h.column_of_field.begin(), h.column_of_field.end(), index) !=
         h.column_of_field.end();
}

struct Context {
  model::SharedName path;  // the file's name, shared by its locations
  model::ParseOutput& out;
};

void warn(Context& c, int line, std::string code, std::string message) {
  c.out.diagnostics.push_back(
      {{c.path, line}, model::Severity::warning, std::move(code), std::move(message)});
}

void skip(Context& c, int line, std::string reason) {
  skip_row(c.out, c.path, line, std::move(reason));
}

// The keys a Japanese long table may leave out (Header::japanese).
bool defaulted_key(const Header& h, std::string_view name) {
  return h.japanese && (name == "municipality" || name == "id");
}

std::vector<std::string> missing_required(const Header& h) {
  std::vector<std::string> missing;
  for (std::size_t i = 0; i < column_count; ++i) {
    if (!columns[i].required || defaulted_key(h, columns[i].name)) continue;
    if (!has_column(h, i)) missing.emplace_back(columns[i].name);
  }
  return missing;
}

Header read_header(Context& c, const util::CsvRecord& record) {
  Header h{record.line, {}};
  for (const auto& field : record.fields) {
    auto name = cells::column_name(field);
    auto index = column_index(name);
    bool repeated = index != not_a_column && has_column(h, index);
    if (index == not_a_column && !name.empty())
      warn(c, record.line, "input.unknown-column",
           fmt::format("unknown column '{}' ignored", name));
    if (repeated) {
      warn(c, record.line, "input.unknown-column",
           fmt::format("column '{}' given twice; the second one is ignored", name));
      index = not_a_column;
    }
    h.column_of_field.push_back(index);
    h.japanese = h.japanese || cells::is_japanese_header(field);
  }
  h.body_from_title =
      defaulted_key(h, "municipality") && !has_column(h, column_index("municipality"));
  h.id_from_name = defaulted_key(h, "id") && !has_column(h, column_index("id"));
  return h;
}

// -- rows -----------------------------------------------------------------------------------

struct Row {
  int line = 0;
  Cells cells;
};

std::optional<std::string> shape_problem(const util::CsvRecord& r, const Header& h) {
  if (r.unterminated) return "unterminated quoted field (a \" without its closing quote)";
  for (std::size_t i = h.column_of_field.size(); i < r.fields.size(); ++i)
    if (!text::trim(r.fields[i]).empty())
      return fmt::format(
          "{} fields but the header has {}: a comma inside an unquoted value such as 1,190? "
          "(quote such values: \"1,190\")",
          r.fields.size(), h.column_of_field.size());
  return std::nullopt;
}

Row row_of(const util::CsvRecord& r, const Header& h) {
  Row row{r.line, {}};
  for (std::size_t i = 0; i < r.fields.size() && i < h.column_of_field.size(); ++i)
    if (h.column_of_field[i] != not_a_column)
      row.cells.values[h.column_of_field[i]] = clean_cell(r.fields[i]);
  if (h.body_from_title) row.cells.values[column_index("municipality")] = h.body;
  if (h.id_from_name) row.cells.values[column_index("id")] = row.cells["name"];
  return row;
}

std::optional<int> read_count(std::string_view cell) {
  if (cell.empty() || cell.size() > 3 ||
      !std::all_of(cell.begin(), cell.end(), [](char ch) { return ch >= '0' && ch <= '9'; }))
    return std::nullopt;
  int n = std::stoi(std::string(cell));
  return n > 0 ? std::optional<int>(n) : std::nullopt;
}

// Why a non-empty cell of this kind cannot be read, or "" when it can.
std::string cell_problem(Kind kind, std::string_view cell) {
  switch (kind) {
    case Kind::count:
      return read_count(cell) ? "" : "expected a positive whole number";
    case Kind::year:
      return cells::read_fiscal_year(cell) ? "" : "expected a fiscal year (2023, R5, 令和5年度)";
    case Kind::flag:
      return cells::read_flag(cell) ? "" : "expected true or false";
    case Kind::direction:
      return cells::read_direction(cell)
                 ? ""
                 : "expected increase, decrease or maintain (増加, 減少, 維持)";
    case Kind::direction_source:
      return cells::read_direction_source(cell)
                 ? ""
                 : "expected label, qualifier, inferred, target, published-rate, assumed or none";
    case Kind::qualifier:
      return cells::read_qualifier(cell) ? "" : "expected 以上, 以下, 程度, を維持 or none";
    case Kind::number:
      return cells::read_explicit_number(cell) ? "" : "expected a number or -";
    default:
      return "";
  }
}

std::optional<std::string> row_problem(const Row& row) {
  for (std::size_t i = 0; i < column_count; ++i) {
    const auto& cell = row.cells.values[i];
    if (columns[i].kind == Kind::key && cell.empty()) return fmt::format("no {}", columns[i].name);
    if (cell.empty()) continue;
    auto problem = cell_problem(columns[i].kind, cell);
    if (!problem.empty()) return fmt::format("{}: {}, got '{}'", columns[i].name, problem, cell);
  }
  if (!row.cells["fiscal_year"].empty()) return std::nullopt;
  std::vector<std::string> orphans;
  for (std::size_t i = 0; i < column_count; ++i)
    if (columns[i].level == Level::observation && !row.cells.values[i].empty())
      orphans.emplace_back(columns[i].name);
  if (orphans.empty()) return std::nullopt;
  std::string list;
  for (const auto& o : orphans) list += (list.empty() ? "" : ", ") + o;
  return list + " given without a fiscal_year";
}

model::Value value_cell(const Cells& cells, std::string_view name) {
  return cells::read_value(cells[name], cells[std::string(name) + "_number"]);
}

model::Observation observation_of(const Row& row, const model::SharedName& path) {
  const auto& c = row.cells;
  model::Observation o;
  o.fiscal_year = *cells::read_fiscal_year(c["fiscal_year"]);
  o.target = value_cell(c, "target");
  o.actual = value_cell(c, "actual");
  if (!c["actual_fiscal_year"].empty())
    o.actual_fiscal_year = cells::read_fiscal_year(c["actual_fiscal_year"]);
  if (!c["reported_in"].empty()) {
    auto column = cells::read_fiscal_year(c["reported_in"]);
    if (column && *column != o.fiscal_year) o.reported_in = column;
  }
  o.provisional = cells::read_flag(c["provisional"]).value_or(false);
  o.published_rate = value_cell(c, "published_rate");
  model::set_revision(o, value_cell(c, "revised_target"), value_cell(c, "revised_rate"));
  o.notes = c["notes"];
  o.source = {path, row.line};
  return o;
}

// -- KPIs: the rows of one (municipality, id, seq) --------------------------------------------

struct Group {
  int line = 0;  // first row
  int seq = 1;
  Cells cells;  // KPI-level cells: the first non-empty one of each column
  std::array<int, column_count> cell_lines{};
  std::vector<model::Observation> observations;
};

// municipality, id, seq, relisted_of: a re-listed copy may keep the id of its original
// (Toyama lists 2-03 again under another goal), and is another KPI.
using Key = std::tuple<std::string, std::string, int, std::string>;

struct Groups {
  std::vector<Group> list;  // in order of first appearance
  std::map<Key, std::size_t> index;
};

std::string display_id(const Row& row) {
  const auto& seq = row.cells["seq"];
  return seq.empty() || seq == "1" ? row.cells["id"] : fmt::format("{} #{}", row.cells["id"], seq);
}

const model::Observation* same_year(const Group& g, int fiscal_year) {
  for (const auto& o : g.observations)
    if (o.fiscal_year == fiscal_year) return &o;
  return nullptr;
}

// KPI-level cells of a row join the KPI's; a different non-empty value is reported, the
// first one kept.
void take_indicator_cells(Context& c, Group& g, const Row& row) {
  for (std::size_t i = 0; i < column_count; ++i) {
    if (columns[i].level != Level::indicator) continue;
    const auto& cell = row.cells.values[i];
    if (cell.empty()) continue;
    if (g.cells.values[i].empty()) {
      g.cells.values[i] = cell;
      g.cell_lines[i] = row.line;
    } else if (g.cells.values[i] != cell) {
      warn(c, row.line, "input.canonical-conflict",
           fmt::format("{}: {} '{}' differs from '{}' given at {}:{}; the first is kept",
                       display_id(row), columns[i].name, cell, g.cells.values[i], c.path,
                       g.cell_lines[i]));
    }
  }
}

void add_row(Context& c, Groups& groups, const Row& row) {
  int seq = row.cells["seq"].empty() ? 1 : *read_count(row.cells["seq"]);
  Key key{row.cells["municipality"], row.cells["id"], seq, row.cells["relisted_of"]};
  auto [it, added] = groups.index.try_emplace(key, groups.list.size());
  if (added) groups.list.push_back(Group{row.line, seq, {}, {}, {}});
  Group& g = groups.list[it->second];
  const auto& year_cell = row.cells["fiscal_year"];
  if (!year_cell.empty()) {
    int year = *cells::read_fiscal_year(year_cell);
    if (const auto* earlier = same_year(g, year)) {
      skip(c, row.line,
           fmt::format("{} FY{} is already given at {}:{}", display_id(row), year, c.path,
                       earlier->source.line));
      return;
    }
    g.observations.push_back(observation_of(row, c.path));
  }
  take_indicator_cells(c, g, row);
  ++c.out.rows_used;
}

std::vector<model::Value> alternatives_of(std::string_view cell) {
  std::vector<model::Value> out;
  for (auto line : text::split(cell, '\n')) {
    auto t = text::trim(line);
    if (!t.empty()) out.push_back(cells::read_value(t, ""));
  }
  return out;
}

std::optional<int> optional_year(const std::string& cell) {
  if (cell.empty()) return std::nullopt;
  return cells::read_fiscal_year(cell);
}

void read_direction(model::Indicator& ind, const Cells& c) {
  const auto& cell = c["direction"];
  ind.direction = *cells::read_direction(cell);
  ind.direction_text = !c["direction_text"].empty()                          ? c["direction_text"]
                       : !cell.empty() && !cells::is_direction_keyword(cell) ? cell
                                                                             : "";
  if (!c["direction_source"].empty()) {
    ind.direction_source = *cells::read_direction_source(c["direction_source"]);
  } else if (ind.direction != model::Direction::unknown) {
    ind.direction_source = model::DirectionSource::label;
  } else if (auto implied = direction_of(ind.final_target.qualifier);
             implied != model::Direction::unknown) {
    // No direction given: 以上 / 以下 / を維持 on the final target says it.
    ind.direction = implied;
    ind.direction_source = model::DirectionSource::qualifier;
    if (ind.direction_text.empty())
      ind.direction_text = model::to_string(ind.final_target.qualifier);
  }
}

model::Indicator indicator_of(const Group& g, const model::SharedName& path) {
  const auto& c = g.cells;
  model::Indicator ind;
  name_body_from_cell(ind, c["municipality"]);  // takaoka, Takaoka, 新田市
  if (auto name = text::body_name_form(c["municipality_name"]); !name.empty())
    ind.municipality_name = std::move(name);
  ind.id = c["id"];
  ind.seq = g.seq;
  ind.name = c["name"];
  ind.unit = c["unit"];
  ind.goal = c["goal"];
  ind.measure = c["measure"];
  ind.cumulative = cells::read_flag(c["cumulative"]).value_or(false);
  ind.relisted_of = cells::read_relisted(c["relisted_of"]);
  ind.baseline.value = value_cell(c, "baseline");
  ind.baseline.fiscal_year = optional_year(c["baseline_fiscal_year"]);
  ind.baseline.alternatives = alternatives_of(c["baseline_alternatives"]);
  ind.final_target.value = value_cell(c, "final_target");
  ind.final_target.fiscal_year = optional_year(c["final_target_fiscal_year"]);
  ind.final_target.qualifier = c["final_target_qualifier"].empty()
                                   ? text::first_qualifier(text::normalize(c["final_target"]))
                                   : *cells::read_qualifier(c["final_target_qualifier"]);
  read_direction(ind, c);
  ind.observations = g.observations;
  std::stable_sort(ind.observations.begin(), ind.observations.end(),
                   [](const auto& a, const auto& b) { return a.fiscal_year < b.fiscal_year; });
  ind.source = {path, g.line};
  return ind;
}

std::size_t first_non_blank(const std::vector<util::CsvRecord>& records) {
  std::size_t i = 0;
  while (i < records.size() && is_blank(records[i])) ++i;
  return i;
}

// How surely a row is this sheet's header: 40 and the columns it names, or 0.
int header_score(const util::CsvRecord& record) {
  int known = 0;
  bool japanese = false, fiscal_year = false, dated_values = false;
  for (const auto& field : record.fields) {
    auto name = cells::column_name(field);
    known += column_index(name) != not_a_column;
    japanese = japanese || cells::is_japanese_header(field);
    fiscal_year = fiscal_year || name == "fiscal_year";
    dated_values = dated_values || cells::names_a_year(field);
  }
  // Three of our column names in the first row is no accident; outbid the sheet layouts.
  // Japanese headers are the canonical sheet only in its long form (a 年度 column, values
  // without years); a table with years across (R5目標値, 令和5年度) is a grid, whose 年度
  // column is a baseline's year.
  if (japanese && (!fiscal_year || dated_values)) return 0;
  return known >= 3 ? 40 + known : 0;
}

// A city's long table may print a few title lines above its header (第2期〇〇市総合戦略
// KPI実績一覧): rows of at most two filled cells.
constexpr int max_title_rows = 5;

bool is_title_row(const util::CsvRecord& record) {
  auto filled = std::count_if(record.fields.begin(), record.fields.end(),
                              [](const std::string& f) { return !text::trim(f).empty(); });
  return filled <= 2;
}

struct HeaderLine {
  int score = 0;         // header_score, 0 when no line is a header
  char delimiter = ',';  // a tab when the header line holds one (a TSV, a workbook's sheet)
};

// The header line of `text`: the first line that is not blank (nor only commas), after title
// lines.
HeaderLine find_header_line(std::string_view text) {
  int titles = 0;
  for (std::size_t pos = 0; pos < text.size();) {
    auto end = std::min(text.find('\n', pos), text.size());
    auto line = text.substr(pos, end - pos);
    pos = end + 1;
    char delimiter = line.find('\t') != std::string_view::npos ? '\t' : ',';
    auto records = util::read_csv(line, delimiter);
    if (records.empty() || is_blank(records.front())) continue;
    if (int score = header_score(records.front()); score > 0) return {score, delimiter};
    if (!is_title_row(records.front()) || ++titles > max_title_rows) return {};
  }
  return {};
}

// The header row (after blank and title rows; the first non-blank row when no row is a
// header) and the title above it.
std::pair<std::size_t, std::string> find_header_row(const std::vector<util::CsvRecord>& records) {
  std::string title;
  int titles = 0;
  for (std::size_t i = 0; i < records.size(); ++i) {
    if (is_blank(records[i])) continue;
    if (header_score(records[i]) > 0) return {i, title};
    if (!is_title_row(records[i]) || ++titles > max_title_rows) break;
    for (const auto& f : records[i].fields) title += std::string(text::trim(f)) + " ";
  }
  return {first_non_blank(records), ""};
}

std::string join(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

}  // namespace

int sniff(std::string_view text) {
  return find_header_line(text).score;
}

model::ParseOutput parse(std::string_view text, std::string_view path) {
  model::ParseOutput out;
  Context c{model::SharedName(path), out};
  auto records = util::read_csv(text, find_header_line(text).delimiter);
  auto [h, title] = find_header_row(records);
  if (h == records.size()) {
    out.diagnostics.push_back({{c.path, 1},
                               model::Severity::error,
                               "input.no-rows",
                               "expected a header row (municipality,id,name,fiscal_year,...)"});
    return out;
  }
  Header header = read_header(c, records[h]);
  if (auto body = text::body_name_in(title); !body.empty()) header.body = body;
  if (auto missing = missing_required(header); !missing.empty()) {
    out.diagnostics.push_back(
        {{c.path, header.line},
         model::Severity::error,
         "input.layout",
         fmt::format("missing required column{} {} in the header row (see docs/canonical.md)",
                     missing.size() > 1 ? "s" : "", join(missing))});
    return out;
  }
  Groups groups;
  for (std::size_t i = h + 1; i < records.size(); ++i) {
    const auto& record = records[i];
    if (is_blank(record)) continue;
    ++out.rows_read;
    if (auto problem = shape_problem(record, header)) {
      skip(c, record.line, *problem);
      continue;
    }
    Row row = row_of(record, header);
    if (auto problem = row_problem(row)) {
      skip(c, record.line, *problem);
      continue;
    }
    add_row(c, groups, row);
  }
  for (const auto& g : groups.list) out.indicators.push_back(indicator_of(g, c.path));
  name_body_from_profile(out.indicators);
  return out;
}

}  // namespace kpi::formats::canonical_csv
