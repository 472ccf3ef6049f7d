// The campaign report: one self-contained HTML file (inline CSS and SVG, no scripts, no external
// requests) for KS and TI Norge. Header, the funnel, a map of Norway, the networks, the logistics
// per gathering (the same numbers as the logistics export), open flags, and the lessons learned
// gathered into one document for revising «Beskytt kommunen!».
import type { Gathering, Venue } from '../domain/types';
import { osloDate, toOslo } from '../domain/time';
import { reminderTimes } from '../domain/journey/schedule';
import type { Report } from '../workflows/definitions';
import { formatDateShort, formatTime } from '../mail/outgoing/dates';
import { renderFunnel, renderTimeline, UNPLACED_COLOUR } from './chart';
import {
  funnel,
  gotWaitingListClosing,
  hasRegistered,
  isPlaced,
  isUnplaced,
  networks,
  openFlags,
  sortedJourneys,
  type CampaignData,
  type Funnel,
  type NetworkSummary,
} from './data';
import {
  FLAG_LABELS,
  PHASE_LABELS,
  STAGE_LABELS,
  TYPE_LABELS,
  daySpanText,
  formatDate,
  formatInstant,
  gatheringKind,
  gatheringWhen,
  plural,
} from './format';
import { flagText } from './flag-text';
import { markup, num, raw, type Html } from './html';
import { lessonsByMunicipality, type MunicipalityLessons } from './lessons';
import { dietaryCounts, logistics, sumTotals, type GatheringLogistics } from './logistics';
import { renderMap, type LegendEntry, type MapDot, type MapVenue } from './map';
import { REPORT_CSS } from './style';

/** Okabe–Ito: distinct for the common forms of colour blindness, and in greyscale print. */
export const NETWORK_PALETTE = [
  '#0072B2',
  '#E69F00',
  '#009E73',
  '#CC79A7',
  '#56B4E9',
  '#D55E00',
  '#F0E442',
];

export function networkColours(ids: string[]): Record<string, string> {
  return Object.fromEntries(ids.map((id, i) => [id, NETWORK_PALETTE[i % NETWORK_PALETTE.length]]));
}

/** «12. oktober 2013 kl. 10.00» */
function when(instant: string): string {
  const t = toOslo(instant);
  return `${formatDateShort(t)} ${formatTime(t)}`;
}

/** [1, 2, 3] → «1–3», [1, 3] → «1, 3» */
export function compactNumbers(ns: number[]): string {
  const sorted = [...new Set(ns)].sort((a, b) => a - b);
  const runs: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    runs.push(j - i >= 2 ? `${sorted[i]}–${sorted[j]}` : sorted.slice(i, j + 1).join(', '));
    i = j + 1;
  }
  return runs.join(', ');
}

// ---------------------------------------------------------------- map content

function mapVenues(nets: NetworkSummary[]): MapVenue[] {
  const byId = new Map<string, { venue: Venue; uses: Map<string, number[]>; proposed: boolean }>();
  const add = (venue: Venue, network: string, number: number | null, proposed: boolean) => {
    if (venue.lat === null || venue.lon === null) return;
    const entry = byId.get(venue.id) ?? { venue, uses: new Map(), proposed };
    entry.proposed = entry.proposed && proposed;
    const list = entry.uses.get(network) ?? [];
    if (number !== null) list.push(number);
    entry.uses.set(network, list);
    byId.set(venue.id, entry);
  };
  for (const n of nets) {
    for (const g of n.gatherings) if (g.venue) add(g.venue, n.id, g.number, false);
    if (n.venueProposed && n.venue) add(n.venue, n.id, null, true);
  }
  return [...byId.values()].map(({ venue, uses, proposed }) => ({
    id: venue.id,
    name: venue.name,
    lat: venue.lat!,
    lon: venue.lon!,
    detail:
      [...uses.entries()]
        .map(([network, numbers]) =>
          numbers.length ? `${network} ${compactNumbers(numbers)}` : network,
        )
        .join(' · ') + (proposed ? ' (foreslått)' : ''),
  }));
}

function mapSection(
  data: CampaignData,
  nets: NetworkSummary[],
  colours: Record<string, string>,
): Html {
  const dots: MapDot[] = [];
  for (const j of data.journeys) {
    const m = j.municipality;
    if (!Number.isFinite(m.lat) || !Number.isFinite(m.lon)) continue;
    const people = plural(j.participants.length, 'deltaker', 'deltakere');
    if (isPlaced(j)) {
      const id = j.network!.id;
      dots.push({
        municipalityId: m.id,
        lat: m.lat,
        lon: m.lon,
        colour: colours[id] ?? UNPLACED_COLOUR,
        network: id,
        title: `${m.name} – nettverk ${id}, ${people}`,
      });
    } else if (isUnplaced(j)) {
      const where =
        j.stage === 'waiting_list'
          ? `venteliste${j.waitingListPosition ? ` (plass ${j.waitingListPosition})` : ''}`
          : 'venter på fordeling';
      dots.push({
        municipalityId: m.id,
        lat: m.lat,
        lon: m.lon,
        colour: UNPLACED_COLOUR,
        network: null,
        title: `${m.name} – ${where}, ${people}`,
      });
    }
  }
  const unplaced = dots.filter((d) => d.network === null).length;
  const legend: LegendEntry[] = [
    ...nets.map((n) => ({
      kind: 'dot' as const,
      colour: colours[n.id],
      label: `Nettverk ${n.id} – ${plural(n.members.length, 'kommune', 'kommuner')}`,
    })),
    ...(unplaced
      ? [{ kind: 'dot' as const, colour: UNPLACED_COLOUR, label: `Ikke plassert – ${unplaced}` }]
      : []),
    { kind: 'venue', colour: '#1d2733', label: 'Samlingssted' },
  ];
  return markup`<div class="panel map-panel"><h3>Hvor deltakerne kommer fra</h3>
${renderMap(dots, mapVenues(nets), legend)}
<p class="map-note">Hvert punkt er en påmeldt kommune, fylkeskommune eller et kommunalt foretak, farget etter nettverk; grå punkter venter på plass. Ved samlingsstedene står nettverk og samlingsnummer (A 1–3: nettverk A, samling 1 til 3). Kart: Natural Earth.</p>
</div>`;
}

// ---------------------------------------------------------------- sections

function header(data: CampaignData, flags: number): Html {
  const c = data.campaign.campaign;
  const phase = data.campaign.phase;
  const supported = c.supportedBy ? `, støttet av ${c.supportedBy}` : '';
  return markup`<header class="top"><div class="inner">
<p class="kicker">${c.contact.organisation} · Rapport</p>
<h1>${c.title}</h1>
<p class="project">Prosjektet «${c.project}»${supported}</p>
<p class="meta">Generert ${when(data.generatedAt)} · Fase: <span class="phase" data-phase="${phase}">${PHASE_LABELS[phase] ?? phase}</span> · <span data-open-flags="${flags}">${plural(flags, 'åpen sak', 'åpne saker')}</span></p>
</div></header>`;
}

function tiles(f: Funnel, flags: number, data: CampaignData): Html {
  const tile = (value: number, label: string, alert = false) =>
    markup`<div class="${alert ? 'tile alert' : 'tile'}"><div class="value">${value}</div><div class="label">${label}</div></div>`;
  const cancelled = data.campaign.cancellation;
  const notice = cancelled
    ? markup`<p class="cancelled"><strong>Kampanjen er avlyst</strong> ${formatInstant(cancelled.at)} av ${cancelled.by}: ${cancelled.reason}</p>`
    : '';
  return markup`<div class="tiles">
${tile(f.invited, 'invitert')}
${tile(f.registered, 'påmeldt')}
${tile(f.placed, 'kommuner i nettverk')}
${tile(f.placedParticipants, 'deltakere i nettverk')}
${tile(f.waitingList + f.pending, 'venter på plass')}
${tile(flags, 'åpne saker', flags > 0)}
</div>${notice}`;
}

function capacityGauge(n: NetworkSummary, colour: string): Html {
  const W = 300;
  const max = Math.max(n.capacity.max * 1.2, n.participants, 1);
  const x = (v: number) => num((v / max) * W);
  const { min: lo, max: hi } = n.capacity;
  const status =
    n.participants < lo
      ? `under minimum (${lo})`
      : n.participants > hi
        ? `over maksimum (${hi})`
        : `innenfor ${lo}–${hi}`;
  const label = `${n.participants} deltakere, ${status}`;
  const band = num(((hi - lo) / max) * W);
  return markup`<svg class="gauge" viewBox="0 0 ${W} 22" width="${W}" height="22" role="img" aria-label="${label}">
<rect x="0" y="7" width="${W}" height="8" rx="4" fill="#eef1f4"/>
<rect x="${x(lo)}" y="4" width="${band}" height="14" rx="2" fill="#dfe6ee"/>
<rect x="0" y="7" width="${x(n.participants)}" height="8" rx="4" fill="${colour}"/>
<text x="${x(lo)}" y="21" text-anchor="middle">${lo}</text>
<text x="${x(hi)}" y="21" text-anchor="middle">${hi}</text>
</svg>`;
}

/** Held: its last day is over at the time of the data. */
const isHeld = (g: Gathering, at: string) => (g.endsAt ? g.endsAt <= at : false);

/** The first gathering not yet over at the time of the data. */
function nextGathering(n: NetworkSummary, at: string): Gathering | null {
  const month = osloDate(at).slice(0, 7);
  return n.gatherings.find((g) => (g.endsAt ? g.endsAt > at : g.month >= month)) ?? null;
}

function gatheringItem(g: Gathering, at: string): Html {
  const held = isHeld(g, at);
  const when = g.date
    ? markup`<span class="when">${gatheringWhen(g)}</span>`
    : markup`<span class="unset">${gatheringWhen(g)} (dato ikke satt)</span>`;
  const where = g.venue ? g.venue.name : markup`<span class="unset">sted ikke satt</span>`;
  const kind = `${gatheringKind(g)}${held ? ' · holdt' : ''}`;
  return markup`<li class="${held ? 'held' : ''}"><span class="gnum">${g.number}</span><div>${when} · ${where}<br><span class="muted small">${kind}</span></div></li>`;
}

function networkCard(n: NetworkSummary, colour: string, at: string): Html {
  const members = n.members.length
    ? markup`<ul class="members">${n.members.map(({ municipality: m, journey: j }) => {
        const type = m.type === 'kommune' ? '' : TYPE_LABELS[m.type];
        const people = j.participants
          .map((p) => (p.title ? `${p.name} (${p.title})` : p.name))
          .join(' · ');
        return markup`<li data-municipality="${m.id}"><span class="muni-name">${m.name}</span> <span class="muted small">${type}</span><div class="people">${people}</div></li>`;
      })}</ul>`
    : markup`<p class="empty">Ingen plassert ennå.</p>`;
  const venue = n.venue ? ` · ${n.venueProposed ? 'foreslått sted' : 'sted'}: ${n.venue.name}` : '';
  const stats = `${plural(n.participants, 'deltaker', 'deltakere')} fra ${plural(n.members.length, 'kommune', 'kommuner')} · kapasitet ${n.capacity.min}–${n.capacity.max}${venue}`;
  return markup`<article class="network" style="${`--net:${colour}`}" data-network="${n.id}">
<h3><span class="chip">${n.id}</span> Nettverk ${n.id}</h3>
<p class="stats">${stats}</p>
${capacityGauge(n, colour)}
<ol class="gatherings">${n.gatherings.map((g) => gatheringItem(g, at))}</ol>
${members}
</article>`;
}

function networksAtAGlance(
  nets: NetworkSummary[],
  colours: Record<string, string>,
  at: string,
): Html {
  const rows = nets.map((n) => {
    const next = nextGathering(n, at);
    const nextText = next
      ? `${next.number}. samling, ${gatheringWhen(next)}${next.venue ? `, ${next.venue.name}` : ''}`
      : markup`<span class="muted">alle samlinger er holdt</span>`;
    return markup`<tr data-network="${n.id}"><td><span class="chip" style="${`--net:${colours[n.id]}`}">${n.id}</span></td><td class="num">${n.participants} <span class="muted small">/ ${n.capacity.min}–${n.capacity.max}</span></td><td class="num">${n.members.length}</td><td>${nextText}</td></tr>`;
  });
  return markup`<div class="panel glance"><h3>Nettverkene i tall</h3>
<table><thead><tr><th>Nettverk</th><th class="num">Deltakere</th><th class="num">Kommuner</th><th>Neste samling</th></tr></thead>
<tbody>${rows}</tbody></table></div>`;
}

function registrationsOverTime(data: CampaignData): Html {
  const campaign = data.campaign.campaign;
  const { invitationAt, registrationDeadline } = campaign.schedule;
  const registered = data.journeys.filter(hasRegistered);
  const late = registered.filter((j) => j.lateRegistration).length;
  const chart = renderTimeline({
    registeredAt: registered.flatMap((j) => (j.registeredAt ? [j.registeredAt] : [])),
    invitationAt,
    deadline: registrationDeadline,
    reminders: reminderTimes(campaign),
  });
  const day = (instant: string) => formatDate(osloDate(instant));
  return markup`<div class="panel timeline-panel"><h3>Påmeldinger over tid</h3>
${chart}
<p class="map-note">Invitasjonen gikk ut ${day(invitationAt)}, fristen var ${day(registrationDeadline)}; stiplet: påminnelser. ${plural(late, 'påmelding', 'påmeldinger')} kom etter fristen.</p>
</div>`;
}

function unplacedList(data: CampaignData): Html {
  const waiting = sortedJourneys(data)
    .filter(isUnplaced)
    .sort(
      (a, b) =>
        (a.waitingListPosition ?? Infinity) - (b.waitingListPosition ?? Infinity) ||
        (a.registeredAt ?? '').localeCompare(b.registeredAt ?? ''),
    );
  if (!waiting.length) return markup``;
  const rows = waiting.map((j) => {
    const closed = gotWaitingListClosing(j) ? ', fått avslutningsbrev' : '';
    const position = `${j.waitingListPosition ? ` (plass ${j.waitingListPosition})` : ''}${closed}`;
    const registered = `${j.registeredAt ? formatInstant(j.registeredAt) : '–'}${j.lateRegistration ? ' (etter fristen)' : ''}`;
    return markup`<tr data-municipality="${j.municipality.id}"><td>${j.municipality.name}</td><td>${STAGE_LABELS[j.stage]}${position}</td><td class="num">${j.participants.length}</td><td>${j.networkPreference ?? '–'}</td><td>${registered}</td></tr>`;
  });
  const onList = waiting.filter((j) => j.stage === 'waiting_list');
  const closed = onList.filter(gotWaitingListClosing).length;
  const closing = onList.length
    ? markup`<p class="waiting-closed" data-waiting-list-closed="${closed}">${closed} av ${plural(onList.length, 'kommune', 'kommuner')} på ventelisten har fått beskjed om at det ikke ble plass denne gangen.</p>`
    : markup``;
  return markup`<h3 class="subhead">Ikke plassert</h3>
${closing}<div class="table-wrap"><table><thead><tr><th>Kommune</th><th>Status</th><th class="num">Deltakere</th><th>Ønsket nettverk</th><th>Påmeldt</th></tr></thead>
<tbody>${rows}</tbody></table></div>`;
}

function unknownNote(n: number, what: string): Html {
  return n
    ? markup`<span class="unknown" title="${`${n} har ikke svart om ${what}`}">+${n} ukjent</span>`
    : markup``;
}

/** «glutenfri 3 · vegetar 1», the names behind it folded away (no script needed). */
function dietaryCell(g: GatheringLogistics): Html {
  const counts = dietaryCounts(g.people);
  if (!counts.length) return markup`–`;
  const summary = counts.map(
    (c, i) => markup`${i ? ' · ' : ''}${c.need} <strong>${c.count}</strong>`,
  );
  const names = g.totals.dietary.map((d) => markup`<li>${d}</li>`);
  return markup`<details><summary>${summary}</summary><ul>${names}</ul></details>`;
}

function logisticsRow(g: GatheringLogistics): Html {
  const t = g.totals;
  const days = daySpanText(g.firstDay, g.lastDay, g.month);
  const unset = g.firstDay ? '' : markup` <span class="unknown">(dato ikke satt)</span>`;
  const venue = g.venue?.name ?? markup`<span class="unknown">ikke satt</span>`;
  const unknownClass = t.unknown ? 'num unknown' : 'num';
  return markup`<tr data-gathering="${`${g.network}${g.number}`}">
<td><span class="chip" style="${`--net:var(--net-${g.network}, #777)`}">${g.network}</span> ${g.number}. samling<br><span class="muted small">${gatheringKind(g)}</span></td>
<td class="when">${days}${unset}</td><td>${venue}</td>
<td class="num" data-key="attending">${t.attending}</td>
<td class="num" data-key="notAttending">${t.notAttending}</td>
<td class="${unknownClass}" data-key="unknown">${t.unknown}</td>
<td class="num" data-key="nights">${t.nights}${unknownNote(t.nightsUnknown, 'overnatting')}</td>
<td class="num" data-key="lunches">${t.lunches}</td>
<td class="num" data-key="dinners">${t.dinners}${unknownNote(t.dinnersUnknown, 'middag')}</td>
<td class="num" data-key="breakfasts">${t.breakfasts}</td>
<td class="diet">${dietaryCell(g)}</td>
</tr>`;
}

function logisticsSection(all: GatheringLogistics[]): Html {
  const t = sumTotals(all.map((g) => g.totals));
  return markup`<section class="logistics"><h2>Logistikk per samling</h2>
<p class="muted small">Tallene er de samme som i logistikkeksporten. Lunsj til lunsj: to lunsjer, én middag, én overnatting med frokost per deltaker som har svart ja. «Ukjent»: har ikke svart på om de kommer, og er ikke regnet med.</p>
<div class="table-wrap"><table>
<thead><tr><th>Samling</th><th>Når</th><th>Sted</th><th class="num">Deltar</th><th class="num">Deltar ikke</th><th class="num">Ukjent</th><th class="num">Netter</th><th class="num">Lunsjer</th><th class="num">Middager</th><th class="num">Frokoster</th><th>Spesialkost</th></tr></thead>
<tbody>
${all.map(logisticsRow)}
<tr class="sum"><td colspan="3">Sum alle samlinger</td><td class="num">${t.attending}</td><td class="num">${t.notAttending}</td><td class="num">${t.unknown}</td><td class="num">${t.nights}</td><td class="num">${t.lunches}</td><td class="num">${t.dinners}</td><td class="num">${t.breakfasts}</td><td class="diet">${plural(t.dietary.length, 'ønske', 'ønsker')}</td></tr>
</tbody></table></div></section>`;
}

function flagsSection(data: CampaignData): Html {
  const open = openFlags(data);
  if (!open.length) {
    return markup`<section class="flags"><h2>Åpne saker for koordinator</h2><p class="muted">Ingen åpne saker.</p></section>`;
  }
  const byKind = new Map<string, number>();
  for (const { flag } of open) byKind.set(flag.kind, (byKind.get(flag.kind) ?? 0) + 1);
  const summary = [...byKind.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([kind, n]) => `${n} ${FLAG_LABELS[kind as keyof typeof FLAG_LABELS] ?? kind}`)
    .join(', ');
  const rows = open.map(
    ({ municipality, flag }) =>
      markup`<tr><td>${formatInstant(flag.raisedAt)}</td><td>${municipality.name}</td><td>${FLAG_LABELS[flag.kind] ?? flag.kind}</td><td>${flagText(flag.message)}</td></tr>`,
  );
  return markup`<section class="flags"><h2>Åpne saker for koordinator</h2>
<p>${plural(open.length, 'sak venter', 'saker venter')} på koordinator: ${summary}.</p>
<div class="table-wrap"><table><thead><tr><th>Meldt</th><th>Kommune</th><th>Hva</th><th>Melding</th></tr></thead>
<tbody>${rows}</tbody></table></div></section>`;
}

/** Paragraphs from a reply's plain text: blank lines part paragraphs, single breaks are kept. */
function paragraphs(text: string): Html {
  const parts = text.trim().split(/\n\s*\n/);
  return markup`${parts.map(
    (p) =>
      markup`<p>${p.split('\n').map((line, i) => markup`${i ? markup`<br>` : ''}${line}`)}</p>`,
  )}`;
}

function reportBlock(title: string, reports: Report[]): Html {
  const content = reports.length
    ? reports.map(
        (r) =>
          markup`<div class="report"><p class="from">${r.from.name ?? r.from.address} · ${formatInstant(r.at)}</p>${paragraphs(r.text)}</div>`,
      )
    : markup`<p class="missing">Ikke mottatt.</p>`;
  return markup`<h4>${title}</h4>${content}`;
}

function lessonsArticle(l: MunicipalityLessons, colours: Record<string, string>): Html {
  const chip = l.network
    ? markup`<span class="chip" style="${`--net:${colours[l.network] ?? '#777'}`}">${l.network}</span>`
    : '';
  return markup`<article data-municipality="${l.municipality.id}">
<h3>${chip}${l.municipality.name} <span class="muted small">${TYPE_LABELS[l.municipality.type]} · ${STAGE_LABELS[l.stage]}</span></h3>
${reportBlock('Status etter 1. samling', l.status1)}
${reportBlock('Status etter 2. samling', l.status2)}
${reportBlock('Læringspunkter', l.lessons)}
</article>`;
}

function lessonsSection(data: CampaignData, colours: Record<string, string>): Html {
  const all = lessonsByMunicipality(data);
  const withReports = all.filter((l) => l.status1.length + l.status2.length + l.lessons.length > 0);
  const without = all.filter((l) => !withReports.includes(l));
  const count = (f: (l: MunicipalityLessons) => Report[]) =>
    all.filter((l) => f(l).length > 0).length;
  const handbook = data.campaign.campaign.handbook;
  const status1 = plural(
    count((l) => l.status1),
    'kommune',
    'kommuner',
  );
  const missing = without.length
    ? markup`<p class="muted small">Ingen rapporter ennå fra: ${without.map((l) => l.municipality.name).join(', ')}.</p>`
    : '';
  return markup`<section class="lessons"><h2>Læringspunkter og erfaringer</h2>
<p>Samlet som grunnlag for revisjonen av håndboka «${handbook.title}»: for hver kommune statusrapportene etter 1. og 2. samling, deretter læringspunktene etter siste samling. ${status1} har sendt status etter 1. samling, ${count((l) => l.status2)} etter 2. samling, og ${count((l) => l.lessons)} har sendt læringspunkter.</p>
${withReports.map((l) => lessonsArticle(l, colours))}
${missing}
</section>`;
}

// ---------------------------------------------------------------- the document

export function renderReport(data: CampaignData): string {
  const f = funnel(data);
  const nets = networks(data);
  const colours = networkColours(nets.map((n) => n.id));
  const flags = openFlags(data).length;
  const all = logistics(data);
  const c = data.campaign.campaign;
  const netVars = nets
    .map((n) => `--net-${n.id.replace(/[^A-Za-z0-9_-]/g, '')}:${colours[n.id]};`)
    .join('');

  const doc = markup`<!DOCTYPE html>
<html lang="nb">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="nettverk">
<title>${c.title} – rapport ${formatInstant(data.generatedAt)}</title>
<style>${raw(REPORT_CSS)}:root{${netVars}}</style>
</head>
<body>
${header(data, flags)}
<main>
${tiles(f, flags, data)}
<section class="overview-section"><h2>Oversikt</h2>
<div class="overview">
<div class="column">
<div class="panel funnel-panel"><h3>Fra invitasjon til nettverk</h3>
${renderFunnel(f, colours)}
<p class="map-note">Prosent av dem som er invitert. Påmeldt: påmeldinger som står eller sto til de ble avbrutt (også etter fristen). Plassert: i et nettverk nå. Takket nei omfatter dem som trakk påmeldingen før fristen.</p>
</div>
${networksAtAGlance(nets, colours, data.generatedAt)}
${registrationsOverTime(data)}
</div>
${mapSection(data, nets, colours)}
</div></section>
<section><h2>Nettverkene</h2>
<div class="networks">
${nets.map((n) => networkCard(n, colours[n.id], data.generatedAt))}
</div>
${unplacedList(data)}
</section>
${logisticsSection(all)}
${flagsSection(data)}
${lessonsSection(data, colours)}
<footer><p>Håndboka «${c.handbook.title}»: <span class="url">${c.handbook.url}</span></p>
<p>${c.contact.name}, ${c.contact.organisation} · ${c.contact.email}. Laget av nettverk ${formatInstant(data.generatedAt)}.</p></footer>
</main>
</body>
</html>
`;
  return doc.value;
}
