// Norwegian words and numbers for the exports and the report (bokmål), computed here rather
// than through Intl so every machine renders the same text.
import type { CampaignPhase } from '../workflows/definitions';
import type {
  FlagKind,
  Gathering,
  Instant,
  LocalDate,
  OrganisationType,
  Stage,
  YearMonth,
} from '../domain/types';
import { addDays, osloDate, osloWallClock, parseLocalDate } from '../domain/time';
import { formatDaySpan, formatMonth } from '../mail/outgoing/dates';

/** «18.06.2013» */
export function formatDate(date: LocalDate): string {
  const [y, m, d] = date.split('-');
  return `${d}.${m}.${y}`;
}

/** «21.05.2013 14:30», Norwegian wall-clock time. */
export function formatInstant(instant: Instant): string {
  const { date, time } = osloWallClock(instant);
  return `${formatDate(date)} ${time}`;
}

/** «oktober 2013» */
export const formatYearMonth = (month: YearMonth): string => formatMonth(month);

/** «ja», «nei», or «ukjent» for an answer not (yet) given. */
export function yesNo(value: boolean | null): string {
  return value === null ? 'ukjent' : value ? 'ja' : 'nei';
}

/** A count with its unit in the right number: «1 deltaker», «3 deltakere». */
export function plural(n: number, one: string, many: string): string {
  return `${n.toLocaleString('nb-NO').replace(/\u00a0/g, ' ')} ${n === 1 ? one : many}`;
}

/** «42 %» of a whole; «–» when there is no whole. */
export function percent(part: number, whole: number): string {
  return whole > 0 ? `${Math.round((100 * part) / whole)} %` : '–';
}

export const STAGE_LABELS: Record<Stage, string> = {
  scheduled: 'ikke invitert ennå',
  invited: 'invitert, ikke svart',
  incomplete: 'ufullstendig påmelding',
  registered: 'påmeldt, venter på fordeling',
  waiting_list: 'venteliste',
  assigned: 'plassert i nettverk',
  gathering_1: 'på 1. samling',
  followup_1: 'oppfølging etter 1. samling',
  gathering_2: 'på 2. samling',
  followup_2: 'oppfølging etter 2. samling',
  gathering_3: 'på 3. samling',
  lessons: 'læringspunkter',
  completed: 'fullført',
  declined: 'takket nei',
  no_response: 'ikke svart',
  cancelled: 'avbrutt',
};

export const PHASE_LABELS: Record<CampaignPhase, string> = {
  registration: 'Påmelding pågår',
  'awaiting-approval': 'Fordelingen venter på godkjenning',
  running: 'Nettverkene er i gang',
  closed: 'Avsluttet',
  cancelled: 'Avlyst',
};

export const FLAG_LABELS: Record<FlagKind, string> = {
  question: 'spørsmål',
  bounce: 'e-post kom i retur',
  'late-registration': 'påmelding etter fristen',
  'over-limit': 'flere deltakere enn ønsket',
  'incomplete-at-deadline': 'ufullstendig ved fristen',
  substitute: 'stedfortreder',
  'send-failed': 'e-post kunne ikke sendes',
  'unclear-reply': 'uklart svar',
};

export const TYPE_LABELS: Record<OrganisationType, string> = {
  kommune: 'kommune',
  fylkeskommune: 'fylkeskommune',
  'kommunalt foretak': 'kommunalt foretak',
};

export const VIA_LABELS = { mail: 'e-post', coordinator: 'koordinator' } as const;

/** The days a gathering spans, once its date is set; null while only the month is known. */
export function gatheringDays(g: Gathering): { first: LocalDate; last: LocalDate } | null {
  if (!g.date) return null;
  const last = g.endsAt ? osloDate(g.endsAt) : g.lunchToLunch ? addDays(g.date, 1) : g.date;
  return { first: g.date, last: last < g.date ? g.date : last };
}

/** «18.–19. juni 2013», or «oktober 2013» while the exact date is not set. */
export function daySpanText(
  first: LocalDate | null,
  last: LocalDate | null,
  month: YearMonth,
): string {
  if (!first) return formatYearMonth(month);
  return formatDaySpan(parseLocalDate(first), parseLocalDate(last ?? first));
}

/** «18.–19. juni 2013», or «oktober 2013» while the exact date is not set. */
export function gatheringWhen(g: Gathering): string {
  const days = gatheringDays(g);
  return daySpanText(days?.first ?? null, days?.last ?? null, g.month);
}

/** «lunsj til lunsj med overnatting» or «dagssamling». */
export const gatheringKind = (g: { lunchToLunch: boolean }): string =>
  g.lunchToLunch ? 'lunsj til lunsj med overnatting' : 'dagssamling';

/** Sorts Norwegian names the Norwegian way (æ, ø, å last). */
export const byName = (a: string, b: string): number => a.localeCompare(b, 'nb');
