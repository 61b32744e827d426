#pragma once
// The structured facts of check items for machines: check JSON `rate` and `rows`, SARIF
// result `properties` (docs/json-schema.md, "check JSON").
#include "kpi/report/json.hpp"
#include "kpi/verify/check_items.hpp"

namespace kpi::report {

// {"municipality", "id", "name", "fiscal_year", "revised", "target", "actual", "published",
//  "recomputed", "formula", "basis", "verdict", "difference", "explanation", "location"}
Json rate_facts_json(const verify::CheckItem& item);
// The facts of any item: the rate's for a rate, {"rule", "rows"} for a finding, {"rule"}
// for an input problem; always with "location".
Json item_facts_json(const verify::CheckItem& item);

}  // namespace kpi::report
