// BIFF8 parsed formulas into Excel's text (biff_formula.hpp): the tokens are in reverse
// Polish order, so operands go on a stack and operators and functions combine them.
#include "biff_formula.hpp"
#include "biff_records.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <optional>
#include <vector>

#include "kpi/grid/grid.hpp"

namespace kpi::grid {

namespace {

struct Function {
  std::uint16_t index;
  const char* name;
  int fixed_arguments;  // -1: variable (ptgFuncVar says how many)
};

// Worksheet functions by their BIFF index (the ones KPI sheets use, and more).
constexpr Function kFunctions[] = {
    {0, "COUNT", -1},        {1, "IF", -1},         {2, "ISNA", 1},
    {3, "ISERROR", 1},       {4, "SUM", -1},        {5, "AVERAGE", -1},
    {6, "MIN", -1},          {7, "MAX", -1},        {8, "ROW", -1},
    {9, "COLUMN", -1},       {10, "NA", 0},         {12, "STDEV", -1},
    {15, "SIN", 1},          {16, "COS", 1},        {19, "PI", 0},
    {20, "SQRT", 1},         {21, "EXP", 1},        {22, "LN", 1},
    {23, "LOG10", 1},        {24, "ABS", 1},        {25, "INT", 1},
    {26, "SIGN", 1},         {27, "ROUND", 2},      {28, "LOOKUP", -1},
    {29, "INDEX", -1},       {30, "REPT", 2},       {31, "MID", 3},
    {32, "LEN", 1},          {33, "VALUE", 1},      {34, "TRUE", 0},
    {35, "FALSE", 0},        {36, "AND", -1},       {37, "OR", -1},
    {38, "NOT", 1},          {39, "MOD", 2},        {48, "TEXT", 2},
    {63, "RAND", 0},         {65, "DATE", 3},       {66, "TIME", 3},
    {67, "DAY", 1},          {68, "MONTH", 1},      {69, "YEAR", 1},
    {74, "NOW", 0},          {76, "ROWS", 1},       {77, "COLUMNS", 1},
    {78, "OFFSET", -1},      {82, "SEARCH", -1},    {97, "ATAN2", 2},
    {101, "HLOOKUP", -1},    {102, "VLOOKUP", -1},  {109, "LOG", -1},
    {111, "CHAR", 1},        {115, "LEFT", -1},     {116, "RIGHT", -1},
    {117, "EXACT", 2},       {118, "TRIM", 1},      {119, "REPLACE", 4},
    {120, "SUBSTITUTE", -1}, {124, "FIND", -1},     {126, "ISERR", 1},
    {127, "ISTEXT", 1},      {128, "ISNUMBER", 1},  {129, "ISBLANK", 1},
    {169, "COUNTA", -1},     {183, "PRODUCT", -1},  {197, "TRUNC", -1},
    {212, "ROUNDUP", 2},     {213, "ROUNDDOWN", 2}, {216, "RANK", -1},
    {221, "TODAY", 0},       {227, "MEDIAN", -1},   {228, "SUMPRODUCT", -1},
    {285, "FLOOR", 2},       {288, "CEILING", 2},   {336, "CONCATENATE", -1},
    {337, "POWER", 2},       {344, "SUBTOTAL", -1}, {345, "SUMIF", -1},
    {346, "COUNTIF", 2},
};

const Function* function_of(std::uint16_t index) {
  for (const auto& f : kFunctions)
    if (f.index == index) return &f;
  return nullptr;
}

std::uint16_t u16(std::string_view s, std::size_t at) {
  if (at + 2 > s.size()) return 0;
  return static_cast<std::uint16_t>(static_cast<unsigned char>(s[at]) |
                                    static_cast<unsigned char>(s[at + 1]) << 8);
}

const char* binary_operator(unsigned char token) {
  static constexpr std::array<const char*, 15> kOperators{
      "+", "-", "*", "/", "^", "&", "<", "<=", "=", ">=", ">", "<>", " ", ",", ":"};
  return token >= 0x03 && token <= 0x11 ? kOperators[token - 0x03] : nullptr;
}

class Decoder {
 public:
  Decoder(std::string_view tokens, int row, int col) : tokens_(tokens), row_(row), col_(col) {}

  std::optional<std::string> run() {
    while (at_ < tokens_.size()) {
      if (!step()) return std::nullopt;
      if (stack_.size() > 1000) return std::nullopt;
    }
    if (stack_.size() != 1) return std::nullopt;
    return stack_.back();
  }

 private:
  bool need(std::size_t bytes) const { return at_ + bytes <= tokens_.size(); }

  bool pop(std::string& out) {
    if (stack_.empty()) return false;
    out = std::move(stack_.back());
    stack_.pop_back();
    return true;
  }

  // A cell of an Rgce location: row and column with their relative flags.
  std::string location(std::uint16_t row, std::uint16_t col_bits, bool offsets) const {
    bool row_relative = (col_bits & 0x8000) != 0;
    bool col_relative = (col_bits & 0x4000) != 0;
    long r = row, c = col_bits & 0x3FFF;
    if (offsets && row_relative) r = row_ + static_cast<std::int16_t>(row);
    if (offsets && col_relative) c = col_ + static_cast<std::int8_t>(col_bits & 0xFF);
    if (r < 0 || c < 0 || r > 1'048'575 || c > 16'383) return "#REF!";
    return (col_relative ? "" : "$") + column_name(static_cast<int>(c)) +
           (row_relative ? "" : "$") + std::to_string(r + 1);
  }

  bool function(std::uint16_t index, int arguments) {
    const Function* f = function_of(index);
    if (f == nullptr || arguments < 0 || static_cast<std::size_t>(arguments) > stack_.size())
      return false;
    std::string text = std::string(f->name) + "(";
    std::size_t first = stack_.size() - static_cast<std::size_t>(arguments);
    for (std::size_t i = first; i < stack_.size(); ++i) text += (i > first ? "," : "") + stack_[i];
    stack_.resize(first);
    stack_.push_back(text + ")");
    return true;
  }

  bool attribute() {
    if (!need(4)) return false;
    unsigned char flags = static_cast<unsigned char>(tokens_[at_ + 1]);
    std::uint16_t data = u16(tokens_, at_ + 2);
    at_ += 4;
    if ((flags & 0x04) != 0) at_ += 2u * (data + 1u);  // tAttrChoose: its jump table
    if ((flags & 0x10) != 0) return function(4, 1);    // tAttrSum: SUM of one argument
    return true;
  }

  bool operand(unsigned char base) {
    switch (base) {
      case 0x01: {  // ptgFunc: fixed arguments
        if (!need(3)) return false;
        const Function* f = function_of(u16(tokens_, at_ + 1));
        at_ += 3;
        return f != nullptr && f->fixed_arguments >= 0 && function(f->index, f->fixed_arguments);
      }
      case 0x02: {  // ptgFuncVar
        if (!need(4)) return false;
        int arguments = static_cast<unsigned char>(tokens_[at_ + 1]) & 0x7F;
        std::uint16_t index = u16(tokens_, at_ + 2) & 0x7FFF;
        at_ += 4;
        return function(index, arguments);
      }
      case 0x04:    // ptgRef
      case 0x0C: {  // ptgRefN (shared formulas: offsets from the cell)
        if (!need(5)) return false;
        stack_.push_back(location(u16(tokens_, at_ + 1), u16(tokens_, at_ + 3), base == 0x0C));
        at_ += 5;
        return true;
      }
      case 0x05:    // ptgArea
      case 0x0D: {  // ptgAreaN
        if (!need(9)) return false;
        bool offsets = base == 0x0D;
        stack_.push_back(location(u16(tokens_, at_ + 1), u16(tokens_, at_ + 5), offsets) + ":" +
                         location(u16(tokens_, at_ + 3), u16(tokens_, at_ + 7), offsets));
        at_ += 9;
        return true;
      }
      case 0x0A:  // ptgRefErr
        at_ += 5;
        stack_.push_back("#REF!");
        return need(0);
      case 0x0B:  // ptgAreaErr
        at_ += 9;
        stack_.push_back("#REF!");
        return need(0);
      case 0x06:  // ptgMemArea, ptgMemErr: the subexpression follows
      case 0x07:
        at_ += 7;
        return need(0);
      case 0x09:  // ptgMemFunc
        at_ += 3;
        return need(0);
      default:  // arrays, names, 3-D references
        return false;
    }
  }

  bool number(double value) {
    if (!std::isfinite(value)) return false;
    char buffer[64];
    auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
    if (ec != std::errc()) return false;
    stack_.emplace_back(buffer, end);
    return true;
  }

  bool string_literal() {
    if (!need(3)) return false;
    std::size_t count = static_cast<unsigned char>(tokens_[at_ + 1]);
    bool wide = (tokens_[at_ + 2] & 1) != 0;
    std::size_t bytes = count * (wide ? 2 : 1);
    if (!need(3 + bytes)) return false;
    std::string text = "\"";
    for (std::size_t i = 0; i < count; ++i) {
      std::uint32_t c =
          wide ? u16(tokens_, at_ + 3 + 2 * i) : static_cast<unsigned char>(tokens_[at_ + 3 + i]);
      if (c == '"') text += '"';
      if (c < 0x80) {
        text.push_back(static_cast<char>(c));
      } else if (c < 0x800) {
        text.push_back(static_cast<char>(0xC0 | (c >> 6)));
        text.push_back(static_cast<char>(0x80 | (c & 0x3F)));
      } else {
        if (c >= 0xD800 && c < 0xE000) c = 0xFFFD;
        text.push_back(static_cast<char>(0xE0 | (c >> 12)));
        text.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
        text.push_back(static_cast<char>(0x80 | (c & 0x3F)));
      }
    }
    stack_.push_back(text + "\"");
    at_ += 3 + bytes;
    return true;
  }

  bool step() {
    auto token = static_cast<unsigned char>(tokens_[at_]);
    if (token >= 0x20) return operand(token & 0x1F);
    std::string left, right;
    if (const char* op = binary_operator(token)) {
      ++at_;
      if (!pop(right) || !pop(left)) return false;
      stack_.push_back(left + op + right);
      return true;
    }
    switch (token) {
      case 0x12:
      case 0x13:
      case 0x14:
      case 0x15:
        ++at_;
        if (!pop(right)) return false;
        stack_.push_back(token == 0x12   ? "+" + right
                         : token == 0x13 ? "-" + right
                         : token == 0x14 ? right + "%"
                                         : "(" + right + ")");
        return true;
      case 0x16:
        ++at_;
        stack_.emplace_back();
        return true;
      case 0x17:
        return string_literal();
      case 0x19:
        return attribute();
      case 0x1C:
        if (!need(2)) return false;
        stack_.push_back(biff_error_text(static_cast<unsigned char>(tokens_[at_ + 1])));
        at_ += 2;
        return true;
      case 0x1D:
        if (!need(2)) return false;
        stack_.push_back(tokens_[at_ + 1] != 0 ? "TRUE" : "FALSE");
        at_ += 2;
        return true;
      case 0x1E:
        if (!need(3)) return false;
        stack_.push_back(std::to_string(u16(tokens_, at_ + 1)));
        at_ += 3;
        return true;
      case 0x1F: {
        if (!need(9)) return false;
        std::uint64_t bits = 0;
        for (int i = 7; i >= 0; --i)
          bits = bits << 8 |
                 static_cast<unsigned char>(tokens_[at_ + 1 + static_cast<std::size_t>(i)]);
        double value = 0;
        std::memcpy(&value, &bits, sizeof value);
        at_ += 9;
        return number(value);
      }
      default:  // ptgExp, ptgTbl, extended tokens
        return false;
    }
  }

  std::string_view tokens_;
  int row_, col_;
  std::size_t at_ = 0;
  std::vector<std::string> stack_;
};

}  // namespace

std::string biff_formula_text(std::string_view tokens, int row, int col) {
  Decoder decoder(tokens, row, col);
  return decoder.run().value_or("");
}

}  // namespace kpi::grid
