// The report's stylesheet: screen and print (A4), system fonts only (the file opens offline).
export const REPORT_CSS = `
:root {
  --ink: #1d2733; --muted: #5c6b7a; --line: #d9dee4; --paper: #ffffff; --wash: #f4f6f8;
  --accent: #2b4c6f; --sea: #dde9f2; --land: #fffdf6; --neighbour: #ebe9e3;
}
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body {
  margin: 0; background: var(--wash); color: var(--ink);
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif;
}
main { max-width: 1220px; margin: 0 auto; padding: 28px 28px 48px; }
h1, h2, h3, h4 { line-height: 1.2; margin: 0; }
h2 { font-size: 22px; margin: 36px 0 14px; padding-bottom: 6px; border-bottom: 2px solid var(--accent); }
h3 { font-size: 17px; }
p { margin: 0 0 10px; }
.muted { color: var(--muted); }
.small { font-size: 13px; }

header.top { background: var(--accent); color: #fff; padding: 26px 28px 22px; }
header.top .inner { max-width: 1164px; margin: 0 auto; }
header.top .kicker { text-transform: uppercase; letter-spacing: .08em; font-size: 12px; opacity: .8; margin: 0 0 6px; }
header.top h1 { font-size: 30px; margin: 0 0 6px; }
header.top .project { font-size: 16px; opacity: .95; margin: 0 0 10px; }
header.top .meta { font-size: 13px; opacity: .85; margin: 0; }
.phase { display: inline-block; background: rgba(255,255,255,.16); border-radius: 999px; padding: 1px 10px; margin-left: 4px; }

.tiles { display: grid; grid-template-columns: repeat(auto-fit, minmax(160px, 1fr)); gap: 12px; margin: 22px 0 0; }
.tile { background: var(--paper); border: 1px solid var(--line); border-radius: 8px; padding: 12px 14px; }
.tile .value { font-size: 28px; font-weight: 700; line-height: 1.1; }
.tile .label { font-size: 13px; color: var(--muted); }
.tile.alert .value { color: #b3261e; }

.overview { display: flex; flex-wrap: wrap; gap: 20px; align-items: flex-start; }
.panel { background: var(--paper); border: 1px solid var(--line); border-radius: 8px; padding: 16px 18px; }
.panel h3 { margin-bottom: 10px; }
.overview .column { flex: 1 1 540px; max-width: 600px; display: flex; flex-direction: column; gap: 20px; }
.panel.glance table { font-size: 13px; }
.panel.glance td, .panel.glance th { padding: 5px 6px; }
.panel.map-panel { flex: 1 1 560px; max-width: 640px; }
svg { max-width: 100%; height: auto; display: block; }

svg.funnel text { font-size: 13px; fill: var(--ink); }
svg.funnel .label { font-weight: 600; }
svg.funnel .other .label { font-weight: 400; fill: var(--muted); }
svg.funnel .track { fill: #eef1f4; }
svg.funnel .count .n { font-weight: 700; }
svg.funnel .count .pct { fill: var(--muted); font-size: 12px; }
svg.funnel .seg { fill: #fff; font-size: 11px; font-weight: 700; }
svg.funnel .divider { stroke: var(--line); }
svg.funnel .group { font-size: 11px; text-transform: uppercase; letter-spacing: .08em; fill: var(--muted); }

svg.timeline text { font-size: 11px; fill: var(--muted); }
svg.timeline .grid { stroke: #eef1f4; }
svg.timeline .area { fill: var(--accent); fill-opacity: .12; }
svg.timeline .line { fill: none; stroke: var(--accent); stroke-width: 2; }
svg.timeline .deadline { stroke: #b3261e; stroke-width: 1.4; }
svg.timeline .reminder { stroke: #8a99ad; stroke-width: 1; stroke-dasharray: 3 3; }
svg.timeline .marker-label { font-size: 10.5px; }
svg.timeline .total { font-weight: 700; fill: var(--accent); font-size: 12px; }
svg.map .sea { fill: var(--sea); }
svg.map .neighbours path { fill: var(--neighbour); stroke: #c9c6bd; stroke-width: .6; }
svg.map .countries text { font-size: 12px; letter-spacing: .22em; fill: #a8a398; }
svg.map .norway { fill: var(--land); stroke: #6f7f8f; stroke-width: .8; stroke-linejoin: round; }
svg.map .muni { stroke: #fff; stroke-width: 1.1; }
svg.map .muni.unplaced { fill-opacity: .85; }
svg.map .venue .leader { stroke: #1d2733; stroke-width: .8; }
svg.map .venue path { fill: #1d2733; stroke: #fff; stroke-width: 1.6; }
svg.map .venue text { paint-order: stroke; stroke: #fff; stroke-width: 3.2px; stroke-linejoin: round; fill: #1d2733; }
svg.map .venue-name { font-size: 12.5px; font-weight: 700; }
svg.map .venue-detail { font-size: 10.5px; fill: #3e4c5a; }
svg.map .legend rect { fill: #fff; fill-opacity: .9; stroke: var(--line); }
svg.map .legend-dot, svg.map .legend-venue { stroke: #fff; stroke-width: 1.2; }
svg.map .legend text { font-size: 12px; fill: var(--ink); }
.map-note { font-size: 12px; color: var(--muted); margin: 8px 0 0; }

.networks { display: grid; grid-template-columns: repeat(auto-fit, minmax(340px, 1fr)); gap: 16px; }
.network { background: var(--paper); border: 1px solid var(--line); border-top: 6px solid var(--net); border-radius: 8px; padding: 14px 16px; break-inside: avoid; }
.network h3 { display: flex; align-items: center; gap: 8px; }
.chip { display: inline-block; min-width: 22px; padding: 0 6px; border-radius: 4px; color: #fff; font-weight: 700; font-size: 13px; text-align: center; background: var(--net, #777); }
.network .stats { font-size: 13px; color: var(--muted); margin: 4px 0 8px; }
.network .gauge { margin: 2px 0 10px; }
.network .gauge text { font-size: 8px; fill: var(--muted); }
.logistics .chip { background: var(--net); }
.logistics td.when { white-space: nowrap; }
h3.subhead { margin: 18px 0 8px; }
.cancelled { margin-top: 10px; font-size: 13px; color: #b3261e; }
.network ol.gatherings { list-style: none; padding: 0; margin: 0 0 12px; font-size: 13.5px; }
.network ol.gatherings li { display: grid; grid-template-columns: 30px 1fr; align-items: start; padding: 5px 0; border-bottom: 1px dashed var(--line); }
.network ol.gatherings .gnum { width: 22px; height: 22px; border-radius: 50%; background: var(--net); color: #fff; font-weight: 700; font-size: 12px; text-align: center; line-height: 22px; margin-top: 1px; }
.network ol.gatherings li.held .gnum { background: #fff; color: var(--net); box-shadow: inset 0 0 0 2px var(--net); }
.network ol.gatherings .when { font-weight: 600; }
.network ol.gatherings .unset { color: #8a5a00; font-weight: 600; }
.members { list-style: none; padding: 0; margin: 0; font-size: 13.5px; }
.members > li { padding: 6px 0; border-top: 1px solid #eef0f3; }
.members .muni-name { font-weight: 600; }
.members .people { color: var(--muted); font-size: 12.5px; }
.empty { color: var(--muted); font-style: italic; }

table { width: 100%; border-collapse: collapse; background: var(--paper); font-size: 13.5px; }
th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { background: #e8edf3; font-weight: 600; font-size: 12.5px; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
tr.sum td { font-weight: 700; background: #f6f7f9; border-top: 2px solid #b8c2cc; }
.unknown { color: #8a5a00; font-weight: 600; }
td.num .unknown { display: block; font-size: 11.5px; white-space: nowrap; }
.diet { font-size: 12.5px; color: var(--muted); min-width: 170px; }
.diet summary { cursor: pointer; color: var(--ink); }
.diet ul { margin: 4px 0 0; padding-left: 16px; }
.table-wrap { border: 1px solid var(--line); border-radius: 8px; overflow: hidden; }

.lessons article { background: var(--paper); border: 1px solid var(--line); border-radius: 8px; padding: 14px 18px; margin: 0 0 12px; break-inside: avoid-page; }
.lessons article h3 { display: flex; gap: 8px; align-items: baseline; margin-bottom: 8px; }
.lessons h4 { font-size: 13px; text-transform: uppercase; letter-spacing: .06em; color: var(--muted); margin: 10px 0 4px; }
.lessons .report { border-left: 3px solid var(--line); padding-left: 10px; margin: 0 0 6px; }
.lessons .report p { max-width: 82ch; }
.lessons .from { font-size: 12px; color: var(--muted); margin: 0 0 4px; }
.lessons .missing { color: var(--muted); font-style: italic; font-size: 13px; }

footer { margin-top: 40px; font-size: 12.5px; color: var(--muted); border-top: 1px solid var(--line); padding-top: 12px; }
.url { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12px; word-break: break-all; }

@page { size: A4; margin: 14mm 12mm; }
@media print {
  body { background: #fff; font-size: 11pt; }
  main { max-width: none; padding: 0; }
  header.top { padding: 14px 16px 12px; background: var(--accent) !important; }
  .panel, .network, .tile, .lessons article, .table-wrap { border-color: #c8ced6; }
  .overview, .overview .column { display: block; max-width: none; }
  .panel { max-width: none !important; margin-bottom: 12px; break-inside: avoid; }
  section { break-before: auto; }
  section.lessons { break-before: page; }
  h2 { break-after: avoid; }
  tr { break-inside: avoid; }
}
`;
