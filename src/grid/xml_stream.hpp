#pragma once
// A streaming XML parser over expat (private to src/grid/): no DOM, element callbacks only.
// Documents with a DTD (<!DOCTYPE>, entity declarations) are refused: workbook XML never
// has one, and entity expansion is how XML bombs work.
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "xml_name.hpp"
#include "zip_archive.hpp"

struct XML_ParserStruct;

namespace kpi::grid {

struct ExpatLibrary;

// An attribute of a start tag as the plain reader gives it (plain_xml.hpp): its qualified name
// and its value, normalised and decoded as expat gives it.
struct XmlAttribute {
  std::string_view name, value;
};

class XmlHandler {
 public:
  virtual ~XmlHandler() = default;
  // name is the qualified name ("table:table-cell"); attributes alternate name, value, ...,
  // nullptr-terminated (expat's layout).
  virtual void start(std::string_view name, const char** attributes) = 0;
  // The same start with its attributes as views (the plain reader: no copy of each into C
  // strings). By default given to start() in expat's layout.
  virtual void start_element(std::string_view name, std::span<const XmlAttribute> attributes);
  virtual void end(std::string_view name) = 0;
  virtual void text(std::string_view) {}

  // Set by a handler to stop parsing with this message (a limit reached, a bad value).
  std::string failure;
};

// "table-cell" for "table:table-cell". Inline: called for every element and attribute, whose
// names are a few bytes.
inline std::string_view local_name(std::string_view qualified) {
  for (std::size_t i = qualified.size(); i > 0; --i)
    if (qualified[i - 1] == ':') return qualified.substr(i);
  return qualified;
}
// The value of the attribute whose local name is `local`, nullptr when absent.
const char* attribute(const char** attributes, std::string_view local);
// Several attributes in one pass: each wanted local name's value (the first one, as
// attribute() gives it) into its pointer, left as it is when absent.
struct WantedAttribute {
  std::string_view local;
  const char** value;
};
void find_attributes(const char** attributes, std::initializer_list<WantedAttribute> wanted);
// The same over views: each wanted local name's first value, left as it is when absent.
// Inline: a cell's r, t and s are found this way in every cell of a sheet, and the wanted
// list is a constant the compiler unrolls.
struct WantedValue {
  std::string_view local;
  std::optional<std::string_view>* value;
};
inline void find_attributes(std::span<const XmlAttribute> attributes,
                            std::initializer_list<WantedValue> wanted) {
  for (const auto& a : attributes) {
    auto local = local_name(a.name);
    for (const auto& w : wanted)
      if (!*w.value && xml_name::same(w.local, local)) *w.value = a.value;
  }
}
std::optional<std::string_view> attribute(std::span<const XmlAttribute> attributes,
                                          std::string_view local);
// The same with the exact qualified name ("office:value-type").
const char* qualified_attribute(const char** attributes, std::string_view qualified);

class XmlStream {
 public:
  explicit XmlStream(XmlHandler& handler);
  ~XmlStream();
  XmlStream(const XmlStream&) = delete;
  XmlStream& operator=(const XmlStream&) = delete;

  // Parses the next chunk; false once the document is broken, refused or stopped.
  bool feed(std::string_view chunk, bool last);
  const std::string& error() const { return error_; }
  long line() const { return line_; }
  // Where the event being reported starts: its offset in the bytes fed so far.
  long long byte_index() const;

 private:
  static void on_start(void* self, const char* name, const char** attributes);
  static void on_end(void* self, const char* name);
  static void on_text(void* self, const char* text, int length);
  static void on_doctype(void* self, const char*, const char*, const char*, int);
  void stop_if_failed();

  const ExpatLibrary& expat_;
  XML_ParserStruct* parser_ = nullptr;
  XmlHandler& handler_;
  std::string error_;
  long line_ = 0;
};

// Where a read went wrong: the message and "entry" or "entry:line".
struct ReadError {
  std::string message;
  std::string where;
  bool failed() const { return !message.empty(); }
};

// Streams a ZIP entry through the handler.
ReadError parse_xml_entry(ZipArchive& archive, std::string_view entry, XmlHandler& handler);

}  // namespace kpi::grid
