// One line inside a Kanazawa KPI block: bullets, columns (tabs or table pipes) and values.
#include "kpi/formats/kanazawa_lines.hpp"

#include "kpi/formats/printed_name.hpp"
#include "kpi/text/mapped.hpp"
#include "kpi/text/stable_text.hpp"
#include "kpi/text/strings.hpp"

namespace kpi::formats::kanazawa {
namespace {

using text::starts_with;

constexpr std::string_view bullets[] = {"・", "◆", "◇", "●", "○", "■"};

struct Bracket {
  std::string_view open, close;
};
constexpr Bracket relisted_brackets[] = {{"[", "]"}, {"〔", "〕"}, {"【", "】"}, {"(", ")"}};

// Start of the line's content: after spaces, list dashes ("- ・ …") and a table's opening
// pipe; a leading tab is kept, it marks an empty first column.
std::size_t content_begin(std::string_view s) {
  std::size_t i = 0;
  for (;;) {
    while (i < s.size() && s[i] == ' ') ++i;
    bool dash = i < s.size() && s[i] == '-' && (i + 1 == s.size() || s[i + 1] == ' ');
    if (!dash && (i >= s.size() || s[i] != '|')) return i;
    ++i;
  }
}

std::size_t content_end(std::string_view s, std::size_t begin) {
  std::size_t e = s.size();
  while (e > begin && (text::is_space_or_tab(s[e - 1]) || s[e - 1] == '|')) --e;
  return e;
}

// "- | | |", "|-----|-----|": a table border carries no text.
bool is_border(std::string_view s) {
  for (char c : s)
    if (!text::is_space_or_tab(c) && c != '-' && c != '|' && c != ':') return false;
  return true;
}

std::string_view without_bullet(std::string_view s) {
  s = text::trim(s);
  for (auto b : bullets)
    if (starts_with(s, b)) return text::trim(s.substr(b.size()));
  return s;
}

bool has_bullet(std::string_view s) {
  return without_bullet(s).size() != text::trim(s).size();
}

// A 再掲 mark in a normalised name: bytes [begin, end) of it.
std::optional<Span> relisted_mark(std::string_view name) {
  constexpr std::string_view word = "再掲";
  auto mark = name.find(word);
  if (mark == std::string_view::npos) return std::nullopt;
  Span out{mark, mark + word.size()};
  for (const auto& b : relisted_brackets) {
    auto open = name.rfind(b.open, mark);
    auto close = name.find(b.close, out.end);
    if (open == std::string_view::npos || close == std::string_view::npos) continue;
    if (!text::trim(name.substr(open, mark - open).substr(b.open.size())).empty())
      continue;  // "(累計)(再掲)": not the bracket right before 再掲
    return Span{open, close + b.close.size()};
  }
  return out;
}

// The printed text behind `column` (a view into line.normalized): without bullet and 再掲
// mark, PDF gaps closed ("1 歳児" → "1歳児", "L I N E" → "LINE").
std::string printed_name(const text::MappedText& line, std::string_view column, bool& relisted) {
  auto name = span_of(line, without_bullet(column));
  std::vector<Span> spans{name};
  std::string_view all = line.normalized;
  if (auto mark = relisted_mark(all.substr(name.begin, name.end - name.begin))) {
    relisted = true;
    spans = {{name.begin, name.begin + mark->begin}, {name.begin + mark->end, name.end}};
  }
  return printed_closing_gaps(line, spans);
}

void read_columns(const text::MappedText& line, std::string_view prefix, KpiLine& out) {
  auto columns = text::split(prefix, '\t');
  out.continues_row = columns.size() > 1 && text::trim(columns.front()).empty();
  if (!out.continues_row) out.name = printed_name(line, columns.front(), out.relisted);
  for (std::size_t i = 1; i < columns.size(); ++i)
    if (auto group = printed_closing_gaps(line, {span_of(line, columns[i])}); !group.empty())
      out.groups.push_back(group);
  if (out.continues_row || !out.name.empty())
    out.kind = LineKind::kpi;
  else
    out.kind = LineKind::values;
}

}  // namespace

KpiLine read_kpi_line(std::string_view original_line) {
  text::MappedText line;
  text::normalize_mapped_into(original_line, line);
  std::string& s = line.normalized;
  auto begin = content_begin(s);
  auto end = content_end(s, begin);
  for (std::size_t i = begin; i < end; ++i)
    if (s[i] == '|') s[i] = '\t';  // table columns read like tab columns
  KpiLine out;
  std::string_view content = std::string_view(s).substr(begin, end - begin);
  out.text = text::is_squeezed(content) ? std::string(content) : text::squeeze_spaces(content);
  if (is_border(content)) return out;
  out.bullet = has_bullet(content);
  auto read = read_values(line, begin, end);
  if (read.values) {
    out.values = std::move(read.values);
    read_columns(line, std::string_view(s).substr(begin, out.values->begin - begin), out);
    return out;
  }
  out.problem = read.problem;
  out.name = printed_name(line, content, out.relisted);
  out.kind = read.problem.empty() && out.bullet ? LineKind::name : LineKind::other;
  return out;
}

}  // namespace kpi::formats::kanazawa
