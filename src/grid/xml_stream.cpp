// expat with DTDs refused and handler-driven stops (xml_stream.hpp). When expat cannot be
// loaded, every stream fails at once and says why.
#include "xml_stream.hpp"
#include "xml_name.hpp"

#include "expat_library.hpp"

#include <algorithm>
#include <vector>

namespace kpi::grid {

const char* attribute(const char** attributes, std::string_view local) {
  const char* value = nullptr;
  find_attributes(attributes, {{local, &value}});
  return value;
}

void find_attributes(const char** attributes, std::initializer_list<WantedAttribute> wanted) {
  for (const char** a = attributes; a != nullptr && *a != nullptr; a += 2) {
    // The local name in one pass over the C string: its start after the last ':', its end.
    const char* start = a[0];
    const char* end = a[0];
    for (; *end != '\0'; ++end)
      if (*end == ':') start = end + 1;
    auto length = static_cast<std::size_t>(end - start);
    for (const auto& w : wanted)
      if (*w.value == nullptr && xml_name::same(w.local, std::string_view(start, length)))
        *w.value = a[1];
  }
}

std::optional<std::string_view> attribute(std::span<const XmlAttribute> attributes,
                                          std::string_view local) {
  std::optional<std::string_view> value;
  find_attributes(attributes, {{local, &value}});
  return value;
}

void XmlHandler::start_element(std::string_view name, std::span<const XmlAttribute> attributes) {
  std::vector<std::string> texts;  // NUL-terminated copies, then pointers to them
  texts.reserve(2 * attributes.size());
  for (const auto& a : attributes) texts.emplace_back(a.name), texts.emplace_back(a.value);
  std::vector<const char*> layout;
  for (const auto& t : texts) layout.push_back(t.c_str());
  layout.push_back(nullptr);
  start(name, layout.data());
}

const char* qualified_attribute(const char** attributes, std::string_view qualified) {
  for (const char** a = attributes; a != nullptr && *a != nullptr; a += 2)
    if (std::string_view(a[0]) == qualified) return a[1];
  return nullptr;
}

XmlStream::XmlStream(XmlHandler& handler) : expat_(expat_library()), handler_(handler) {
  if (!expat_.error.empty()) {
    error_ = expat_.error;
    return;
  }
  parser_ = expat_.XML_ParserCreate("UTF-8");
  if (parser_ == nullptr) {
    error_ = "out of memory creating the XML parser";
    return;
  }
  expat_.XML_SetUserData(parser_, this);
  expat_.XML_SetElementHandler(parser_, &XmlStream::on_start, &XmlStream::on_end);
  expat_.XML_SetCharacterDataHandler(parser_, &XmlStream::on_text);
  expat_.XML_SetStartDoctypeDeclHandler(parser_, &XmlStream::on_doctype);
  expat_.XML_SetEntityDeclHandler(
      parser_, [](void* self, const XML_Char*, int, const XML_Char*, int, const XML_Char*,
                  const XML_Char*, const XML_Char*, const XML_Char*) {
        auto* stream = static_cast<XmlStream*>(self);
        stream->handler_.failure = "XML entity declarations are refused (an XML bomb?)";
        stream->stop_if_failed();
      });
  expat_.XML_SetParamEntityParsing(parser_, XML_PARAM_ENTITY_PARSING_NEVER);
}

XmlStream::~XmlStream() {
  if (parser_ != nullptr) expat_.XML_ParserFree(parser_);
}

void XmlStream::stop_if_failed() {
  if (!handler_.failure.empty() && error_.empty()) {
    error_ = handler_.failure;
    line_ = static_cast<long>(expat_.XML_GetCurrentLineNumber(parser_));
    expat_.XML_StopParser(parser_, XML_FALSE);
  }
}

void XmlStream::on_start(void* self, const char* name, const char** attributes) {
  auto* stream = static_cast<XmlStream*>(self);
  stream->handler_.start(name, attributes);
  stream->stop_if_failed();
}

void XmlStream::on_end(void* self, const char* name) {
  auto* stream = static_cast<XmlStream*>(self);
  stream->handler_.end(name);
  stream->stop_if_failed();
}

void XmlStream::on_text(void* self, const char* text, int length) {
  auto* stream = static_cast<XmlStream*>(self);
  stream->handler_.text(std::string_view(text, static_cast<std::size_t>(length)));
  stream->stop_if_failed();
}

void XmlStream::on_doctype(void* self, const char*, const char*, const char*, int) {
  auto* stream = static_cast<XmlStream*>(self);
  stream->handler_.failure = "XML with a document type declaration (<!DOCTYPE>) is refused";
  stream->stop_if_failed();
}

long long XmlStream::byte_index() const {
  return static_cast<long long>(expat_.XML_GetCurrentByteIndex(parser_));
}

bool XmlStream::feed(std::string_view chunk, bool last) {
  if (!error_.empty()) return false;
  if (expat_.XML_Parse(parser_, chunk.data(), static_cast<int>(chunk.size()), last ? 1 : 0) ==
      XML_STATUS_OK)
    return true;
  if (error_.empty()) {
    error_ = "XML not well-formed (" +
             std::string(expat_.XML_ErrorString(expat_.XML_GetErrorCode(parser_))) + ")";
    line_ = static_cast<long>(expat_.XML_GetCurrentLineNumber(parser_));
  }
  return false;
}

ReadError parse_xml_entry(ZipArchive& archive, std::string_view entry, XmlHandler& handler) {
  XmlStream stream(handler);
  if (!stream.error().empty()) return {stream.error(), std::string(entry)};
  std::string zip_error = archive.stream(
      entry, [&stream](std::string_view chunk) { return stream.feed(chunk, false); });
  if (stream.error().empty() && zip_error.empty()) stream.feed({}, true);
  if (!stream.error().empty())
    return {stream.error(), std::string(entry) + ":" + std::to_string(stream.line())};
  if (!zip_error.empty()) return {zip_error, std::string(entry)};
  return {};
}

}  // namespace kpi::grid
