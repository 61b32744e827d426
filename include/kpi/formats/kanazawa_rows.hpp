#pragma once
// Kanazawa: the lines of one KPI block turned into indicators or skipped rows.
// A row is one KPI: a line with name and values, a name line followed by a values line
// (blank lines between are allowed), or one part of a columns row ("保育利用率 1歳児 …").
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "kpi/formats/kanazawa_lines.hpp"
#include "kpi/model/sheet.hpp"

namespace kpi::formats::kanazawa {

// Where a KPI block sits in the document.
struct BlockPlace {
  std::string id;                      // "1-(1)-①", "1-(1)", "1-数値目標"
  std::string goal;                    // 基本目標 text
  std::string measure;                 // sub-measure text, else measure text, else "数値目標"
  std::vector<model::PlanLevel> path;  // 基本目標 → (n) measure → ① sub-measure
};

class BlockReader {
 public:
  BlockReader(model::ParseOutput& out, model::SharedName path) : out_(out), path_(path) {}

  void open(BlockPlace place);
  void feed(int line, std::string_view original_line);
  void close();  // the block ends: a name still waiting for its values is reported
  bool is_open() const { return open_; }

 private:
  struct Pending {
    int line = 0;
    std::string name;
    bool relisted = false;
  };

  void on_name(int line, KpiLine& l);
  void on_values(int line, KpiLine& l);
  void on_kpi(int line, KpiLine& l);
  void on_other(int line, KpiLine& l);
  void emit(int line, std::string name, bool relisted, const KpiValues& values);
  // A skipped row; an error when `printed` (the line, if it is one) prints a percentage.
  void skip(int line, std::string reason, std::string_view printed = {});
  void flush_pending(std::string_view why);

  model::ParseOutput& out_;
  model::SharedName path_;
  BlockPlace place_;
  bool open_ = false;
  std::map<std::string, int> seq_;  // last seq given per id
  std::optional<Pending> pending_;  // a name line waiting for its values line
  std::optional<Pending> row_;      // the last columns row, for the rows that continue it
};

// Direction from the target's qualifier, else from target vs baseline.
void set_direction(model::Indicator& ind, const KpiValues& values);

}  // namespace kpi::formats::kanazawa
