// The map of Norway: the outline from Natural Earth (world-atlas, 1:50m) through
// topojson-client, projected with d3-geo in transverse Mercator on 15° E (UTM zone 33, the
// projection of Norway's national maps), fitted to the mainland. Sweden, Finland, Russia and
// Denmark are drawn faded for context; Svalbard and Jan Mayen are left out, islands smaller than
// a few pixels too. The basemap is computed once per process; each report adds only its dots.
import fs from 'node:fs';
import { geoPath, geoTransverseMercator, type GeoContext, type GeoProjection } from 'd3-geo';
import { feature } from 'topojson-client';
import type { GeometryObject, Topology } from 'topojson-specification';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { markup, num, raw, type Html } from './html';

export const MAP_WIDTH = 600;
const PAD = 12;
const NORWAY = '578';
/** Neighbours drawn for context, with where their name goes (if that is on the map). */
const NEIGHBOURS: { id: string; name: string; label: [lon: number, lat: number] }[] = [
  { id: '752', name: 'Sverige', label: [15.6, 62.4] },
  { id: '246', name: 'Finland', label: [26.2, 67.6] },
  { id: '643', name: 'Russland', label: [32.5, 68.9] },
  { id: '208', name: 'Danmark', label: [9.6, 57.2] },
];

// ---------------------------------------------------------------- the basemap

export interface Basemap {
  width: number;
  height: number;
  projection: GeoProjection;
  /** SVG path data, in the map's pixels. */
  norway: string;
  neighbours: { id: string; name: string; d: string }[];
  /** Neighbours' names, where they fall well inside the map. */
  labels: { name: string; x: number; y: number }[];
}

/**
 * Collects a projected path ring by ring, dropping points closer than `tolerance` pixels to the
 * previous one and rings smaller than `minArea` square pixels: a 1:50m coastline at this scale
 * carries far more detail than a reader can see.
 */
class SimplifyingPath implements GeoContext {
  private readonly parts: string[] = [];
  private ring: [number, number][] = [];

  constructor(
    private readonly tolerance = 0.7,
    private readonly minArea = 3,
  ) {}

  beginPath(): void {}
  moveTo(x: number, y: number): void {
    this.flush(false);
    this.ring = [[x, y]];
  }
  lineTo(x: number, y: number): void {
    const [px, py] = this.ring[this.ring.length - 1] ?? [Infinity, Infinity];
    if (Math.hypot(x - px, y - py) >= this.tolerance) this.ring.push([x, y]);
  }
  closePath(): void {
    this.flush(true);
  }
  arc(): void {}

  private flush(closed: boolean): void {
    const ring = this.ring;
    this.ring = [];
    if (ring.length < (closed ? 3 : 2)) return;
    if (closed) {
      let area = 0;
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        area += (ring[j][0] + ring[i][0]) * (ring[j][1] - ring[i][1]);
      }
      if (Math.abs(area / 2) < this.minArea) return;
    }
    const points = ring.map(([x, y]) => `${num(x)},${num(y)}`);
    this.parts.push(`M${points[0]}L${points.slice(1).join(' ')}${closed ? 'Z' : ''}`);
  }

  result(): string {
    this.flush(false);
    return this.parts.join('');
  }
}

function loadTopology(): Topology {
  const file = require.resolve('world-atlas/countries-50m.json');
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Topology;
}

function country(topology: Topology, id: string): Feature<Polygon | MultiPolygon> {
  const countries = topology.objects.countries as { geometries: GeometryObject[] };
  const geometry = countries.geometries.find((g) => String(g.id) === id);
  if (!geometry) throw new Error(`world-atlas has no country ${id}`);
  return feature(topology, geometry) as Feature<Polygon | MultiPolygon>;
}

/** Mainland Norway and its coastal islands: no Svalbard (north of 74°), no Jan Mayen (west of 0°). */
function mainland(norway: Feature<Polygon | MultiPolygon>): Feature<MultiPolygon> {
  const polygons: Position[][][] =
    norway.geometry.type === 'Polygon'
      ? [norway.geometry.coordinates]
      : norway.geometry.coordinates;
  return {
    type: 'Feature',
    properties: {},
    geometry: {
      type: 'MultiPolygon',
      coordinates: polygons.filter((p) => p[0].every(([lon, lat]) => lat < 72 && lon > 0)),
    },
  };
}

function pathData(projection: GeoProjection, f: Feature): string {
  const context = new SimplifyingPath();
  geoPath(projection, context)(f);
  return context.result();
}

let cached: Basemap | null = null;

export function basemap(): Basemap {
  if (cached) return cached;
  const topology = loadTopology();
  const norway = mainland(country(topology, NORWAY));
  // Centred on 65° N, 15° E: the same transverse Mercator as on the equator (a shift along the
  // central meridian), but a clip circle around the centre keeps the far side of Russia out.
  const projection = geoTransverseMercator()
    .rotate([-15, -65])
    .clipAngle(25)
    .fitWidth(MAP_WIDTH - 2 * PAD, norway);
  const [[x0, y0], [, y1]] = geoPath(projection).bounds(norway);
  const [tx, ty] = projection.translate();
  projection.translate([tx + PAD - x0, ty + PAD - y0]);
  const height = Math.ceil(y1 - y0 + 2 * PAD);
  projection.clipExtent([
    [0, 0],
    [MAP_WIDTH, height],
  ]);
  cached = {
    width: MAP_WIDTH,
    height,
    projection,
    norway: pathData(projection, norway),
    neighbours: NEIGHBOURS.map((n) => ({
      id: n.id,
      name: n.name,
      d: pathData(projection, country(topology, n.id)),
    })).filter((n) => n.d.length > 0),
    labels: NEIGHBOURS.flatMap((n) => {
      const p = projection(n.label);
      const inside = p && p[0] > 40 && p[0] < MAP_WIDTH - 40 && p[1] > 20 && p[1] < height - 12;
      return inside ? [{ name: n.name, x: p[0], y: p[1] }] : [];
    }),
  };
  return cached;
}

// ---------------------------------------------------------------- what goes on it

export interface MapDot {
  municipalityId: string;
  lat: number;
  lon: number;
  /** Fill colour; grey for those not placed. */
  colour: string;
  /** Network id, or null when not placed. */
  network: string | null;
  /** Tooltip. */
  title: string;
}

export interface MapVenue {
  id: string;
  name: string;
  lat: number;
  lon: number;
  /** Second label line: which gatherings, e.g. «A 1–3 · B 3». */
  detail: string;
}

export interface LegendEntry {
  kind: 'dot' | 'venue';
  colour: string;
  label: string;
}

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/** Text width estimate for label placement (no font metrics without a browser). */
const textWidth = (text: string, size: number, bold = false) =>
  text.length * size * (bold ? 0.66 : 0.58) + 2;

export interface Obstacle {
  x: number;
  y: number;
  /** Half its size: dots keep this far from its centre, plus their own radius. */
  r: number;
}

/**
 * Dots at (nearly) the same place, e.g. a county municipality and its seat, are fanned out
 * around it (a sunflower pattern), so that none hides another. Dots under a venue's marker are
 * moved just outside it, keeping their direction from the venue where they have one.
 */
export function spreadDots(
  points: { x: number; y: number }[],
  radius: number,
  obstacles: Obstacle[] = [],
): { x: number; y: number }[] {
  const clusters: { x: number; y: number; hole: number; members: number[] }[] = obstacles.map(
    (o) => ({
      x: o.x,
      y: o.y,
      hole: o.r,
      members: [],
    }),
  );
  points.forEach((p, i) => {
    const near = clusters.find(
      (c) => Math.hypot(c.x - p.x, c.y - p.y) < (c.hole ? c.hole + radius : radius * 0.9),
    );
    if (near) near.members.push(i);
    else clusters.push({ x: p.x, y: p.y, hole: 0, members: [i] });
  });
  const out = points.map((p) => ({ ...p }));
  const golden = Math.PI * (3 - Math.sqrt(5));
  for (const c of clusters) {
    if (c.hole && c.members.length) {
      const ring = c.hole + radius + 1;
      const step = 2 * Math.asin(Math.min(1, (radius + 0.6) / ring));
      if (c.members.length * step <= 2 * Math.PI) {
        const angles = c.members
          .map((index, k) => {
            const dx = points[index].x - c.x;
            const dy = points[index].y - c.y;
            return {
              index,
              a: Math.hypot(dx, dy) > 0.5 ? Math.atan2(dy, dx) : Math.PI / 2 + k * step,
            };
          })
          .sort((a, b) => a.a - b.a);
        for (let k = 1; k < angles.length; k++)
          angles[k].a = Math.max(angles[k].a, angles[k - 1].a + step);
        for (const { index, a } of angles)
          out[index] = { x: c.x + ring * Math.cos(a), y: c.y + ring * Math.sin(a) };
        continue;
      }
    }
    if (c.members.length < 2 && !c.hole) continue;
    const skip = c.hole ? Math.ceil(((c.hole + radius) / (radius * 1.15)) ** 2) : 0;
    c.members.forEach((index, k) => {
      const r = radius * 1.15 * Math.sqrt(k + skip + 0.5);
      const a = (k + skip) * golden;
      out[index] = { x: c.x + r * Math.cos(a), y: c.y + r * Math.sin(a) };
    });
  }
  return out;
}

const VENUE_SIZE = 7;
/** Label positions around a venue, in order of preference: east, west, then the diagonals. */
const LABEL_DIRECTIONS: [number, number][] = [
  [1, 0],
  [-1, 0],
  [1, -1],
  [-1, -1],
  [1, 1],
  [-1, 1],
  [0, -1],
  [0, 1],
];

const diamond = (x: number, y: number, s: number) =>
  `M${num(x)},${num(y - s)}L${num(x + s)},${num(y)}L${num(x)},${num(y + s)}L${num(x - s)},${num(y)}Z`;

type Point = { x: number; y: number };
type LabelCandidate = {
  box: Box;
  anchor: 'start' | 'middle' | 'end';
  leader: boolean;
  rank: number;
};

/** Positions around a venue for its label, best first; `w`×`h` is the label's size. */
function labelCandidates(p: Point, w: number, h: number): LabelCandidate[] {
  const candidates: LabelCandidate[] = [];
  for (const offset of [11, 26]) {
    for (const [dx, dy] of LABEL_DIRECTIONS) {
      const x = dx > 0 ? p.x + offset : dx < 0 ? p.x - offset - w : p.x - w / 2;
      const y = dy > 0 ? p.y + offset * 0.6 : dy < 0 ? p.y - offset * 0.6 - h : p.y - 11;
      const anchor = dx > 0 ? 'start' : dx < 0 ? 'end' : 'middle';
      candidates.push({
        box: { x, y, w, h },
        anchor,
        leader: offset > 11,
        rank: candidates.length,
      });
    }
  }
  return candidates;
}

export function renderMap(dots: MapDot[], venues: MapVenue[], legend: LegendEntry[]): Html {
  const base = basemap();
  const { width, height, projection } = base;
  const radius = dots.length > 150 ? 3.6 : dots.length > 60 ? 4.5 : 5.5;
  const project = (lon: number, lat: number): Point | null => {
    const p = projection([lon, lat]);
    return p && Number.isFinite(p[0]) && Number.isFinite(p[1]) ? { x: p[0], y: p[1] } : null;
  };

  // Unplaced first, so the coloured dots are drawn on top.
  const ordered = [...dots].sort((a, b) => Number(a.network !== null) - Number(b.network !== null));
  const projected = ordered
    .map((d) => ({ d, p: project(d.lon, d.lat) }))
    .filter((x): x is { d: MapDot; p: Point } => x.p !== null);
  const placedVenues = venues
    .map((v) => ({ v, p: project(v.lon, v.lat) }))
    .filter((x): x is { v: MapVenue; p: Point } => x.p !== null);
  const spread = spreadDots(
    projected.map((x) => x.p),
    radius,
    placedVenues.map(({ p }) => ({ ...p, r: VENUE_SIZE })),
  );

  // Legend, top left over the Norwegian Sea.
  const line = 20;
  const legendWidth = Math.max(150, ...legend.map((e) => textWidth(e.label, 12) + 34));
  const legendBox: Box = { x: 10, y: 10, w: legendWidth, h: legend.length * line + 14 };
  const legendSvg = legend.map((e, i) => {
    const y = legendBox.y + 17 + i * line;
    const [mx, my] = [num(legendBox.x + 16), num(y - 4)];
    const mark =
      e.kind === 'dot'
        ? markup`<circle class="legend-dot" cx="${mx}" cy="${my}" r="${num(radius)}" fill="${e.colour}"/>`
        : markup`<path class="legend-venue" d="${diamond(legendBox.x + 16, y - 4, 6)}" fill="${e.colour}"/>`;
    return markup`${mark}<text x="${num(legendBox.x + 30)}" y="${num(y)}">${e.label}</text>`;
  });

  // Venues, each label where it collides least with other labels, markers and dots.
  const taken: Box[] = [legendBox];
  for (const { p } of placedVenues) {
    taken.push({ x: p.x - VENUE_SIZE, y: p.y - VENUE_SIZE, w: 2 * VENUE_SIZE, h: 2 * VENUE_SIZE });
  }
  const dotBoxes = spread.map((p) => ({
    x: p.x - radius,
    y: p.y - radius,
    w: 2 * radius,
    h: 2 * radius,
  }));
  const outside = (b: Box) => b.x < 4 || b.y < 4 || b.x + b.w > width - 4 || b.y + b.h > height - 4;
  const score = (c: LabelCandidate) =>
    (outside(c.box) ? 10_000 : 0) +
    taken.filter((t) => overlaps(t, c.box)).length * 1000 +
    dotBoxes.filter((t) => overlaps(t, c.box)).length * 40 +
    c.rank;
  const venueSvg = placedVenues.map(({ v, p }) => {
    const w = Math.max(textWidth(v.name, 12.5, true), textWidth(v.detail, 10.5));
    const h = v.detail ? 28 : 15;
    const best = labelCandidates(p, w, h).reduce((a, b) => (score(b) < score(a) ? b : a));
    taken.push(best.box);
    const { box, anchor } = best;
    const tx = anchor === 'start' ? box.x : anchor === 'end' ? box.x + w : box.x + w / 2;
    const ty = box.y + 11;
    const leader = best.leader
      ? markup`<line class="leader" x1="${num(p.x)}" y1="${num(p.y)}" x2="${num(Math.min(Math.max(p.x, box.x), box.x + w))}" y2="${num(Math.min(Math.max(p.y, box.y + 4), box.y + h - 4))}"/>`
      : '';
    const detail = v.detail
      ? markup`<text class="venue-detail" x="${num(tx)}" y="${num(ty + 13)}" text-anchor="${anchor}">${v.detail}</text>`
      : '';
    return markup`<g class="venue" data-venue="${v.id}"><title>${v.name}: ${v.detail}</title>${leader}<path d="${diamond(p.x, p.y, VENUE_SIZE)}"/><text class="venue-name" x="${num(tx)}" y="${num(ty)}" text-anchor="${anchor}">${v.name}</text>${detail}</g>\n`;
  });

  const dotSvg = projected.map(({ d }, i) => {
    const p = spread[i];
    const cls = d.network ? 'muni placed' : 'muni unplaced';
    return markup`<circle class="${cls}" data-municipality="${d.municipalityId}" data-network="${d.network ?? ''}" cx="${num(p.x)}" cy="${num(p.y)}" r="${num(radius)}" fill="${d.colour}"><title>${d.title}</title></circle>\n`;
  });

  const countries = base.labels.map(
    (l) =>
      markup`<text x="${num(l.x)}" y="${num(l.y)}" text-anchor="middle">${l.name.toUpperCase()}</text>`,
  );
  const neighbours = base.neighbours.map(
    (n) => markup`<path data-country="${n.name}" d="${raw(n.d)}"/>`,
  );
  return markup`<svg class="map" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="map-title">
<title id="map-title">Kart over Norge med deltakende kommuner og samlingssteder</title>
<rect class="sea" x="0" y="0" width="${width}" height="${height}"/>
<g class="neighbours">${neighbours}</g>
<g class="countries">${countries}</g>
<path class="norway" d="${raw(base.norway)}"/>
<g class="dots">
${dotSvg}</g>
<g class="venues">
${venueSvg}</g>
<g class="legend"><rect x="${legendBox.x}" y="${legendBox.y}" width="${num(legendBox.w)}" height="${legendBox.h}" rx="4"/>${legendSvg}</g>
</svg>`;
}
