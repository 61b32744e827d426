#include "kpi/formats/grid_direction.hpp"

#include "kpi/formats/parse_kit.hpp"
#include "kpi/text/normalize.hpp"
#include "kpi/text/qualifier.hpp"
#include "kpi/text/strings.hpp"
#include "kpi/util/last_computed.hpp"

namespace kpi::formats::grid_direction {
namespace {

using model::Direction;
using model::RateFormula;
using text::contains;

// "Ⅱ" (NFKC "II"), "(2)", "減少", "以下", "↓", "低": the lower value is the aim.
bool says_lower_is_better(std::string_view t) {
  for (std::string_view mark : {"II", "(2)", "減少", "低減", "以下", "↓", "低い", "下げ"})
    if (contains(t, mark)) return true;
  return false;
}

std::optional<Reading> read_type(std::string_view t) {
  bool lower = says_lower_is_better(t);
  if (contains(t, "進捗割合") || contains(t, "進捗率型"))
    return Reading{lower ? Direction::decrease : Direction::increase, RateFormula::progress};
  if (contains(t, "現状維持") || contains(t, "維持型"))
    return Reading{Direction::maintain, lower ? RateFormula::two_minus_ratio : RateFormula::ratio};
  return std::nullopt;
}

std::optional<Direction> read_direction_word(std::string_view t) {
  struct Word {
    std::string_view text;
    Direction direction;
  };
  // Tried in order: the phrases before the single characters they contain.
  static constexpr Word words[] = {
      {"低いほど", Direction::decrease},   {"少ないほど", Direction::decrease},
      {"小さいほど", Direction::decrease}, {"高いほど", Direction::increase},
      {"多いほど", Direction::increase},   {"大きいほど", Direction::increase},
      {"逆指標", Direction::decrease},     {"抑制", Direction::decrease},
      {"下げ", Direction::decrease},       {"上げ", Direction::increase},
      {"増加", Direction::increase},       {"減少", Direction::decrease},
      {"維持", Direction::maintain},       {"以上", Direction::increase},
      {"以下", Direction::decrease},       {"↑", Direction::increase},
      {"↓", Direction::decrease},          {"上昇", Direction::increase},
      {"低下", Direction::decrease},       {"増", Direction::increase},
      {"減", Direction::decrease},         {"→", Direction::maintain},
      {"↗", Direction::increase},          {"↘", Direction::decrease},
      {"⬆", Direction::increase},          {"⬇", Direction::decrease},
      {"increase", Direction::increase},   {"decrease", Direction::decrease},
      {"maintain", Direction::maintain},
  };
  for (const auto& w : words)
    if (contains(t, w.text)) return w.direction;
  return std::nullopt;
}

// The target the KPI heads for: the final one, else the latest year's.
const std::optional<model::Decimal>& aimed_target(const model::Indicator& ind) {
  if (ind.final_target.value.number) return ind.final_target.value.number;
  for (auto o = ind.observations.rbegin(); o != ind.observations.rend(); ++o)
    if (o->target.number) return o->target.number;
  return ind.final_target.value.number;
}

// The way the final target (else the latest year's) lies from the baseline; without a
// baseline, the way the targets go from the first year's to the final one (10, 5, then 0:
// decrease), when they move.
Direction by_comparison(const model::Indicator& ind) {
  const auto& target = aimed_target(ind);
  const auto& base = ind.baseline.value.number;
  if (!target) return Direction::unknown;
  double t = target->to_double();
  if (!base) {
    for (const auto& o : ind.observations) {
      if (!o.target.number) continue;
      double first = o.target.number->to_double();
      if (t > first) return Direction::increase;
      if (t < first) return Direction::decrease;
      return Direction::unknown;  // the same target throughout: no way told
    }
    return Direction::unknown;
  }
  double b = base->to_double();
  if (t > b) return Direction::increase;
  if (t < b) return Direction::decrease;
  return Direction::maintain;
}

}  // namespace

std::optional<Reading> read_words(std::string_view printed) {
  auto t = text::normalize(text::trim(printed));
  if (t.empty()) return std::nullopt;
  if (auto typed = read_type(t)) return typed;
  if (auto d = read_direction_word(t)) return Reading{*d, RateFormula::by_direction};
  return std::nullopt;
}

namespace {

// read_words of a direction or type column's cell, which repeats down the rows: the last two
// texts read (one of each column) are remembered, per thread, as rows are read on several.
std::optional<Reading> remembered_words(std::string_view printed) {
  thread_local util::LastComputed<std::optional<Reading>, 2> last;
  return last.get(printed, read_words);
}

}  // namespace

namespace {

// The qualifier the year targets print (10以下, 95%以上), when they agree; none when they print
// none or disagree. Only targets printing 以 or 維持 are read again.
model::Qualifier year_targets_qualifier(const model::Indicator& ind) {
  auto found = model::Qualifier::none;
  for (const auto& o : ind.observations) {
    const auto& printed = o.target.text;
    if (!text::contains(printed, "以") && !text::contains(printed, "維持")) continue;
    auto q = text::first_qualifier(text::normalize(printed));
    if (q == model::Qualifier::none) continue;
    if (found != model::Qualifier::none && q != found) return model::Qualifier::none;
    found = q;
  }
  return found;
}

}  // namespace

void assign(model::Indicator& ind, std::string_view direction_cell, std::string_view type_cell) {
  for (auto cell : {direction_cell, type_cell}) {
    auto reading = remembered_words(cell);
    if (!reading) continue;
    if (reading->formula != RateFormula::by_direction) ind.rate_formula = reading->formula;
    if (ind.direction != Direction::unknown) continue;
    ind.direction = reading->direction;
    ind.direction_source = model::DirectionSource::label;
    ind.direction_text = std::string(text::trim(cell));
  }
  if (ind.direction != Direction::unknown) return;
  if (auto d = direction_of(ind.final_target.qualifier); d != Direction::unknown) {
    ind.direction = d;
    ind.direction_source = model::DirectionSource::qualifier;
    ind.direction_text = model::to_string(ind.final_target.qualifier);
    return;
  }
  // The year targets' qualifier (10以下 where the baseline is 10: kept at most 10, not kept
  // at 10 with more being better).
  auto year_qualifier = year_targets_qualifier(ind);
  if (auto d = direction_of(year_qualifier); d != Direction::unknown) {
    ind.direction = d;
    ind.direction_source = model::DirectionSource::qualifier;
    ind.direction_text = model::to_string(year_qualifier);
    return;
  }
  // A final target printed as words of keeping (現状維持, 維持): the KPI is kept, not grown.
  const auto& target = ind.final_target.value;
  if (!target.number && text::contains(text::normalize(target.text), "維持")) {
    ind.direction = Direction::maintain;
    ind.direction_source = model::DirectionSource::qualifier;
    ind.direction_text = target.text;
    return;
  }
  ind.direction = by_comparison(ind);
  if (ind.direction != Direction::unknown) ind.direction_source = model::DirectionSource::inferred;
}

}  // namespace kpi::formats::grid_direction
