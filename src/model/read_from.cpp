#include "kpi/model/read_from.hpp"

namespace kpi::model {

ReadFrom::ReadFrom(const std::vector<Sheet>& sheets) {
  index_.reserve(sheets.size());
  for (std::size_t i = 0; i < sheets.size(); ++i) {
    SharedName path(sheets[i].path), sheet(sheets[i].sheet_name);
    index_.emplace(Key{&path.str(), &sheet.str()}, i);  // the first sheet of a name keeps it
  }
}

std::size_t ReadFrom::sheet_of(const SourceLocation& location, std::size_t holder) const {
  auto it = index_.find(Key{&location.path.str(), &location.sheet.str()});
  return it == index_.end() ? holder : it->second;
}

}  // namespace kpi::model
