#pragma once
// A fast reader for plain XML content (private to src/grid/): the run of elements and text a
// piece of a worksheet's <sheetData> is. It knows elements with ASCII names, attributes in
// quotes, text, the five predefined entities and character references, and reports them to an
// XmlHandler exactly as expat would (attribute values normalised, references decoded).
//
// Anything else is not plain: a comment, CDATA, a processing instruction or declaration, a
// carriage return, a byte that is not UTF-8 or not an XML character, another entity, a
// name that is not ASCII, a tag or reference it cannot read, an end tag that does not match.
// Then it stops and says so, and the content is read again by expat, which decides what the
// document means or what is wrong with it. The handler may have been told part of the content
// by then: the caller starts again with a fresh one.
#include <string>

#include "xml_stream.hpp"

namespace kpi::grid {

enum class PlainRead {
  read,       // all of it, the handler told everything
  not_plain,  // to be read by expat
  stopped,    // the handler set its failure
};

// A std::string: its bytes are followed by a NUL, where the reader's loops stop.
PlainRead read_plain_content(const std::string& xml, XmlHandler& handler);

}  // namespace kpi::grid
