#pragma once
// Number formats of an .ods (private to src/grid/): the data styles (number:number-style,
// percentage, currency, date, time, text) of styles.xml and content.xml as Excel format
// codes ("#,##0", "0.0%", [$-411]ggge"年"m"月"d"日"), and the cell styles that name them.
#include <map>
#include <string>
#include <string_view>

namespace kpi::grid {

class OdsStyles {
 public:
  // Elements of office:styles / office:automatic-styles, fed by an XML handler.
  void start(std::string_view local, const char** attributes);
  void end(std::string_view local);
  void text(std::string_view chunk);

  // The format code of a cell style ("ce5"), following parent styles; "General" when none.
  std::string format_of_cell_style(const std::string& cell_style) const;

 private:
  struct CellStyle {
    std::string data_style, parent;
  };
  struct DataStyle {
    std::string code;            // this style's own section
    std::string positive_style;  // style:map value()>=0 (or >0): its section comes first
    bool percentage = false;
  };
  std::string code_of_data_style(const std::string& name, int depth) const;
  void number_element(const char** attributes);
  void date_element(std::string_view local, const char** attributes);

  static constexpr std::size_t kMaxStyles = 100'000;
  std::map<std::string, CellStyle> cell_styles_;
  std::map<std::string, DataStyle> data_styles_;
  std::string current_data_style_;
  bool in_text_ = false;
  std::string literal_;
};

}  // namespace kpi::grid
