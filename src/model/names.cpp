// Names of the model's enumerations as they appear in JSON and text output.
#include "kpi/model/diagnostic.hpp"
#include "kpi/model/indicator.hpp"
#include "kpi/model/value.hpp"

namespace kpi::model {

const char* to_string(Qualifier q) {
  switch (q) {
    case Qualifier::at_least:
      return "以上";
    case Qualifier::at_most:
      return "以下";
    case Qualifier::about:
      return "程度";
    case Qualifier::keep:
      return "を維持";
    case Qualifier::none:
      break;
  }
  return nullptr;
}

const char* to_string(Direction d) {
  switch (d) {
    case Direction::increase:
      return "increase";
    case Direction::decrease:
      return "decrease";
    case Direction::maintain:
      return "maintain";
    case Direction::unknown:
      break;
  }
  return nullptr;
}

const char* to_string(DirectionSource s) {
  switch (s) {
    case DirectionSource::label:
      return "label";
    case DirectionSource::qualifier:
      return "qualifier";
    case DirectionSource::inferred:
      return "inferred";
    case DirectionSource::target:
      return "target";
    case DirectionSource::published_rate:
      return "published-rate";
    case DirectionSource::assumed:
      return "assumed";
    case DirectionSource::none:
      break;
  }
  return nullptr;
}

const char* to_string(Verdict v) {
  switch (v) {
    case Verdict::match:
      return "match";
    case Verdict::consistent:
      return "consistent";
    case Verdict::mismatch:
      return "mismatch";
    case Verdict::unchecked:
      break;
  }
  return "unchecked";
}

const char* to_string(Severity s) {
  switch (s) {
    case Severity::note:
      return "note";
    case Severity::warning:
      return "warning";
    case Severity::error:
      break;
  }
  return "error";
}

std::optional<Direction> direction_from_string(std::string_view text) {
  for (auto d : {Direction::increase, Direction::decrease, Direction::maintain})
    if (text == to_string(d)) return d;
  if (text.empty() || text == "unknown" || text == "null") return Direction::unknown;
  return std::nullopt;
}

std::optional<Verdict> verdict_from_string(std::string_view text) {
  for (auto v : {Verdict::unchecked, Verdict::match, Verdict::consistent, Verdict::mismatch})
    if (text == to_string(v)) return v;
  return std::nullopt;
}

}  // namespace kpi::model
