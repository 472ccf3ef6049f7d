// The three exports as tables: registrations (one row per participant), logistics (one row per
// person per gathering, a totals row per gathering) and lessons (one row per municipality).
import type { Stage } from '../domain/types';
import { isPlaced, sortedJourneys, type CampaignData } from './data';
import { STAGE_LABELS, VIA_LABELS, formatYearMonth, gatheringKind } from './format';
import { joinReports, lessonsByMunicipality } from './lessons';
import { logistics, sumTotals, type GatheringLogistics, type LogisticsTotals } from './logistics';
import type { Cell, Column, Row, Table } from './table';

const stageText = (v: Cell) => STAGE_LABELS[v as Stage] ?? String(v);
const viaText = (v: Cell) => VIA_LABELS[v as keyof typeof VIA_LABELS] ?? String(v);

// ---------------------------------------------------------------- registrations

export const REGISTRATION_COLUMNS: Column[] = [
  { key: 'municipalityId', header: 'Kommunenummer', type: 'text' },
  { key: 'municipality', header: 'Kommune', type: 'text' },
  { key: 'type', header: 'Type', type: 'text' },
  { key: 'county', header: 'Fylke', type: 'text' },
  { key: 'network', header: 'Nettverk', type: 'text' },
  { key: 'stage', header: 'Status', type: 'text', display: stageText },
  { key: 'name', header: 'Navn', type: 'text' },
  { key: 'title', header: 'Stilling', type: 'text' },
  { key: 'email', header: 'E-post', type: 'text' },
  { key: 'phone', header: 'Telefon', type: 'text' },
  {
    key: 'anchored',
    header: 'Forankret i administrativ ledelse',
    type: 'bool',
    nullText: 'ukjent',
  },
  { key: 'networkPreference', header: 'Ønsket nettverk', type: 'text' },
  { key: 'registeredAt', header: 'Påmeldt', type: 'datetime' },
  { key: 'registeredVia', header: 'Påmeldt via', type: 'text', display: viaText },
  { key: 'late', header: 'Etter fristen', type: 'bool' },
];

/** One row per participant named by any journey (whatever its stage), by municipality. */
export function registrationsTable(data: CampaignData): Table {
  const rows: Row[] = [];
  for (const j of sortedJourneys(data)) {
    const m = j.municipality;
    for (const p of j.participants) {
      rows.push({
        cells: {
          municipalityId: m.id,
          municipality: m.name,
          type: m.type,
          county: m.county,
          network: isPlaced(j) ? j.network!.id : null,
          stage: j.stage,
          name: p.name,
          title: p.title,
          email: p.email,
          phone: p.phone,
          anchored: j.anchored,
          networkPreference: j.networkPreference,
          registeredAt: j.registeredAt,
          registeredVia: j.registeredVia,
          late: j.lateRegistration,
        },
      });
    }
  }
  return { sheet: 'Påmeldinger', columns: REGISTRATION_COLUMNS, rows };
}

// ---------------------------------------------------------------- logistics

const GATHERING_COLUMNS: Column[] = [
  { key: 'network', header: 'Nettverk', type: 'text' },
  { key: 'gathering', header: 'Samling', type: 'int' },
  { key: 'kind', header: 'Form', type: 'text' },
  { key: 'month', header: 'Måned', type: 'text', display: (v) => formatYearMonth(String(v)) },
  { key: 'firstDay', header: 'Fra', type: 'date', nullText: 'ikke satt' },
  { key: 'lastDay', header: 'Til', type: 'date', nullText: 'ikke satt' },
  { key: 'venue', header: 'Sted', type: 'text', nullText: 'ikke satt' },
  { key: 'venueAddress', header: 'Adresse', type: 'text' },
];

export const LOGISTICS_COLUMNS: Column[] = [
  ...GATHERING_COLUMNS,
  { key: 'municipality', header: 'Kommune', type: 'text' },
  { key: 'name', header: 'Navn', type: 'text' },
  { key: 'attending', header: 'Deltar', type: 'bool', nullText: 'ukjent' },
  { key: 'overnight', header: 'Overnatting', type: 'bool', nullText: 'ukjent' },
  { key: 'nights', header: 'Netter', type: 'int', nullText: 'ukjent' },
  { key: 'lunches', header: 'Lunsjer', type: 'int', nullText: 'ukjent' },
  { key: 'dinner', header: 'Middag', type: 'bool', nullText: 'ukjent' },
  { key: 'dinners', header: 'Middager', type: 'int', nullText: 'ukjent' },
  { key: 'breakfasts', header: 'Frokoster', type: 'int', nullText: 'ukjent' },
  { key: 'dietary', header: 'Spesialkost', type: 'longtext', maxWidth: 40 },
];

export const LOGISTICS_SUMMARY_COLUMNS: Column[] = [
  ...GATHERING_COLUMNS,
  { key: 'attending', header: 'Deltar', type: 'int' },
  { key: 'notAttending', header: 'Deltar ikke', type: 'int' },
  { key: 'unknown', header: 'Ukjent', type: 'int' },
  { key: 'nights', header: 'Netter', type: 'int' },
  { key: 'nightsUnknown', header: 'Overnatting ukjent', type: 'int' },
  { key: 'lunches', header: 'Lunsjer', type: 'int' },
  { key: 'dinners', header: 'Middager', type: 'int' },
  { key: 'dinnersUnknown', header: 'Middag ukjent', type: 'int' },
  { key: 'breakfasts', header: 'Frokoster', type: 'int' },
  { key: 'dietary', header: 'Spesialkost', type: 'longtext', maxWidth: 60 },
];

function gatheringCells(g: GatheringLogistics): Record<string, Cell> {
  return {
    network: g.network,
    gathering: g.number,
    kind: gatheringKind(g),
    month: g.month,
    firstDay: g.firstDay,
    lastDay: g.lastDay,
    venue: g.venue?.name ?? null,
    venueAddress: g.venue?.address ?? null,
  };
}

/** «25 ja, 2 nei, 3 ukjent» */
export function attendanceSummary(t: LogisticsTotals): string {
  return [
    `${t.attending} ja`,
    `${t.notAttending} nei`,
    ...(t.unknown ? [`${t.unknown} ukjent`] : []),
  ].join(', ');
}

/** The totals row under a gathering's people. */
function totalRow(g: GatheringLogistics): Row {
  const t = g.totals;
  return {
    total: true,
    cells: {
      ...gatheringCells(g),
      municipality: `Sum nettverk ${g.network}, samling ${g.number}`,
      name: `${t.attending} deltar`,
      attending: attendanceSummary(t),
      overnight: t.nightsUnknown ? `${t.nightsUnknown} ukjent` : null,
      nights: t.nights,
      lunches: t.lunches,
      dinner: t.dinnersUnknown ? `${t.dinnersUnknown} ukjent` : null,
      dinners: t.dinners,
      breakfasts: t.breakfasts,
      dietary: t.dietary.join('\n'),
    },
  };
}

function personRows(g: GatheringLogistics): Row[] {
  return g.people.map((p) => ({
    cells: {
      ...gatheringCells(g),
      municipality: p.municipality,
      name: p.name,
      attending: p.attending,
      overnight: p.overnight,
      nights: p.nights,
      lunches: p.lunches,
      dinner: p.dinner,
      dinners: p.dinners,
      breakfasts: p.breakfasts,
      dietary: p.dietary,
    },
  }));
}

/** Every gathering's people followed by its totals row: the single CSV table. */
export function logisticsTable(data: CampaignData, all = logistics(data)): Table {
  return {
    sheet: 'Logistikk',
    columns: LOGISTICS_COLUMNS,
    rows: all.flatMap((g) => [...personRows(g), totalRow(g)]),
  };
}

function summaryCells(t: LogisticsTotals): Record<string, Cell> {
  return {
    attending: t.attending,
    notAttending: t.notAttending,
    unknown: t.unknown,
    nights: t.nights,
    nightsUnknown: t.nightsUnknown,
    lunches: t.lunches,
    dinners: t.dinners,
    dinnersUnknown: t.dinnersUnknown,
    breakfasts: t.breakfasts,
    dietary: t.dietary.join('\n'),
  };
}

/** The workbook: an overview (one row per gathering, a grand total), then a sheet per gathering. */
export function logisticsTables(data: CampaignData, all = logistics(data)): Table[] {
  const grand = sumTotals(all.map((g) => g.totals));
  const overview: Table = {
    sheet: 'Oversikt',
    columns: LOGISTICS_SUMMARY_COLUMNS,
    rows: [
      ...all.map((g) => ({ cells: { ...gatheringCells(g), ...summaryCells(g.totals) } })),
      { total: true, cells: { network: 'Sum', ...summaryCells(grand) } },
    ],
  };
  const perGathering = all.map((g) => ({
    sheet: `${g.network} – samling ${g.number}`,
    columns: LOGISTICS_COLUMNS,
    rows: [...personRows(g), totalRow(g)],
  }));
  return [overview, ...perGathering];
}

/** JSON: one object per gathering, its totals and its people. */
export function logisticsJson(all: GatheringLogistics[]): unknown[] {
  return all.map((g) => ({
    network: g.network,
    gathering: g.number,
    lunchToLunch: g.lunchToLunch,
    month: g.month,
    firstDay: g.firstDay,
    lastDay: g.lastDay,
    venue: g.venue ? { id: g.venue.id, name: g.venue.name, address: g.venue.address } : null,
    totals: g.totals,
    people: g.people,
  }));
}

// ---------------------------------------------------------------- lessons

export const LESSONS_COLUMNS: Column[] = [
  { key: 'municipalityId', header: 'Kommunenummer', type: 'text' },
  { key: 'municipality', header: 'Kommune', type: 'text' },
  { key: 'network', header: 'Nettverk', type: 'text' },
  { key: 'stage', header: 'Status', type: 'text', display: stageText },
  { key: 'status1At', header: 'Status 1 mottatt', type: 'datetime' },
  { key: 'status1', header: 'Status etter 1. samling', type: 'longtext' },
  { key: 'status2At', header: 'Status 2 mottatt', type: 'datetime' },
  { key: 'status2', header: 'Status etter 2. samling', type: 'longtext' },
  { key: 'lessonsAt', header: 'Læringspunkter mottatt', type: 'datetime' },
  { key: 'lessons', header: 'Læringspunkter og erfaringer', type: 'longtext' },
];

/** One row per municipality in a network or with any report; several reports of a kind joined. */
export function lessonsTable(data: CampaignData): Table {
  const last = (reports: { at: string }[]) => reports.at(-1)?.at ?? null;
  const text = (reports: Parameters<typeof joinReports>[0]) => joinReports(reports) || null;
  return {
    sheet: 'Læringspunkter',
    columns: LESSONS_COLUMNS,
    rows: lessonsByMunicipality(data).map((l) => ({
      cells: {
        municipalityId: l.municipality.id,
        municipality: l.municipality.name,
        network: l.network,
        stage: l.stage,
        status1At: last(l.status1),
        status1: text(l.status1),
        status2At: last(l.status2),
        status2: text(l.status2),
        lessonsAt: last(l.lessons),
        lessons: text(l.lessons),
      },
    })),
  };
}
