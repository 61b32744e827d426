// sharedStrings.xml and styles.xml of an .xlsx package (xlsx_parts.hpp).
#include <charconv>

#include "kpi/grid/number_format.hpp"
#include "ooxml_text.hpp"
#include "xlsx_parts.hpp"

namespace kpi::grid {

namespace {

bool parse_index(const char* text, std::size_t& out) {
  if (text == nullptr) return false;
  std::string_view s(text);
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && end == s.data() + s.size();
}

class SharedStringsHandler : public XmlHandler {
 public:
  SharedStringsHandler(GridBudget& budget, TextStore& texts, std::vector<std::string_view>& strings)
      : budget_(budget), texts_(texts), strings_(strings) {}

  void start(std::string_view name, const char**) override {
    auto local = local_name(name);
    if (local == "si") {
      current_.clear();
      in_item_ = true;
    } else if (local == "rPh") {
      ++phonetic_depth_;
    } else if (local == "t" && in_item_ && phonetic_depth_ == 0) {
      capturing_ = true;
    }
  }

  void end(std::string_view name) override {
    auto local = local_name(name);
    if (local == "t") {
      capturing_ = false;
    } else if (local == "rPh") {
      --phonetic_depth_;
    } else if (local == "si") {
      in_item_ = false;
      if (strings_.size() >= kMaxStrings) failure = "more than 16M shared strings";
      strings_.push_back(texts_.keep(decode_ooxml_text(current_)));
    }
  }

  void text(std::string_view chunk) override {
    if (!capturing_) return;
    if (!budget_.string_fits(current_.size(), chunk.size()))
      failure = budget_.error();
    else
      current_.append(chunk);
  }

 private:
  static constexpr std::size_t kMaxStrings = 16u << 20;
  GridBudget& budget_;
  TextStore& texts_;
  std::vector<std::string_view>& strings_;
  std::string current_;
  bool in_item_ = false;
  bool capturing_ = false;
  int phonetic_depth_ = 0;
};

class StylesHandler : public XmlHandler {
 public:
  explicit StylesHandler(XlsxStyles& styles) : styles_(styles) {}

  void start(std::string_view name, const char** attributes) override {
    auto local = local_name(name);
    if (local == "numFmts") {
      in_number_formats_ = true;
    } else if (local == "numFmt" && in_number_formats_) {  // not the dxfs' ones
      std::size_t id = 0;
      const char* code = attribute(attributes, "formatCode");
      if (parse_index(attribute(attributes, "numFmtId"), id) && code != nullptr && id < 100000)
        custom_.emplace_back(id, code);
    } else if (local == "cellXfs") {
      in_cell_formats_ = true;
    } else if (local == "xf" && in_cell_formats_) {
      std::size_t id = 0;
      parse_index(attribute(attributes, "numFmtId"), id);
      if (styles_.cell_formats.size() >= kMaxFormats)
        failure = "more than 64K cell formats";
      else
        styles_.cell_formats.push_back(code_of(id));
    }
  }

  void end(std::string_view name) override {
    auto local = local_name(name);
    if (local == "cellXfs") in_cell_formats_ = false;
    if (local == "numFmts") in_number_formats_ = false;
  }

 private:
  static constexpr std::size_t kMaxFormats = 1u << 16;

  std::string code_of(std::size_t id) const {
    for (const auto& [custom_id, code] : custom_)
      if (custom_id == id) return code;
    auto builtin = builtin_number_format(static_cast<int>(id));
    return builtin.empty() ? "General" : std::string(builtin);
  }

  XlsxStyles& styles_;
  std::vector<std::pair<std::size_t, std::string>> custom_;
  bool in_cell_formats_ = false;
  bool in_number_formats_ = false;
};

}  // namespace

const std::string& XlsxStyles::format_of(std::size_t style_index) const {
  static const std::string general = "General";
  return style_index < cell_formats.size() ? cell_formats[style_index] : general;
}

ReadError read_shared_strings(ZipArchive& archive, std::string_view entry, GridBudget& budget,
                              TextStore& texts, std::vector<std::string_view>& strings) {
  SharedStringsHandler handler(budget, texts, strings);
  return parse_xml_entry(archive, entry, handler);
}

ReadError read_styles(ZipArchive& archive, std::string_view entry, XlsxStyles& styles) {
  StylesHandler handler(styles);
  return parse_xml_entry(archive, entry, handler);
}

}  // namespace kpi::grid
