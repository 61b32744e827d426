#include "kpi/formats/part_matching.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "kpi/text/normalize.hpp"
#include "kpi/text/strings.hpp"

namespace kpi::formats {
namespace {

// The values of a cell with the key that tells them apart: the printed label, or the unit
// when the values differ by unit only ("14組・19人").
struct Keyed {
  const ValuePart* part;
  std::string label;  // as printed
  std::string key;    // normalised, without spaces
};

bool units_differ(const std::vector<const ValuePart*>& parts) {
  for (const auto* p : parts)
    if (p->unit != parts.front()->unit) return true;
  return false;
}

std::vector<Keyed> keyed_parts(const ValueCell& cell) {
  auto parts = flatten_parts(cell);
  bool by_unit = units_differ(parts);
  std::vector<Keyed> out;
  for (const auto* p : parts) {
    std::string label = !p->label.empty() ? p->label : by_unit ? p->unit : "";
    out.push_back({p, label, text::replace_all(text::normalize(label), " ", "")});
  }
  return out;
}

std::size_t code_points(std::string_view s) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size();
       i += static_cast<std::size_t>(text::utf8_length(static_cast<unsigned char>(s[i]))))
    ++n;
  return n;
}

// Length in code points of the common prefix of two keys.
std::size_t common_prefix(std::string_view a, std::string_view b) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < a.size() && i < b.size();) {
    auto len = static_cast<std::size_t>(text::utf8_length(static_cast<unsigned char>(a[i])));
    if (a.substr(i, len) != b.substr(i, len)) break;
    i += len;
    ++n;
  }
  return n;
}

// How well two keys name the same group: 0 = not at all. Sharing two characters is enough
// ("小学校の各教科の偏差値平均" / "小学校・国語"), or a whole one-character key ("組").
std::size_t match_score(const std::string& a, const std::string& b) {
  if (a.empty() || b.empty()) return 0;
  std::size_t shared = common_prefix(a, b);
  std::size_t needed = std::min<std::size_t>(2, std::min(code_points(a), code_points(b)));
  return shared >= needed ? shared : 0;
}

bool positions_agree(const std::vector<Keyed>& defining, const std::vector<Keyed>& other) {
  if (defining.size() != other.size()) return false;
  for (std::size_t i = 0; i < defining.size(); ++i)
    if (!defining[i].key.empty() && !other[i].key.empty() &&
        match_score(defining[i].key, other[i].key) == 0)
      return false;
  return true;
}

std::string listed(const std::vector<const Keyed*>& parts) {
  std::string out;
  for (const auto* k : parts) {
    if (!out.empty()) out += ", ";
    out += k->label.empty() ? k->part->value.text : k->label + " " + k->part->value.text;
  }
  return out;
}

PartMatch match_by_label(const Keyed& group, const std::vector<Keyed>& other, std::size_t groups) {
  if (group.key.empty())
    return {nullptr,
            fmt::format("the cell prints {} values for {} and they cannot be told apart",
                        other.size(), groups == 1 ? "one KPI" : fmt::format("{} KPIs", groups))};
  std::size_t best = 0;
  std::vector<const Keyed*> candidates;
  for (const auto& k : other) {
    auto score = match_score(group.key, k.key);
    if (score == 0 || score < best) continue;
    if (score > best) candidates.clear(), best = score;
    candidates.push_back(&k);
  }
  if (candidates.size() == 1) return {candidates.front()->part, ""};
  if (candidates.empty())
    return {nullptr, fmt::format("no value labelled {} in the cell", group.label)};
  return {nullptr, fmt::format("{} values for {} ({}); the sheet prints no single value",
                               candidates.size(), group.label, listed(candidates))};
}

std::size_t defining_cell(const std::vector<const ValueCell*>& cells, std::size_t defining) {
  if (defining < cells.size() && !cells[defining]->parts.empty()) return defining;
  for (std::size_t i = 0; i < cells.size(); ++i)
    if (!cells[i]->parts.empty()) return i;
  return cells.size();
}

}  // namespace

std::vector<PartGroup> match_parts(const std::vector<const ValueCell*>& cells,
                                   std::size_t defining) {
  std::size_t d = defining_cell(cells, defining);
  if (d == cells.size()) return {PartGroup{"", std::vector<PartMatch>(cells.size())}};
  auto groups_keyed = keyed_parts(*cells[d]);
  std::vector<PartGroup> out;
  for (const auto& g : groups_keyed)
    out.push_back({groups_keyed.size() > 1 ? g.label : "", std::vector<PartMatch>(cells.size())});
  for (std::size_t c = 0; c < cells.size(); ++c) {
    auto other = keyed_parts(*cells[c]);
    if (other.empty()) continue;
    bool by_position = c == d || positions_agree(groups_keyed, other);
    for (std::size_t g = 0; g < out.size(); ++g)
      out[g].matches[c] = by_position ? PartMatch{other[g].part, ""}
                                      : match_by_label(groups_keyed[g], other, out.size());
  }
  return out;
}

}  // namespace kpi::formats
