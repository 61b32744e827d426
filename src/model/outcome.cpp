#include "kpi/model/outcome.hpp"

namespace kpi::model {

const char* to_string(Status status) {
  switch (status) {
    case Status::achieved:
      return "achieved";
    case Status::behind:
      return "behind";
    case Status::no_data:
      break;
  }
  return "no_data";
}

const char* to_string(PaceStatus status) {
  switch (status) {
    case PaceStatus::achieved:
      return "achieved";
    case PaceStatus::on_track:
      return "on_track";
    case PaceStatus::behind:
      return "behind";
    case PaceStatus::unknown:
      break;
  }
  return "unknown";
}

}  // namespace kpi::model
