#include "kpi/formats/parse_kit.hpp"

#include "kpi/text/number.hpp"
#include "kpi/text/strings.hpp"

namespace kpi::formats {

bool starts_with_circled_number(std::string_view s) {
  s = text::trim(s);
  if (s.size() < 3) return false;
  auto b0 = static_cast<unsigned char>(s[0]), b1 = static_cast<unsigned char>(s[1]),
       b2 = static_cast<unsigned char>(s[2]);
  return b0 == 0xE2 && b1 == 0x91 && b2 >= 0xA0 && b2 <= 0xB3;  // U+2460..U+2473
}

model::Direction direction_of(model::Qualifier qualifier) {
  switch (qualifier) {
    case model::Qualifier::at_least:
      return model::Direction::increase;
    case model::Qualifier::at_most:
      return model::Direction::decrease;
    case model::Qualifier::keep:
      return model::Direction::maintain;
    default:
      return model::Direction::unknown;
  }
}

namespace {

// Index past the bracket opened at `open` (nested pairs of the same kind included), or npos.
std::size_t past_close(std::string_view s, std::size_t open, std::string_view opener,
                       std::string_view closer) {
  int depth = 0;
  for (std::size_t i = open; i < s.size();) {
    if (s.substr(i, opener.size()) == opener) {
      ++depth;
      i += opener.size();
    } else if (s.substr(i, closer.size()) == closer) {
      i += closer.size();
      if (--depth == 0) return i;
    } else {
      ++i;
    }
  }
  return std::string_view::npos;
}

}  // namespace

std::optional<RelistedMark> find_relisted_mark(std::string_view name) {
  static constexpr std::pair<std::string_view, std::string_view> brackets[] = {
      {"【", "】"}, {"(", ")"}, {"（", "）"}, {"[", "]"}, {"〔", "〕"}};
  if (!text::contains(name, "再掲")) return std::nullopt;  // nearly every name: one search
  for (const auto& [opener, closer] : brackets) {
    auto open = name.find(std::string(opener) + "再掲");
    if (open == std::string_view::npos) continue;
    auto end = past_close(name, open, opener, closer);
    if (end == std::string_view::npos) end = name.size();
    auto number = text::find_number(name.substr(open, end - open));
    return RelistedMark{open, end, number ? number->number.to_string() : std::string()};
  }
  return std::nullopt;
}

bool may_hold_relisted_mark(std::string_view printed) {
  return printed.find("掲") != std::string_view::npos;
}

std::optional<std::string> take_relisted_mark(std::string& name) {
  auto mark = find_relisted_mark(name);
  if (!mark) return std::nullopt;
  name = std::string(text::trim(name.substr(0, mark->begin) + name.substr(mark->end)));
  return mark->number;
}

void skip_row(model::ParseOutput& out, std::string_view path, int line, std::string reason,
              model::Severity severity) {
  out.diagnostics.push_back({{std::string(path), line}, severity, "input.skipped-row", reason});
  out.skipped.push_back({line, std::move(reason)});
}

}  // namespace kpi::formats
