// The funnel as horizontal bars: the main path from invitation to completion, the placed bar
// split by network in the networks' colours, then the other outcomes in muted tones. Bars are
// to scale against the number invited; each carries its count and share of those invited.
import type { Funnel } from './data';
import { percent } from './format';
import { markup, num, type Html } from './html';
import { toOslo } from '../domain/time';

export const MAIN_COLOUR = '#2b4c6f';
export const MUTED_COLOUR = '#9aa7b4';
export const UNPLACED_COLOUR = '#8c8c8c';

interface Segment {
  label: string;
  value: number;
  colour: string;
}

interface Step {
  key: string;
  label: string;
  value: number;
  colour: string;
  segments?: Segment[];
}

const WIDTH = 560;
const LABEL_WIDTH = 176;
const COUNT_WIDTH = 84;
const ROW = 27;
const BAR = 17;

export function funnelSteps(
  f: Funnel,
  networkColours: Record<string, string>,
): { main: Step[]; other: Step[] } {
  const main: Step[] = [
    { key: 'invited', label: 'Invitert', value: f.invited, colour: MAIN_COLOUR },
    { key: 'answered', label: 'Svart', value: f.answered, colour: MAIN_COLOUR },
    { key: 'registered', label: 'Påmeldt', value: f.registered, colour: MAIN_COLOUR },
    {
      key: 'placed',
      label: 'Plassert i nettverk',
      value: f.placed,
      colour: MAIN_COLOUR,
      segments: Object.entries(f.placedByNetwork).map(([id, value]) => ({
        label: id,
        value,
        colour: networkColours[id] ?? MAIN_COLOUR,
      })),
    },
    { key: 'completed', label: 'Fullført', value: f.completed, colour: MAIN_COLOUR },
  ];
  const other: Step[] = [
    { key: 'scheduled', label: 'Ikke invitert ennå', value: f.scheduled, colour: MUTED_COLOUR },
    { key: 'awaiting', label: 'Venter på svar', value: f.awaiting, colour: MUTED_COLOUR },
    {
      key: 'incomplete',
      label: 'Ufullstendig påmelding',
      value: f.incomplete,
      colour: MUTED_COLOUR,
    },
    { key: 'declined', label: 'Takket nei', value: f.declined, colour: MUTED_COLOUR },
    {
      key: 'noResponse',
      label: 'Ikke svart innen fristen',
      value: f.noResponse,
      colour: MUTED_COLOUR,
    },
    { key: 'pending', label: 'Venter på fordeling', value: f.pending, colour: UNPLACED_COLOUR },
    { key: 'waitingList', label: 'Venteliste', value: f.waitingList, colour: UNPLACED_COLOUR },
    { key: 'cancelled', label: 'Avbrutt', value: f.cancelled, colour: MUTED_COLOUR },
  ].filter((s) => s.value > 0);
  return { main, other };
}

export function renderFunnel(f: Funnel, networkColours: Record<string, string>): Html {
  const { main, other } = funnelSteps(f, networkColours);
  const whole = Math.max(1, f.invited, ...main.map((s) => s.value), ...other.map((s) => s.value));
  const barMax = WIDTH - LABEL_WIDTH - COUNT_WIDTH;
  const scale = (v: number) => (v / whole) * barMax;
  const rows: Html[] = [];
  let y = 8;

  const segments = (s: Step, barY: number): Html => {
    let x = LABEL_WIDTH;
    const parts = (s.segments ?? [])
      .filter((seg) => seg.value > 0)
      .map((seg) => {
        const w = scale(seg.value);
        const label =
          w >= 30
            ? markup`<text class="seg" x="${num(x + w / 2)}" y="${num(barY + BAR - 4.5)}" text-anchor="middle">${seg.label} ${seg.value}</text>`
            : '';
        const part = markup`<rect class="bar" data-network="${seg.label}" x="${num(x)}" y="${num(barY)}" width="${num(w)}" height="${BAR}" fill="${seg.colour}"><title>Nettverk ${seg.label}: ${seg.value}</title></rect>${label}`;
        x += w;
        return part;
      });
    return markup`${parts}`;
  };

  const row = (s: Step, muted: boolean) => {
    const w = scale(s.value);
    const barY = y + (ROW - BAR) / 2;
    const textY = num(y + ROW / 2 + 4.5);
    const bar = s.segments?.some((x) => x.value > 0)
      ? segments(s, barY)
      : markup`<rect class="bar" x="${LABEL_WIDTH}" y="${num(barY)}" width="${num(Math.max(s.value > 0 ? 2 : 0, w))}" height="${BAR}" fill="${s.colour}"/>`;
    const share =
      s.key === 'invited'
        ? ''
        : markup`<tspan class="pct" dx="6">${percent(s.value, f.invited)}</tspan>`;
    rows.push(markup`<g class="${muted ? 'step other' : 'step'}" data-step="${s.key}" data-value="${s.value}">
<text class="label" x="${LABEL_WIDTH - 10}" y="${textY}" text-anchor="end">${s.label}</text>
<rect class="track" x="${LABEL_WIDTH}" y="${num(barY)}" width="${num(barMax)}" height="${BAR}"/>${bar}
<text class="count" x="${num(LABEL_WIDTH + Math.max(w, 2) + 7)}" y="${textY}"><tspan class="n">${s.value}</tspan>${share}</text>
</g>`);
    y += ROW;
  };

  main.forEach((s) => row(s, false));
  if (other.length) {
    y += 6;
    rows.push(markup`<line class="divider" x1="0" x2="${WIDTH}" y1="${num(y)}" y2="${num(y)}"/>`);
    rows.push(markup`<text class="group" x="0" y="${num(y + 16)}">Andre utfall</text>`);
    y += 22;
    other.forEach((s) => row(s, true));
  }
  const height = Math.ceil(y + 8);
  const title = `Fra invitasjon til fullført: ${f.invited} invitert, ${f.registered} påmeldt, ${f.placed} plassert, ${f.completed} fullført`;
  return markup`<svg class="funnel" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-labelledby="funnel-title">
<title id="funnel-title">${title}</title>
${rows}
</svg>`;
}

// ---------------------------------------------------------------- registrations over time

export interface TimelineInput {
  /** When each registration that counts was made. */
  registeredAt: string[];
  invitationAt: string;
  deadline: string;
  /** Reminder instants before the deadline. */
  reminders: string[];
}

const DAY_MS = 86_400_000;

/** «21.5.» */
function shortDay(ms: number): string {
  const t = toOslo(ms);
  return `${t.day}.${t.month}.`;
}

/**
 * Registrations accumulated day by day from the invitation, with the reminders and the deadline
 * marked: when municipalities answered, and what the reminders did.
 */
export function renderTimeline(input: TimelineInput): Html {
  const W = 560;
  const H = 170;
  const left = 34;
  const right = 14;
  const top = 18;
  const bottom = 26;
  const times = input.registeredAt.map((t) => Date.parse(t)).sort((a, b) => a - b);
  const start = Math.min(Date.parse(input.invitationAt), times[0] ?? Infinity);
  const deadline = Date.parse(input.deadline);
  const end = Math.max(deadline + 3 * DAY_MS, (times[times.length - 1] ?? 0) + 2 * DAY_MS);
  const total = times.length;
  const yMax = Math.max(10, Math.ceil(total / 10) * 10);
  const x = (ms: number) => left + ((ms - start) / (end - start)) * (W - left - right);
  const y = (n: number) => top + (1 - n / yMax) * (H - top - bottom);

  // A step line: flat until each registration, then one up.
  let d = `M${num(x(start))},${num(y(0))}`;
  times.forEach((t, i) => {
    d += `H${num(x(t))}V${num(y(i + 1))}`;
  });
  d += `H${num(x(end))}`;
  const area = `${d}V${num(y(0))}H${num(x(start))}Z`;
  const onTime = times.filter((t) => t <= deadline).length;

  const grid = [0, yMax / 2, yMax].map(
    (n) =>
      markup`<line class="grid" x1="${left}" x2="${W - right}" y1="${num(y(n))}" y2="${num(y(n))}"/><text class="axis" x="${left - 6}" y="${num(y(n) + 4)}" text-anchor="end">${n}</text>`,
  );
  const ticks: Html[] = [];
  for (let t = start; t <= end; t += 7 * DAY_MS) {
    ticks.push(
      markup`<text class="axis" x="${num(x(t))}" y="${H - 8}" text-anchor="middle">${shortDay(t)}</text>`,
    );
  }
  const line = (ms: number, cls: string) =>
    markup`<line class="${cls}" x1="${num(x(ms))}" x2="${num(x(ms))}" y1="${top - 4}" y2="${num(y(0))}"/>`;
  const reminders = input.reminders
    .map((r) => Date.parse(r))
    .filter((ms) => ms > start && ms < deadline)
    .map((ms) => line(ms, 'reminder'));
  const deadlineMark = markup`${line(deadline, 'deadline')}<text class="marker-label" x="${num(x(deadline) + 4)}" y="${top + 6}">frist</text>`;
  return markup`<svg class="timeline" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-labelledby="timeline-title">
<title id="timeline-title">Påmeldinger over tid: ${onTime} innen fristen, ${total - onTime} etter</title>
${grid}${ticks}
<path class="area" d="${area}"/><path class="line" d="${d}"/>
${reminders}${deadlineMark}
<text class="total" x="${num(Math.min(x(end) - 2, W - right))}" y="${num(y(total) - 6)}" text-anchor="end">${total}</text>
</svg>`;
}
