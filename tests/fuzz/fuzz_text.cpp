// The text helpers the parsers are built on: NFKC normalisation, number and cell parsing,
// era years, the kit's value and time-point readers, value tokens. Each is run on the raw
// input and on its normalised form, and every offset it returns must lie inside the text it
// was given.
#include "fuzz_check.hpp"
#include "kpi/formats/printed_value.hpp"
#include "kpi/formats/time_point.hpp"
#include "kpi/formats/value_tokens.hpp"
#include "kpi/formats/worded_text.hpp"
#include "kpi/text/decode.hpp"
#include "kpi/text/era.hpp"
#include "kpi/text/normalize.hpp"
#include "kpi/text/number.hpp"
#include "kpi/text/strings.hpp"

namespace {

using kpi::text::is_valid_utf8;

void numbers(std::string_view s) {
  std::size_t from = 0;
  while (auto t = kpi::text::find_number(s, from)) {
    FUZZ_REQUIRE(t->begin >= from && t->begin < t->end && t->end <= s.size());
    FUZZ_REQUIRE(t->number.scale >= 0 && t->number.scale <= kpi::model::max_decimal_scale);
    // The canonical text reads back as the same number (value_json relies on it).
    auto again = kpi::text::parse_exact_number(t->number.to_string());
    FUZZ_REQUIRE(again && again->units == t->number.units && again->scale == t->number.scale);
    from = t->end;
  }
  (void)kpi::text::parse_exact_number(s);
  (void)kpi::text::is_no_value(s);
  (void)kpi::text::first_qualifier(s);
}

void eras(std::string_view s) {
  std::size_t from = 0;
  while (auto y = kpi::text::find_fiscal_year(s, from)) {
    FUZZ_REQUIRE(y->begin >= from && y->begin < y->end && y->end <= s.size());
    FUZZ_REQUIRE(y->fiscal_year >= 1900 && y->fiscal_year <= 2199);
    from = y->end;
  }
  (void)kpi::text::fiscal_year_in(s);
}

void cell(std::string_view normalized, std::string_view original, bool utf8) {
  auto c = kpi::text::parse_cell(normalized, original);
  if (!utf8) return;
  FUZZ_REQUIRE(is_valid_utf8(c.unit) && is_valid_utf8(c.note) && is_valid_utf8(c.value.text));
}

// The kit's one-value reader at the start of every digit run, to the end of the text.
void values(std::string_view s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    bool starts_digits =
        kpi::text::is_ascii_digit(s[i]) && (i == 0 || !kpi::text::is_ascii_digit(s[i - 1]));
    if (!starts_digits) continue;
    auto v = kpi::formats::read_value(s, i, 0, s.size());
    if (!v) continue;
    FUZZ_REQUIRE(v->begin() <= i && v->number.end <= v->suffix.unit_end);
    FUZZ_REQUIRE(v->suffix.unit_end <= v->end() && v->end() <= s.size());
    i = v->end();  // linear: one read per value
  }
  if (auto t = kpi::formats::time_point_in(s, 0, s.size()))
    FUZZ_REQUIRE(t->begin <= t->end && t->end <= s.size());
}

// Lines read word by word: the normalised line is text::normalize of the line (for UTF-8;
// whitespace is a normalisation boundary), and every token lies inside its line.
void tokens(std::string_view text, bool utf8) {
  kpi::formats::WordedText worded(text);
  for (const auto& line : worded.lines()) {
    if (utf8) FUZZ_REQUIRE(line.normalized == kpi::text::normalize(line.original));
    auto run = kpi::formats::trailing_value_run(line.words, line.original);
    FUZZ_REQUIRE(run.begin <= line.original.size());
    std::size_t previous = run.begin;
    for (const auto& t : run.tokens) {
      FUZZ_REQUIRE(t.begin >= previous && t.begin < line.original.size());
      previous = t.begin;
    }
    for (const auto& w : line.words) (void)kpi::formats::value_token(w);
  }
}

void strings(std::string_view s) {
  (void)kpi::text::trim(s);
  (void)kpi::text::squeeze_spaces(s);
  (void)kpi::text::display_width(s);
  (void)kpi::text::replace_all(s, "\n", "");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const unsigned char* data, std::size_t size) {
  auto raw = kpi::fuzz::as_text(data, size);
  bool utf8 = is_valid_utf8(raw);
  auto normalized = kpi::text::normalize(raw);
  if (utf8) FUZZ_REQUIRE(is_valid_utf8(normalized));
  for (std::string_view s : {raw, std::string_view(normalized)}) {
    numbers(s);
    eras(s);
    strings(s);
    values(s);
  }
  cell(normalized, raw, utf8);
  tokens(raw, utf8);
  return 0;
}
