#pragma once
// expat's functions that xml_stream.cpp calls, loaded with the first XML parser made
// (util::SharedLibrary), not at start-up (private to src/grid/).
#include <expat.h>

#include <string>

#include "kpi/util/shared_library.hpp"

// clang-format off
#define KPI_EXPAT_FUNCTIONS(X) \
  X(XML_ParserCreate) \
  X(XML_ParserFree) \
  X(XML_SetUserData) \
  X(XML_SetElementHandler) \
  X(XML_SetCharacterDataHandler) \
  X(XML_SetStartDoctypeDeclHandler) \
  X(XML_SetEntityDeclHandler) \
  X(XML_SetParamEntityParsing) \
  X(XML_StopParser) \
  X(XML_Parse) \
  X(XML_GetErrorCode) \
  X(XML_ErrorString) \
  X(XML_GetCurrentLineNumber) \
  X(XML_GetCurrentByteIndex)
// clang-format on

namespace kpi::grid {

KPI_LIBRARY_TABLE(ExpatLibrary, KPI_EXPAT_FUNCTIONS);

const ExpatLibrary& expat_library();

}  // namespace kpi::grid
