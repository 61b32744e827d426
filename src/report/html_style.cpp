// The HTML report's style sheet, inline (the page loads nothing). Colours: achieved green,
// behind orange, no data grey, a wrong published rate red; readable when printed.
#include "html_parts.hpp"

namespace kpi::report::html {

std::string_view style() {
  return R"css(
:root{--ok:#2e7d32;--bad:#e65100;--none:#9e9e9e;--wrong:#c62828;--ink:#212121;--mute:#5f6368}
body{font-family:"Noto Sans CJK JP","Noto Sans JP","Hiragino Sans","Yu Gothic",Meiryo,sans-serif;
color:var(--ink);margin:1.2rem 1.5rem;line-height:1.45;background:#fff}
h1{font-size:1.5rem;margin:0 0 .2rem}h2{font-size:1.2rem;margin:1.6rem 0 .5rem;
border-bottom:2px solid #cfd8dc}h3{font-size:1rem;margin:1rem 0 .4rem}h4{font-size:.95rem;
margin:.9rem 0 .3rem;color:var(--mute)}
.sources,.meta,.note,.grades,footer{color:var(--mute);font-size:.85rem}
.cards{display:flex;flex-wrap:wrap;gap:.7rem}
.card{border:1px solid #dadce0;border-left:6px solid #90a4ae;border-radius:6px;
padding:.4rem .9rem;min-width:8rem}
.card .n{font-size:1.9rem;font-weight:700;font-variant-numeric:tabular-nums}
.card .t{font-weight:600}.card .d{color:var(--mute);font-size:.8rem}
.card.achieved,.card.on_track{border-left-color:var(--ok)}
.card.behind,.card.pace_behind{border-left-color:var(--bad)}
.card.no_data{border-left-color:var(--none)}.card.wrong{border-left-color:var(--wrong)}
svg.chart{display:block;max-width:100%;height:auto;margin:.3rem 0}
.chart text{font-size:13px;fill:var(--ink)}.chart text.c{fill:#fff;font-size:12px;
text-anchor:middle;font-weight:600}
rect.achieved,.sw.achieved,circle.achieved{fill:var(--ok);background:var(--ok)}
rect.behind,.sw.behind,circle.behind{fill:var(--bad);background:var(--bad)}
rect.no_data,.sw.no_data,circle.no_data,circle.b{fill:var(--none);background:var(--none)}
rect.g0,.sw.g0{fill:#1b5e20;background:#1b5e20}rect.g1,.sw.g1{fill:#7cb342;background:#7cb342}
rect.g2,.sw.g2{fill:#fbc02d;background:#fbc02d}rect.g3,.sw.g3{fill:#ef6c00;background:#ef6c00}
rect.g4,.sw.g4{fill:#b71c1c;background:#b71c1c}
.cap{margin:.6rem 0 .1rem;font-size:.85rem;font-weight:600}.cap .sw{margin-left:.6rem}
table{border-collapse:collapse;font-size:.82rem;margin:.3rem 0}
th,td{border:1px solid #d0d4d8;padding:2px 6px;vertical-align:top}
th{background:#eceff1;white-space:nowrap}
.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
td.long{white-space:normal;min-width:9em}
.id,.vd,.st{white-space:nowrap}.loc{overflow-wrap:anywhere;min-width:12em}
tr.first td{border-top:2px solid #90a4ae}
tr.behind td{background:#fff3e0}tr.consistent td{background:#fffde7}
tr.mismatch td{background:#ffebee}tr.mismatch td.vd{color:var(--wrong);font-weight:700}
td.st{font-weight:600}tr.achieved td.st{color:var(--ok)}tr.behind td.st{color:var(--bad)}
ul.legend{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.4rem 1.2rem;
font-size:.85rem}
.sw{display:inline-block;width:.9rem;height:.9rem;margin-right:.3rem;vertical-align:-2px;
border:1px solid #bbb}
.sw.mismatch{background:#ffebee}.sw.consistent{background:#fffde7}
.sw.line-actual{height:0;border:0;border-top:2px solid #1565c0}
.sw.line-path{height:0;border:0;border-top:2px dashed #757575}
.sw.line-year{width:0;border:0;border-left:2px solid #bdbdbd}
details.diagnostics{margin:.6rem 0;font-size:.85rem}details.diagnostics summary{cursor:pointer}
.findings li{margin:.3rem 0}.findings .kind{font-weight:600}.findings .error .kind{color:var(--wrong)}
.multiples{display:grid;grid-template-columns:repeat(auto-fill,minmax(13rem,1fr));gap:.5rem}
.kpi{border:1px solid #dadce0;border-top:4px solid var(--none);border-radius:4px;
padding:.25rem .4rem;font-size:.72rem;overflow:hidden}
.kpi.achieved{border-top-color:var(--ok)}.kpi.behind{border-top-color:var(--bad)}
.kpi .id{font-weight:700}.kpi .st{float:right}.kpi.achieved .st{color:var(--ok)}
.kpi.behind .st{color:var(--bad)}
.kpi .nm{display:block;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.kpi .p,.kpi .nosvg{display:block;color:var(--mute)}
svg.spark{display:block;margin:2px 0}
.spark .tp{stroke:#757575;stroke-width:1;stroke-dasharray:3 2}
.spark .al{stroke:#1565c0;stroke-width:1.5;fill:none}.spark .vy{stroke:#bdbdbd}
.spark .ft{fill:#fff;stroke:#757575;stroke-width:1.2}
a{color:inherit}
@media print{body{margin:0}.card,.kpi,svg.chart{break-inside:avoid}}
)css";
}

}  // namespace kpi::report::html
