#pragma once
// Which sheet of a run each observation was read from. A merge files a later sheet's
// observations under an earlier sheet's KPI (kpi/merge.hpp), so the sheet that holds an
// observation is not always the one it came from; per-sheet counts ask this instead.
#include <cstddef>
#include <functional>
#include <unordered_map>
#include <utility>
#include <vector>

#include "kpi/model/indicator.hpp"
#include "kpi/model/sheet.hpp"

namespace kpi::model {

class ReadFrom {
 public:
  explicit ReadFrom(const std::vector<Sheet>& sheets);

  // The index of the sheet `location` names (its path and worksheet), or `holder` (the
  // sheet that holds it) when it names none of the run's (a JSON document's origins).
  std::size_t sheet_of(const SourceLocation& location, std::size_t holder) const;

  // Calls visit(sheet index, indicator, observation) for every observation of every sheet.
  template <typename Visit>
  void for_each_observation(const std::vector<Sheet>& sheets, Visit visit) const {
    for (std::size_t s = 0; s < sheets.size(); ++s)
      for (const auto& ind : sheets[s].parsed.indicators)
        for (const auto& o : ind.observations) visit(sheet_of(o.source, s), ind, o);
  }

 private:
  // Shared names are one text per name: their addresses identify them.
  using Key = std::pair<const std::string*, const std::string*>;
  struct KeyHash {
    std::size_t operator()(const Key& k) const {
      return std::hash<const void*>()(k.first) * 31 + std::hash<const void*>()(k.second);
    }
  };
  std::unordered_map<Key, std::size_t, KeyHash> index_;
};

}  // namespace kpi::model
