#include "kpi/formats/canonical_cells.hpp"

#include <algorithm>

#include "kpi/formats/grid_headers.hpp"
#include "kpi/text/era.hpp"
#include "kpi/text/normalize.hpp"
#include "kpi/text/number.hpp"
#include "kpi/text/strings.hpp"

namespace kpi::formats::canonical {
namespace {

// What Excel reads as a number, not a formula: [+-]digits[,digits][.digits][%].
bool is_plain_number(std::string_view s) {
  std::size_t i = 0;
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
  if (i >= s.size() || !text::is_ascii_digit(s[i])) return false;
  while (i < s.size() && (text::is_ascii_digit(s[i]) || s[i] == ',')) ++i;
  if (i < s.size() && s[i] == '.') {
    ++i;
    if (i >= s.size() || !text::is_ascii_digit(s[i])) return false;
    while (i < s.size() && text::is_ascii_digit(s[i])) ++i;
  }
  if (i < s.size() && s[i] == '%') ++i;
  return i == s.size();
}

bool starts_formula(std::string_view s) {
  return !s.empty() && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@');
}

bool is_four_digit_year(std::string_view s) {
  return s.size() == 4 && std::all_of(s.begin(), s.end(), text::is_ascii_digit) && s >= "1900" &&
         s <= "2199";
}

std::string_view without_suffix(std::string_view s) {
  for (std::string_view suffix : {"年度", "年"})
    if (text::ends_with(s, suffix)) return text::trim(s.substr(0, s.size() - suffix.size()));
  return s;
}

}  // namespace

std::string protect_cell(std::string_view text) {
  bool needs = (starts_formula(text) && !is_plain_number(text) && text != "-") ||
               text::starts_with(text, "'");
  return needs ? "'" + std::string(text) : std::string(text);
}

std::string_view unprotect_cell(std::string_view cell) {
  return text::starts_with(cell, "'") ? cell.substr(1) : cell;
}

namespace {

// Japanese headers of the canonical sheet that the grid header words do not name.
std::optional<std::string_view> japanese_alias(std::string_view normalized) {
  static constexpr std::pair<std::string_view, std::string_view> aliases[] = {
      {"年度", "fiscal_year"},
      {"対象年度", "fiscal_year"},
      {"評価年度", "fiscal_year"},
      {"実績年度", "actual_fiscal_year"},
      {"目標年度", "final_target_fiscal_year"},
      {"最終目標年度", "final_target_fiscal_year"},
      {"累計", "cumulative"},
      {"再掲", "relisted_of"},
      {"連番", "seq"},
      {"変更後の目標値", "revised_target"},
      {"変更後の達成率", "revised_rate"},
      {"速報値", "provisional"},
  };
  for (const auto& [alias, name] : aliases)
    if (normalized == alias) return name;
  return std::nullopt;
}

// The canonical column a Japanese header names, through the grid layout's header words.
std::string japanese_column(std::string_view header) {
  auto normalized = text::replace_all(text::normalize(header), " ", "");
  if (auto alias = japanese_alias(normalized)) return std::string(*alias);
  using grid_headers::Role;
  switch (grid_headers::read_header(header).role) {
    case Role::id:
      return "id";
    case Role::name:
      return "name";
    case Role::unit:
      return "unit";
    case Role::baseline:
      return "baseline";
    case Role::baseline_year:
      return "baseline_fiscal_year";
    case Role::target:
      return "target";
    case Role::final_target:
      return "final_target";
    case Role::final_year:
      return "final_target_fiscal_year";
    case Role::actual:
      return "actual";
    case Role::rate:
      return "published_rate";
    case Role::direction:
      return "direction";
    case Role::goal:
      return "goal";
    case Role::measure:
      return "measure";
    case Role::note:
      return "notes";
    case Role::municipality:
      return "municipality";
    default:
      return std::string(header);
  }
}

}  // namespace

std::string column_name(std::string_view header_cell) {
  auto header = unprotect_cell(text::trim(header_cell));
  if (!text::is_ascii(header)) return japanese_column(header);
  auto name = text::ascii_lower(header);
  // The KPI's number as Japanese sheets head it, beside their Japanese headers.
  if (name == "no" || name == "no." || name == "#") return "id";
  return name;
}

bool names_a_year(std::string_view header_cell) {
  return grid_headers::read_header(header_cell).fiscal_year.has_value();
}

bool is_japanese_header(std::string_view header_cell) {
  return !text::is_ascii(header_cell);
}

std::optional<model::Decimal> number_in_text(std::string_view printed) {
  return text::parse_cell(text::normalize(printed), printed).value.number;
}

std::string printed_text(const model::Value& value) {
  if (value.text.empty() && value.number) return value.number->to_string();
  return value.text;
}

std::string explicit_number_cell(const model::Value& value) {
  auto derived = number_in_text(printed_text(value));
  bool same = derived.has_value() == value.number.has_value() &&
              (!derived ||
               (derived->units == value.number->units && derived->scale == value.number->scale));
  if (same) return "";
  return value.number ? value.number->to_string() : "-";
}

std::optional<std::optional<model::Decimal>> read_explicit_number(std::string_view cell) {
  auto t = text::trim(cell);
  if (t == "-") return std::optional<model::Decimal>{};
  auto number = text::parse_exact_number(text::normalize(t));
  if (!number || text::ends_with(t, "%")) return std::nullopt;
  return number;
}

model::Value read_value(std::string_view printed, std::string_view number_cell) {
  model::Value v;
  v.text = std::string(printed);
  if (number_cell.empty())
    v.number = number_in_text(printed);
  else if (auto explicit_number = read_explicit_number(number_cell))
    v.number = *explicit_number;
  return v;
}

std::optional<int> read_fiscal_year(std::string_view cell) {
  std::string normalized = text::normalize(cell);
  std::string_view v = text::trim(normalized);
  if (text::starts_with(v, "FY") || text::starts_with(v, "fy")) v = text::trim(v.substr(2));
  v = without_suffix(v);
  if (is_four_digit_year(v)) return std::stoi(std::string(v));
  auto era = text::find_fiscal_year(v);
  if (!era || era->begin != 0 || era->end != v.size()) return std::nullopt;
  return era->fiscal_year;
}

std::optional<bool> read_flag(std::string_view cell) {
  auto t = text::ascii_lower(text::trim(std::string_view(text::normalize(cell))));
  for (std::string_view yes : {"true", "yes", "1", "○", "◯", "累計", "y"})
    if (t == yes) return true;
  for (std::string_view no : {"", "false", "no", "0", "×", "n"})
    if (t == no) return false;
  return std::nullopt;
}

const char* flag_text(bool flag) {
  return flag ? "true" : "false";
}

std::optional<model::Direction> read_direction(std::string_view cell) {
  auto t = text::ascii_lower(text::trim(std::string_view(text::normalize(cell))));
  if (t.empty() || t == "unknown") return model::Direction::unknown;
  if (auto d = model::direction_from_string(t)) return d;
  const std::pair<std::string_view, model::Direction> labels[] = {
      {"増加", model::Direction::increase},
      {"減少", model::Direction::decrease},
      {"維持", model::Direction::maintain}};
  for (const auto& [label, direction] : labels)
    if (t == label || t == std::string(label) + "指標") return direction;
  return std::nullopt;
}

bool is_direction_keyword(std::string_view cell) {
  auto t = text::ascii_lower(text::trim(cell));
  return t == "increase" || t == "decrease" || t == "maintain" || t == "unknown";
}

std::optional<model::DirectionSource> read_direction_source(std::string_view cell) {
  auto t = text::ascii_lower(text::trim(cell));
  for (auto s : {model::DirectionSource::label, model::DirectionSource::qualifier,
                 model::DirectionSource::inferred, model::DirectionSource::target,
                 model::DirectionSource::published_rate, model::DirectionSource::assumed})
    if (t == model::to_string(s)) return s;
  if (t == "none") return model::DirectionSource::none;
  return std::nullopt;
}

std::optional<model::Qualifier> read_qualifier(std::string_view cell) {
  auto t = text::ascii_lower(text::trim(std::string_view(text::normalize(cell))));
  const std::pair<std::string_view, model::Qualifier> names[] = {
      {"at_least", model::Qualifier::at_least}, {"at_most", model::Qualifier::at_most},
      {"about", model::Qualifier::about},       {"keep", model::Qualifier::keep},
      {"none", model::Qualifier::none},         {"なし", model::Qualifier::none}};
  for (const auto& [name, q] : names)
    if (t == name) return q;
  for (auto q : {model::Qualifier::at_least, model::Qualifier::at_most, model::Qualifier::about,
                 model::Qualifier::keep})
    if (t == model::to_string(q)) return q;
  return std::nullopt;
}

std::optional<std::string> read_relisted(std::string_view cell) {
  auto t = text::trim(cell);
  if (t.empty()) return std::nullopt;
  if (t == relisted_unknown) return std::string();
  return std::string(t);
}

std::string relisted_text(const std::optional<std::string>& relisted_of) {
  if (!relisted_of) return "";
  return relisted_of->empty() ? std::string(relisted_unknown) : *relisted_of;
}

}  // namespace kpi::formats::canonical
