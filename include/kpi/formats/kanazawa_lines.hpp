#pragma once
// Kanazawa: one line inside a KPI block ("KPI（重要業績評価指標）" or "数値目標"), as the PDF
// text extraction leaves it:
//   "- ・ こども広場利用者数 147,815 人（R5） → 202,939 人（R10）"   name and values
//   "- ・子育てアプリのダウンロード数（累計）[再掲]"                     name only
//   "14,593 件（R4 年度までの累計） → 30,000 件（R10）"                values only
//   "・ 保育利用率\t1 歳児\t74.3% (R6)\t→ 77.4% (R10)"                 columns (tabs)
//   "\t2 歳児\t77.2% (R6)\t→ 78.8% (R10)"                             a further part of the row
//   above
//   "| ・年間宿泊客数〔再掲〕 | 343万人（R1） → 396万人（R10） |"          a table row
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kpi/formats/kanazawa_values.hpp"

namespace kpi::formats::kanazawa {

enum class LineKind {
  blank,   // nothing but spaces, list dashes or table borders
  name,    // a bulleted KPI name without values
  values,  // values without a name (the second line of a two-line KPI)
  kpi,     // name and values, or a further part of the row above (continues_row)
  other,   // anything else: a note, prose, or values that cannot be read (see problem)
};

struct KpiLine {
  LineKind kind = LineKind::blank;
  std::string name;                 // as printed, PDF gaps closed, without bullet and 再掲 mark
                                    // (other: the line read as the rest of a wrapped name)
  bool bullet = false;              // starts with ・ ◆ …: the line starts a KPI
  bool relisted = false;            // [再掲] 〔再掲〕 【再掲】 (再掲)
  bool continues_row = false;       // columns line with an empty name column
  std::vector<std::string> groups;  // columns between the name and the values: "1歳児" (printed)
  std::optional<KpiValues> values;
  std::string text;     // the line, normalised and squeezed (for notes and reasons)
  std::string problem;  // kind == other: why it is not a KPI line
};

KpiLine read_kpi_line(std::string_view original_line);

}  // namespace kpi::formats::kanazawa
