#pragma once
// Whether the text after a number continues it in a way no number printed in a KPI sheet
// does: "1e309" (exponent), "1.2.3", "12,34", "1,2345". Taking the leading digits of such
// a cell would be a wrong number.
#include <string_view>

namespace kpi::text {

// `rest` is the text right after the digits of a number (NumberToken::end onwards).
bool continues_number(std::string_view rest);

}  // namespace kpi::text
