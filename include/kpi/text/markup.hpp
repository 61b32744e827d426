#pragma once
// Stray HTML inside exported cells ("<b>分野1…</b>", "<ul><li>1 …</li></ul>"): the text
// without the markup. Generic; knows nothing of KPIs.
#include <string>
#include <string_view>

namespace kpi::text {

// `s` with tags and comments removed and character references (&amp; &#12354; &#x3042; ...)
// decoded. Block-level tags (<li>, <br>, <p>, <div>, <tr>, <td> ...) become one space so the
// words of adjacent items do not run together; inline tags (<b>, <span> ...) vanish. Text
// that only looks like a tag ("a < b", "<3") is kept as it is. Whitespace is not squeezed.
std::string strip_markup(std::string_view s);

}  // namespace kpi::text
