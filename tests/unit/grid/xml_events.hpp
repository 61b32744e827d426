#pragma once
// What an XmlHandler is told, written down as one text: start tags with their attributes, end
// tags and text (adjacent texts joined, since readers may cut text anywhere). Two readers that
// report the same content give the same record. Used by the plain XML tests and fuzz target.
#include <string>
#include <string_view>

#include "grid/plain_xml.hpp"
#include "grid/xml_stream.hpp"

namespace kpi::testing {

class XmlEvents : public grid::XmlHandler {
 public:
  void start(std::string_view name, const char** attributes) override {
    flush();
    record += "<" + std::string(name);
    for (const char** a = attributes; a && *a; a += 2)
      record += " " + std::string(a[0]) + "=[" + std::string(a[1]) + "]";
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

 private:
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

inline std::string plain_record(std::string_view content, grid::PlainRead& read) {
  XmlEvents events;
  read = grid::read_plain_content(content, events);
  return events.done();
}

}  // namespace kpi::testing
