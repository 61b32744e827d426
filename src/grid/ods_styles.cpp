// OpenDocument data styles as Excel number format codes (ods_styles.hpp).
#include "ods_styles.hpp"

#include "xml_stream.hpp"

namespace kpi::grid {

namespace {

bool is_data_style(std::string_view local) {
  return local == "number-style" || local == "percentage-style" || local == "currency-style" ||
         local == "date-style" || local == "time-style" || local == "text-style";
}

long int_attribute(const char** attributes, std::string_view local, long fallback) {
  const char* text = attribute(attributes, local);
  if (text == nullptr) return fallback;
  char* end = nullptr;
  long value = std::strtol(text, &end, 10);
  return end != text && value >= 0 && value < 30 ? value : fallback;
}

bool attribute_is(const char** attributes, std::string_view local, std::string_view value) {
  const char* text = attribute(attributes, local);
  return text != nullptr && std::string_view(text) == value;
}

std::string quoted(const std::string& literal) {
  std::string out = "\"";
  for (char c : literal) out += c == '"' ? std::string("\\\"") : std::string(1, c);
  return out + "\"";
}

}  // namespace

void OdsStyles::start(std::string_view local, const char** attributes) {
  if (local == "style") {
    const char* family = attribute(attributes, "family");
    const char* name = attribute(attributes, "name");
    if (family == nullptr || name == nullptr || std::string_view(family) != "table-cell") return;
    if (cell_styles_.size() >= kMaxStyles) return;
    CellStyle style;
    if (const char* data = attribute(attributes, "data-style-name")) style.data_style = data;
    if (const char* parent = attribute(attributes, "parent-style-name")) style.parent = parent;
    cell_styles_[name] = style;
  } else if (is_data_style(local)) {
    const char* name = attribute(attributes, "name");
    current_data_style_ = name != nullptr ? name : "";
    if (data_styles_.size() >= kMaxStyles) current_data_style_.clear();
    if (current_data_style_.empty()) return;
    auto& style = data_styles_[current_data_style_];
    style = DataStyle{};
    style.percentage = local == "percentage-style";
    if (local == "text-style") style.code = "@";
  } else if (current_data_style_.empty() || data_styles_[current_data_style_].code.size() > 200) {
    return;
  } else if (local == "map") {
    const char* condition = attribute(attributes, "condition");
    const char* apply = attribute(attributes, "apply-style-name");
    if (condition != nullptr && apply != nullptr &&
        std::string_view(condition).find(">") != std::string_view::npos)
      data_styles_[current_data_style_].positive_style = apply;
  } else if (local == "number") {
    number_element(attributes);
  } else if (local == "text" || local == "currency-symbol") {
    in_text_ = true;
    literal_.clear();
  } else {
    date_element(local, attributes);
  }
}

void OdsStyles::number_element(const char** attributes) {
  long decimals = int_attribute(attributes, "decimal-places", 0);
  long min_decimals = int_attribute(attributes, "min-decimal-places", decimals);
  long min_integer = int_attribute(attributes, "min-integer-digits", 1);
  std::string zeros(static_cast<std::size_t>(min_integer), '0');
  std::string integer = attribute_is(attributes, "grouping", "true") ? "#,##" : "";
  integer += zeros.empty() ? "#" : zeros;
  std::string code = integer;
  if (decimals > 0)
    code += "." + std::string(static_cast<std::size_t>(min_decimals), '0') +
            std::string(static_cast<std::size_t>(decimals - std::min(min_decimals, decimals)), '#');
  data_styles_[current_data_style_].code += code;
}

void OdsStyles::date_element(std::string_view local, const char** attributes) {
  bool long_form = attribute_is(attributes, "style", "long");
  bool gengou = attribute_is(attributes, "calendar", "gengou");
  std::string& code = data_styles_[current_data_style_].code;
  if (local == "year")
    code += gengou ? (long_form ? "ee" : "e") : (long_form ? "yyyy" : "yy");
  else if (local == "month")
    code += attribute_is(attributes, "textual", "true") ? (long_form ? "mmmm" : "mmm")
                                                        : (long_form ? "mm" : "m");
  else if (local == "day")
    code += long_form ? "dd" : "d";
  else if (local == "era")
    code = (code.empty() ? "[$-411]" : code) + (long_form ? "ggg" : "g");
  else if (local == "day-of-week")
    code += long_form ? "aaaa" : "aaa";
  else if (local == "hours")
    code += long_form ? "hh" : "h";
  else if (local == "minutes")
    code += long_form ? "mm" : "m";
  else if (local == "seconds")
    code += long_form ? "ss" : "s";
  else if (local == "am-pm")
    code += "AM/PM";
}

void OdsStyles::end(std::string_view local) {
  if ((local == "text" || local == "currency-symbol") && in_text_) {
    in_text_ = false;
    auto& style = data_styles_[current_data_style_];
    style.code += style.percentage && literal_ == "%" ? "%" : quoted(literal_);
  } else if (is_data_style(local)) {
    current_data_style_.clear();
  }
}

void OdsStyles::text(std::string_view chunk) {
  if (in_text_ && literal_.size() + chunk.size() < 1000) literal_.append(chunk);
}

std::string OdsStyles::code_of_data_style(const std::string& name, int depth) const {
  auto style = data_styles_.find(name);
  if (style == data_styles_.end() || depth > 4) return "";
  const DataStyle& data = style->second;
  if (data.positive_style.empty()) return data.code;
  std::string positive = code_of_data_style(data.positive_style, depth + 1);
  return positive.empty() ? data.code : positive + ";" + data.code;
}

std::string OdsStyles::format_of_cell_style(const std::string& cell_style) const {
  std::string name = cell_style;
  for (int depth = 0; depth < 8 && !name.empty(); ++depth) {
    auto style = cell_styles_.find(name);
    if (style == cell_styles_.end()) break;
    if (!style->second.data_style.empty()) {
      std::string code = code_of_data_style(style->second.data_style, 0);
      return code.empty() ? "General" : code;
    }
    name = style->second.parent;
  }
  return "General";
}

}  // namespace kpi::grid
