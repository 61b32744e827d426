#include "kpi/calc/rate.hpp"

#include <cstdint>

namespace kpi::calc {
namespace {

const Rational hundred = Rational::integer(100);

std::optional<Rational> percent_of(const std::optional<Rational>& q) {
  if (!q) return std::nullopt;
  return *q * hundred;
}

bool fits64(Int v) {
  return v >= -Int{INT64_MAX} && v <= Int{INT64_MAX};
}

// percent_of(divide(a, b)) in one division: a's numerator is multiplied by 100 first where
// nothing can overflow (64-bit parts, |a.num| < 2^56), so neither way throws there; both give
// the same fraction in lowest terms.
std::optional<Rational> percent_of_quotient(const Rational& a, const Rational& b) {
  constexpr Int limit = Int{1} << 56;
  if (a.num < limit && a.num > -limit && fits64(a.den) && fits64(b.num) && fits64(b.den))
    return divide(Rational{a.num * 100, a.den}, b);
  return percent_of(divide(a, b));
}

std::optional<Rational> progress(const RateInputs& in) {
  if (!in.baseline) return std::nullopt;
  return percent_of_quotient(*in.actual - *in.baseline, *in.target - *in.baseline);
}

}  // namespace

const char* to_string(Method method) {
  switch (method) {
    case Method::ratio:
      return "ratio";
    case Method::inverse:
      return "inverse";
    case Method::progress:
      return "progress";
    case Method::maintain_zero:
      return "maintain_zero";
    case Method::met_is_100:
      return "met_is_100";
    case Method::complement:
      return "complement";
    case Method::two_minus_ratio:
      return "two_minus_ratio";
    case Method::maintain_within:
      return "maintain_within";
  }
  return "ratio";
}

std::optional<Rational> rate_percent(Method method, const RateInputs& in) {
  if (!in.target || !in.actual) return std::nullopt;
  switch (method) {
    case Method::ratio:
      return percent_of_quotient(*in.actual, *in.target);
    case Method::inverse:
      return percent_of_quotient(*in.target, *in.actual);
    case Method::progress:
      return progress(in);
    case Method::maintain_zero:
      if (is_zero(*in.target) && is_zero(*in.actual)) return hundred;
      return std::nullopt;
    case Method::met_is_100:
      return std::nullopt;  // needs the direction: see verify
    case Method::maintain_within:
      if (compare(*in.actual, *in.target) <= 0) return hundred;
      return std::nullopt;
    case Method::complement: {
      auto over = divide(*in.actual - *in.target, *in.target);
      if (!over) return std::nullopt;
      return (Rational::integer(1) - *over) * hundred;
    }
    case Method::two_minus_ratio: {
      auto ratio = divide(*in.actual, *in.target);
      if (!ratio) return std::nullopt;
      return (Rational::integer(2) - *ratio) * hundred;
    }
  }
  return std::nullopt;
}

Method primary_method(model::Direction direction, const RateInputs& in, bool zero_target_progress,
                      bool maintain_zero_is_100) {
  ZeroInputs zero{in.target && is_zero(*in.target), in.actual && is_zero(*in.actual)};
  return primary_method(direction, zero, zero_target_progress, maintain_zero_is_100);
}

Method primary_method(model::Direction direction, ZeroInputs zero, bool zero_target_progress,
                      bool maintain_zero_is_100) {
  bool zero_target = zero.target, zero_actual = zero.actual;
  if (zero_target && zero_actual && maintain_zero_is_100 && direction == model::Direction::maintain)
    return Method::maintain_zero;
  if (zero_target && zero_target_progress) return Method::progress;
  if (direction == model::Direction::decrease) return Method::inverse;
  return Method::ratio;
}

std::optional<Method> method_of(model::RateFormula formula) {
  switch (formula) {
    case model::RateFormula::progress:
      return Method::progress;
    case model::RateFormula::ratio:
      return Method::ratio;
    case model::RateFormula::two_minus_ratio:
      return Method::two_minus_ratio;
    case model::RateFormula::by_direction:
      break;
  }
  return std::nullopt;
}

}  // namespace kpi::calc
