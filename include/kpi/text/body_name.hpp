#pragma once
// The public body (市, 町, 村, 区, 県, 都, 府) a sheet's title names: "第2期小川市まち・ひと・
// しごと創生総合戦略" → "小川市", a title line "金 沢 市" → "金沢市". Pure; ICU only through
// normalize().
#include <string>
#include <string_view>

namespace kpi::text {

// The first body named in `title` (any text, one or more lines), or "". A name is a run of
// kanji ending in a body suffix that stands alone: at the start of a line or after a space,
// a bracket or a term count (第2期, 令和5年度), and before the end of the line, a space, a
// bracket or a word titles put after it (総合, まち, 創生, 版, 戦略 ...); or one of the listed
// names written in kana (さいたま市). A prefecture or county printed before it is left out
// (東京都八王子市 → 八王子市). "都市として" or "市町村" in a sentence is no name.
std::string body_name_in(std::string_view title);

// A printed body name in one form (text::name_form): NFKC, spacing removed but between two
// ASCII words ("金 沢 市", "高岡市 " → "金沢市", "高岡市"; "Nitta  City" → "Nitta City"), a
// prefecture or county before the body left out ("富山県高岡市" → "高岡市"). What two printings
// of one body share.
std::string body_name_form(std::string_view printed);

}  // namespace kpi::text
