// Plain XML content read without expat, as expat would report it (plain_xml.hpp).
#include "plain_xml.hpp"
#include "kpi/text/strings.hpp"
#include "xml_name.hpp"

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace kpi::grid {

namespace {

constexpr std::size_t npos = std::string_view::npos;
constexpr std::size_t kMaxAttributes = 64;

// The spaces between a tag's parts (a carriage return is left to expat).
constexpr std::array<bool, 256> kSpace = [] {
  std::array<bool, 256> space{};
  for (char c : {' ', '\t', '\n'}) space[static_cast<unsigned char>(c)] = true;
  return space;
}();

bool is_space(char c) {
  return kSpace[static_cast<unsigned char>(c)];
}

// Bytes of text or of an attribute value that are themselves, whatever the context: printable
// ASCII but '<', '&', ']', quotes. Everything else is looked at one by one.
constexpr std::array<bool, 256> kPlainByte = [] {
  std::array<bool, 256> plain{};
  for (int c = 0x20; c < 0x7F; ++c) plain[static_cast<std::size_t>(c)] = true;
  for (char c : {'<', '&', ']', '"', '\''}) plain[static_cast<unsigned char>(c)] = false;
  return plain;
}();

// Bytes of text that are themselves: the plain ones, tab, line break and quotes.
constexpr std::array<bool, 256> kTextByte = [] {
  auto text = kPlainByte;
  for (char c : {'\t', '\n', '"', '\''}) text[static_cast<unsigned char>(c)] = true;
  return text;
}();

// The length of the UTF-8 sequence of an XML character at s[i] (a byte >= 0x80), or 0 when it
// is not valid UTF-8 or not an XML character (a surrogate, U+FFFE, U+FFFF).
std::size_t xml_char_length(std::string_view s, std::size_t i) {
  auto at = [&](std::size_t k) {
    return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0u;
  };
  auto follows = [](unsigned c) { return (c & 0xC0) == 0x80; };
  unsigned lead = at(0), second = at(1);
  if (lead >= 0xC2 && lead <= 0xDF) return follows(second) ? 2 : 0;
  if (lead >= 0xE0 && lead <= 0xEF) {
    unsigned third = at(2);
    if (!follows(second) || !follows(third)) return 0;
    if (lead == 0xE0 && second < 0xA0) return 0;                    // overlong
    if (lead == 0xED && second >= 0xA0) return 0;                   // a surrogate
    if (lead == 0xEF && second == 0xBF && third >= 0xBE) return 0;  // U+FFFE, U+FFFF
    return 3;
  }
  if (lead >= 0xF0 && lead <= 0xF4) {
    if (!follows(second) || !follows(at(2)) || !follows(at(3))) return 0;
    if ((lead == 0xF0 && second < 0x90) || (lead == 0xF4 && second >= 0x90)) return 0;
    return 4;
  }
  return 0;
}

bool is_xml_char(std::uint32_t c) {
  return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
         (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

// The character of "#65" or "#x41" (a character reference's body), or 0 when there is none.
std::uint32_t character_reference(std::string_view body) {
  if (body.size() < 2 || body[0] != '#') return 0;
  bool hex = body[1] == 'x';
  std::string_view digits = body.substr(hex ? 2 : 1);
  if (digits.empty() || digits.size() > 8) return 0;
  std::uint32_t value = 0;
  for (char c : digits) {
    int digit = c >= '0' && c <= '9'                            ? c - '0'
                : hex && (c | 0x20) >= 'a' && (c | 0x20) <= 'f' ? (c | 0x20) - 'a' + 10
                                                                : -1;
    if (digit < 0) return 0;
    value = value * (hex ? 16 : 10) + static_cast<std::uint32_t>(digit);
  }
  return is_xml_char(value) ? value : 0;
}

class PlainReader {
 public:
  // `xml` ends with the NUL every std::string has after its bytes: the loops over names,
  // spaces and values stop at it (no byte of theirs) without testing the end.
  PlainReader(const std::string& xml, XmlHandler& handler) : s_(xml), handler_(handler) {}

  PlainRead read() {
    while (i_ < s_.size()) {
      PlainRead step = s_[i_] == '<' ? tag() : text();
      if (step != PlainRead::read) return step;
    }
    return open_.empty() ? PlainRead::read : PlainRead::not_plain;
  }

 private:
  PlainRead told() const { return handler_.failure.empty() ? PlainRead::read : PlainRead::stopped; }

  // Text up to the next tag, references decoded.
  PlainRead text() {
    std::size_t start = i_;
    bool decoded = false;
    text_.clear();
    for (;;) {
      auto c = static_cast<unsigned char>(s_[i_]);
      if (kTextByte[c]) {
        ++i_;
      } else if (c == '<' || (c == 0 && i_ >= s_.size())) {
        break;
      } else if (c == ']') {
        if (s_.substr(i_, 3) == "]]>") return PlainRead::not_plain;
        ++i_;
      } else if (c == '&') {
        text_.append(s_.substr(start, i_ - start));
        decoded = true;
        if (!reference(text_)) return PlainRead::not_plain;
        start = i_;
      } else if (std::size_t n = c >= 0x80 ? xml_char_length(s_, i_) : 0) {
        i_ += n;
      } else {
        return PlainRead::not_plain;  // a carriage return, a control character
      }
    }
    if (decoded) text_.append(s_.substr(start, i_ - start));
    std::string_view chunk = decoded ? std::string_view(text_) : s_.substr(start, i_ - start);
    if (chunk.empty()) return PlainRead::read;
    handler_.text(chunk);
    return told();
  }

  // The reference at s_[i_] == '&' appended to out, i_ past it; false when it is not one of
  // the predefined entities or a character reference to an XML character.
  bool reference(std::string& out) {
    std::size_t semicolon = s_.substr(0, i_ + 13).find(';', i_);
    if (semicolon == npos) return false;
    std::string_view body = s_.substr(i_ + 1, semicolon - i_ - 1);
    i_ = semicolon + 1;
    if (body == "lt") return out += '<', true;
    if (body == "gt") return out += '>', true;
    if (body == "amp") return out += '&', true;
    if (body == "quot") return out += '"', true;
    if (body == "apos") return out += '\'', true;
    std::uint32_t c = character_reference(body);
    if (c == 0) return false;
    text::append_utf8(out, c);
    return true;
  }

  PlainRead tag() {
    if (i_ + 1 >= s_.size()) return PlainRead::not_plain;
    char next = s_[i_ + 1];
    if (next == '/') return end_tag();
    if (next == '!' || next == '?') return PlainRead::not_plain;
    return start_tag();
  }

  // A name at s_[i_], i_ past it; "" when none.
  std::string_view name() {
    std::size_t start = i_;
    if (!xml_name::starts(s_[i_])) return {};  // the NUL after the text too
    while (xml_name::follows(s_[i_])) ++i_;
    return s_.substr(start, i_ - start);
  }

  bool skip_spaces() {
    std::size_t start = i_;
    while (is_space(s_[i_])) ++i_;
    return i_ > start;
  }

  PlainRead end_tag() {
    i_ += 2;
    std::string_view tag = name();
    skip_spaces();
    if (tag.empty() || i_ >= s_.size() || s_[i_] != '>' || open_.empty() ||
        !xml_name::same(open_.back(), tag))
      return PlainRead::not_plain;
    ++i_;
    open_.pop_back();
    handler_.end(tag);
    return told();
  }

  PlainRead start_tag() {
    ++i_;
    std::string_view tag = name();
    if (tag.empty()) return PlainRead::not_plain;
    std::size_t count = 0;
    bool empty = false;
    for (;;) {
      bool spaced = skip_spaces();
      if (i_ >= s_.size()) return PlainRead::not_plain;
      if (s_[i_] == '>') {
        ++i_;
        break;
      }
      if (s_[i_] == '/') {
        if (i_ + 1 >= s_.size() || s_[i_ + 1] != '>') return PlainRead::not_plain;
        i_ += 2;
        empty = true;
        break;
      }
      if (!spaced || count >= kMaxAttributes || !attribute(count)) return PlainRead::not_plain;
      ++count;
    }
    handler_.start_element(tag, std::span<const XmlAttribute>(attributes_.data(), count));
    if (PlainRead step = told(); step != PlainRead::read) return step;
    if (!empty) {
      open_.push_back(tag);
      return PlainRead::read;
    }
    handler_.end(tag);
    return told();
  }

  // name="value" at s_[i_] as attributes_[a]: its value a view of the text where it is
  // itself (most values), else decoded into decoded_[a].
  bool attribute(std::size_t a) {
    std::string_view attribute_name = name();
    if (attribute_name.empty()) return false;
    for (std::size_t k = 0; k < a; ++k)
      if (xml_name::same(attributes_[k].name, attribute_name)) return false;
    skip_spaces();
    if (i_ >= s_.size() || s_[i_] != '=') return false;
    ++i_;
    skip_spaces();
    if (i_ >= s_.size() || (s_[i_] != '"' && s_[i_] != '\'')) return false;
    char quote = s_[i_++];
    std::size_t start = i_;
    // Bytes that are themselves: printable ASCII but '<', '&', and the other quote, which is
    // itself too, and ']'. Found at once for most values.
    while (s_[i_] != quote) {
      auto c = static_cast<unsigned char>(s_[i_]);
      if (kPlainByte[c] || c == ']' || c == '"' || c == '\'') {
        ++i_;
      } else if (std::size_t n = c >= 0x80 ? xml_char_length(s_, i_) : 0) {
        i_ += n;
      } else if (c == '&' || c == '\t' || c == '\n') {
        return decoded_value(a, attribute_name, start, quote);
      } else {
        return false;  // '<', a carriage return, a control character, the end (NUL)
      }
    }
    if (i_ >= s_.size()) return false;
    attributes_[a] = {attribute_name, s_.substr(start, i_ - start)};
    ++i_;
    return true;
  }

  // The rest of a value that holds a reference or a tab or line break (normalised to a
  // space, as XML says), from s_[i_] on, decoded into decoded_[a] after s_[start, i_).
  bool decoded_value(std::size_t a, std::string_view attribute_name, std::size_t start,
                     char quote) {
    auto& out = decoded_[a];
    out.assign(s_.substr(start, i_ - start));
    while (i_ < s_.size() && s_[i_] != quote) {
      auto c = static_cast<unsigned char>(s_[i_]);
      if (kPlainByte[c] || c == ']' || c == '"' || c == '\'') {
        out += s_[i_++];
      } else if (c == '\t' || c == '\n') {
        out += ' ';
        ++i_;
      } else if (c == '&') {
        if (!reference(out)) return false;
      } else if (std::size_t n = c >= 0x80 ? xml_char_length(s_, i_) : 0) {
        out.append(s_.substr(i_, n));
        i_ += n;
      } else {
        return false;
      }
    }
    if (i_ >= s_.size()) return false;
    attributes_[a] = {attribute_name, out};
    ++i_;
    return true;
  }

  std::string_view s_;
  XmlHandler& handler_;
  std::size_t i_ = 0;
  std::vector<std::string_view> open_;
  std::string text_;
  std::array<XmlAttribute, kMaxAttributes> attributes_;  // of the tag being read
  std::array<std::string, kMaxAttributes> decoded_;      // values that are not themselves
};

}  // namespace

PlainRead read_plain_content(const std::string& xml, XmlHandler& handler) {
  return PlainReader(xml, handler).read();
}

}  // namespace kpi::grid
