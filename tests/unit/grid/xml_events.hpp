#pragma once
// What an XmlHandler is told, written down as one text: start tags with their attributes, end
// tags and text (adjacent texts joined, since readers may cut text anywhere). Two readers that
// report the same content give the same record. Used by the plain XML tests and fuzz target.
#include <string>
#include <string_view>

#include "grid/plain_xml.hpp"
#include "grid/xml_stream.hpp"

namespace kpi::testing {

// Records expat's attributes (C strings) and the plain reader's (views) alike.
class XmlEvents : public grid::XmlHandler {
 public:
  void start(std::string_view name, const char** attributes) override {
    flush();
    record += "<" + std::string(name);
    for (const char** a = attributes; a && *a; a += 2) attribute(a[0], a[1]);
    record += ">";
  }
  void start_element(std::string_view name,
                     std::span<const grid::XmlAttribute> attributes) override {
    if (expat_layout) return XmlHandler::start_element(name, attributes);
    flush();
    record += "<" + std::string(name);
    for (const auto& a : attributes) attribute(a.name, a.value);
    record += ">";
  }
  void end(std::string_view name) override {
    flush();
    record += "</" + std::string(name) + ">";
  }
  void text(std::string_view chunk) override { text_ += chunk; }
  std::string done() {
    flush();
    return record;
  }

  std::string record;
  bool expat_layout = false;  // the plain reader's attributes through XmlHandler's default

 private:
  void attribute(std::string_view name, std::string_view value) {
    record += " " + std::string(name) + "=[" + std::string(value) + "]";
  }
  void flush() {
    if (!text_.empty()) record += "{" + text_ + "}";
    text_.clear();
  }
  std::string text_;
};

// The content's record as expat reads it inside a wrapper element, or nullopt-like "" with
// ok = false when expat finds it not well-formed.
inline std::string expat_record(std::string_view content, bool& ok) {
  XmlEvents events;
  grid::XmlStream stream(events);
  ok = stream.feed("<w>", false) && stream.feed(content, false) && stream.feed("</w>", true);
  std::string record = events.done();
  // Without the wrapper's own start and end.
  if (ok) record = record.substr(3, record.size() - 7);
  return record;
}

inline std::string plain_record(std::string_view content, grid::PlainRead& read,
                                bool expat_layout = false) {
  XmlEvents events;
  events.expat_layout = expat_layout;
  read = grid::read_plain_content(std::string(content), events);
  return events.done();
}

}  // namespace kpi::testing
