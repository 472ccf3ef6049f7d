// Turns the MailContext the journey passes into the view the templates read: Norwegian dates,
// display names, joined lists and flags. Everything worded lives in the templates; what is
// here are the words a template cannot compute (weekday and month names, «kommunen»/«føretaket»).
//
// A field that is unknown is left out of the view (never null or ""), so a template that
// prints it fails loudly in strict mode instead of leaving a gap; `{{#if field}}` tests it.

import type {
  FlagKind,
  Gathering,
  Language,
  Municipality,
  Network,
  Participant,
} from '../../domain/types';
import {
  addDays,
  calendarDaysBetween,
  dayOf,
  parseInstant,
  parseLocalDate,
  sameDay,
  toOslo,
  type Day,
} from '../../domain/time';
import {
  formatClock,
  formatDate,
  formatDateShort,
  formatDaySpan,
  formatMonth,
  formatTime,
} from './dates';
import type { MailContext } from './types';

/** The written standard for a municipality: nynorsk → nn; bokmål and nøytral → nb. */
export function languageFor(municipality: Pick<Municipality, 'languageForm'>): Language {
  return municipality.languageForm === 'nynorsk' ? 'nn' : 'nb';
}

/** Gathering themes, one per number, as the templates' programme partials title them. */
export type Themes = Record<1 | 2 | 3, string>;

export interface VenueView {
  name: string;
  address?: string;
  /** «name, address» */
  full: string;
}

export interface GatheringView {
  number: 1 | 2 | 3;
  /** «første», «andre», «tredje» */
  ordinal: string;
  /** «Første», «Andre», «Tredje» */
  Ordinal: string;
  isFirst: boolean;
  isSecond: boolean;
  isThird: boolean;
  theme: string;
  /** The month the timetable promises: «oktober 2013». */
  month: string;
  /** Exact days when set, else the month: «18.–19. juni 2013», «oktober 2013». */
  when: string;
  /** True once the exact date is set. */
  dated: boolean;
  /** «tirsdag 18. juni 2013» */
  date?: string;
  /** The last day when it spans two: «onsdag 19. juni 2013». */
  endDate?: string;
  /** «kl. 11.30», once the times are set. */
  startTime?: string;
  endTime?: string;
  /** «tirsdag 18. juni 2013 kl. 11.30» / «onsdag 19. juni 2013 kl. 13.00», once the times are set. */
  start?: string;
  end?: string;
  /** «kl. 10.00–16.00» for a gathering within one day, once the times are set. */
  times?: string;
  lunchToLunch: boolean;
  multiDay: boolean;
  venue?: VenueView;
}

export interface NetworkView {
  id: string;
  first: GatheringView;
  second: GatheringView;
  third: GatheringView;
  gatherings: GatheringView[];
  /** «20–30» participants. */
  size: string;
  /** At least one gathering has its exact date. */
  anyDated: boolean;
}

export interface ParticipantView {
  name?: string;
  title?: string;
  email?: string;
  phone?: string;
}

/** The view every template renders against. Optional fields are absent when unknown. */
export interface MailView {
  language: Language;
  campaign: {
    id: string;
    title: string;
    project: string;
    supportedBy?: string;
    handbook: { title: string; url: string };
    contact: { name: string; title: string; organisation: string; email: string; phone?: string };
    replyTo: string;
    /** «tirsdag 21. mai 2013» */
    deadline: string;
    /** «21. mai 2013» */
    deadlineShort: string;
    /** Calendar days from now until the deadline, absent once it has passed (0: today). */
    daysToDeadline?: number;
    deadlineIsToday: boolean;
    deadlinePassed: boolean;
    participants: { min: number; max: number; range: string };
    networks: NetworkView[];
    networkCount: number;
    /** «A, B eller C» */
    networkChoice: string;
    /** «20–30» */
    networkSize: string;
    /** Every network's first gathering runs lunch to lunch. */
    firstLunchToLunch: boolean;
  };
  municipality: {
    id: string;
    name: string;
    /** «Eigersund kommune», «Rogaland fylkeskommune». */
    displayName: string;
    /** «kommunen», «fylkeskommunen», «foretaket»/«føretaket». */
    definite: string;
    email: string;
  };
  /** The person who registered, when known. */
  registrant?: { name?: string; email: string };
  /** Whom «Hei, …!» names: the participants for mails to all of them, the registrant for
   * registration mails, nobody for mails to the town hall or to only some participants. */
  greetingName?: string;
  participants: ParticipantView[];
  participantCount: number;
  /** «Kari Nordmann, Ola Hansen og Per Hansen» (named participants only). */
  participantNames?: string;
  anchored?: boolean;
  networkPreference?: string;
  /** The assigned network is the one wished for. */
  networkMatchesPreference: boolean;
  network?: NetworkView;
  gathering?: GatheringView;
  /** The gathering after `gathering`, if any (follow-ups point to it). */
  nextGathering?: GatheringView;
  /** The change letter: what moved, and the gathering as it was told before. */
  change?: { date: boolean; venue: boolean; before: GatheringView };
  missing: {
    any: boolean;
    participants?: boolean;
    name?: boolean;
    title?: boolean;
    email?: boolean;
    anchoring?: boolean;
    /** Named participants without a job title / an email address. */
    titleFor?: string;
    emailFor?: string;
  };
  waitingListPosition?: number;
  /** `isLast`: no further registration reminder is scheduled after this one. */
  reminder: { number: number; isFirst: boolean; isLast: boolean; ordinal: string };
  cancellation?: { by: string; reason: string };
  flag?: { id: string; kind: string; label: string; message: string; raisedAt: string };
  reply?: {
    from: { name?: string; address: string };
    subject: string;
    text: string;
    receivedAt: string;
  };
  bounce?: {
    addresses: string;
    status?: string;
    diagnostic?: string;
    permanent: boolean;
  };
  lessons?: { deadline: string };
  /** The three gatherings' themes: `{{themes.first}}`. */
  themes: { first: string; second: string; third: string };
  /** «tirsdag 23. april 2013»: the day the mail is written. */
  today: string;
}

/** Mails the journey sends to every participant: they are greeted by name. */
const TO_PARTICIPANTS = new Set([
  'assignment',
  'gathering-announcement',
  'gathering-change',
  'waiting-list-closing',
  'attendance-request',
  'followup-1',
  'followup-2',
  'followup-reminder',
  'status-request',
  'lessons-request',
  'lessons-reminder',
]);
/** Mails that answer the person who registered. */
const TO_REGISTRANT = new Set([
  'registration-confirmation',
  'registration-incomplete',
  'registration-over-limit',
  'decline-thanks',
  'late-registration',
  'waiting-list',
  'withdrawal',
]);

const ORDINALS = ['første', 'andre', 'tredje', 'fjerde', 'femte', 'sjette'];

function ordinal(n: number): string {
  return ORDINALS[n - 1] ?? `${n}.`;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** «a», «a og b», «a, b og c». */
export function joinNorwegian(items: string[], word = 'og'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${word} ${items[items.length - 1]}`;
}

function displayName(m: Municipality): string {
  if (/kommune|fylke/i.test(m.name) || m.type === 'kommunalt foretak') return m.name;
  return m.type === 'fylkeskommune' ? `${m.name} fylkeskommune` : `${m.name} kommune`;
}

function definite(m: Municipality, lang: Language): string {
  if (m.type === 'fylkeskommune') return 'fylkeskommunen';
  if (m.type === 'kommunalt foretak') return lang === 'nn' ? 'føretaket' : 'foretaket';
  return 'kommunen';
}

function clean(s: string | null | undefined): string | undefined {
  const t = s?.trim();
  return t ? t : undefined;
}

function participantView(p: Participant): ParticipantView {
  return {
    name: clean(p.name),
    title: clean(p.title),
    email: clean(p.email),
    phone: clean(p.phone),
  };
}

function range(min: number, max: number): string {
  return min === max ? String(min) : `${min}–${max}`;
}

export function gatheringView(g: Gathering, lang: Language, themes: Themes): GatheringView {
  const n = g.number;
  const month = formatMonth(g.month);
  const start = g.startsAt ? toOslo(g.startsAt) : null;
  const end = g.endsAt ? toOslo(g.endsAt) : null;
  const first: Day | null = g.date ? parseLocalDate(g.date) : start ? dayOf(start) : null;
  let last: Day | null = null;
  if (first) last = end ? dayOf(end) : g.lunchToLunch ? addDays(first, 1) : first;
  const multiDay = first !== null && last !== null && !sameDay(first, last);
  const view: GatheringView = {
    number: n,
    ordinal: ordinal(n),
    Ordinal: capitalise(ordinal(n)),
    isFirst: n === 1,
    isSecond: n === 2,
    isThird: n === 3,
    theme: themes[n],
    month,
    when: first && last ? formatDaySpan(first, last) : month,
    dated: first !== null,
    lunchToLunch: g.lunchToLunch,
    multiDay,
  };
  if (first) view.date = formatDate(first, lang);
  if (first && last && multiDay) view.endDate = formatDate(last, lang);
  if (start) {
    view.startTime = formatTime(start);
    view.start = `${formatDate(dayOf(start), lang)} ${formatTime(start)}`;
  }
  if (end) {
    view.endTime = formatTime(end);
    view.end = `${formatDate(dayOf(end), lang)} ${formatTime(end)}`;
  }
  if (start && end && !multiDay) view.times = `${formatTime(start)}–${formatClock(end)}`;
  // A venue only proposed by the assignment is not named: the letter says «Sted kommer».
  if (g.venue && !g.venueProposed) {
    const address = clean(g.venue.address);
    view.venue = {
      name: g.venue.name,
      address,
      full: address ? `${g.venue.name}, ${address}` : g.venue.name,
    };
  }
  return view;
}

export function networkView(n: Network, lang: Language, themes: Themes): NetworkView {
  const gatherings = [...n.gatherings]
    .sort((a, b) => a.number - b.number)
    .map((g) => gatheringView(g, lang, themes));
  const find = (k: number) => {
    const g = gatherings.find((x) => x.number === k);
    if (!g) throw new Error(`network ${n.id} has no gathering ${k}`);
    return g;
  };
  return {
    id: n.id,
    first: find(1),
    second: find(2),
    third: find(3),
    gatherings,
    size: range(n.capacity.min, n.capacity.max),
    anyDated: gatherings.some((g) => g.dated),
  };
}

const FLAG_LABELS: Record<FlagKind, string> = {
  question: 'Spørsmål fra en kommune',
  bounce: 'E-post i retur',
  'late-registration': 'Påmelding etter fristen',
  'over-limit': 'Flere deltakere enn grensen',
  'incomplete-at-deadline': 'Ufullstendig påmelding ved fristen',
  substitute: 'Ny deltaker i stedet for en påmeldt',
  'send-failed': 'E-post kunne ikke sendes',
  'unclear-reply': 'Uklart svar',
};

/** Builds the view for one mail (`template`) in one language. */
export function buildView(
  ctx: MailContext,
  lang: Language,
  themes: Themes,
  template = '',
): MailView {
  const c = ctx.campaign;
  const nowMs = parseInstant(ctx.now);
  const deadlineMs = parseInstant(c.schedule.registrationDeadline);
  const deadlineDay = dayOf(toOslo(deadlineMs));
  const networks = c.networks.map((n) => networkView(n, lang, themes));
  const sizes = c.networks.flatMap((n) => [n.capacity.min, n.capacity.max]);
  const participants = ctx.participants.map(participantView);
  const named = participants.filter((p) => p.name !== undefined);
  const network = ctx.network ? networkView(ctx.network, lang, themes) : undefined;

  // No number given: it is the first.
  const reminderNumber = ctx.reminderNumber ?? 1;
  const view: MailView = {
    language: lang,
    campaign: {
      id: c.id,
      title: c.title,
      project: c.project,
      supportedBy: clean(c.supportedBy),
      handbook: { title: c.handbook.title, url: c.handbook.url },
      contact: {
        name: c.contact.name,
        title: c.contact.title,
        organisation: c.contact.organisation,
        email: c.contact.email,
        phone: clean(c.contact.phone),
      },
      replyTo: c.replyTo,
      deadline: formatDate(deadlineDay, lang),
      deadlineShort: formatDateShort(deadlineDay),
      daysToDeadline: nowMs <= deadlineMs ? calendarDaysBetween(nowMs, deadlineMs) : undefined,
      deadlineIsToday: nowMs <= deadlineMs && calendarDaysBetween(nowMs, deadlineMs) === 0,
      deadlinePassed: nowMs > deadlineMs,
      participants: {
        min: c.participantsPerMunicipality.min,
        max: c.participantsPerMunicipality.max,
        range: range(c.participantsPerMunicipality.min, c.participantsPerMunicipality.max),
      },
      networks,
      networkCount: networks.length,
      networkChoice: joinNorwegian(
        c.networks.map((n) => n.id),
        'eller',
      ),
      networkSize: sizes.length ? range(Math.min(...sizes), Math.max(...sizes)) : '',
      firstLunchToLunch:
        c.networks.length > 0 &&
        c.networks.every((n) => n.gatherings.find((g) => g.number === 1)?.lunchToLunch),
    },
    municipality: {
      id: ctx.municipality.id,
      name: ctx.municipality.name,
      displayName: displayName(ctx.municipality),
      definite: definite(ctx.municipality, lang),
      email: ctx.municipality.email,
    },
    participants,
    participantCount: participants.length,
    participantNames: named.length ? joinNorwegian(named.map((p) => p.name as string)) : undefined,
    missing: { any: ctx.missing.length > 0 },
    networkMatchesPreference:
      Boolean(ctx.networkPreference && ctx.network) &&
      ctx.networkPreference?.toUpperCase() === ctx.network?.id.toUpperCase(),
    themes: { first: themes[1], second: themes[2], third: themes[3] },
    reminder: {
      number: reminderNumber,
      isFirst: reminderNumber <= 1,
      isLast: reminderNumber >= c.schedule.registrationReminders.length,
      ordinal: ordinal(reminderNumber),
    },
    today: formatDate(dayOf(toOslo(nowMs)), lang),
  };

  if (ctx.contact) {
    view.registrant = { name: clean(ctx.contact.name), email: ctx.contact.address };
  }
  if (TO_PARTICIPANTS.has(template)) {
    view.greetingName = view.participantNames ?? view.registrant?.name;
  } else if (TO_REGISTRANT.has(template)) {
    view.greetingName = view.registrant?.name;
  }
  if (ctx.anchored !== null) view.anchored = ctx.anchored;
  if (ctx.networkPreference) view.networkPreference = ctx.networkPreference;
  if (network) {
    view.network = network;
    if (ctx.gathering !== null) {
      const g = network.gatherings.find((x) => x.number === ctx.gathering);
      if (!g) throw new Error(`network ${network.id} has no gathering ${ctx.gathering}`);
      view.gathering = g;
      view.nextGathering = network.gatherings.find((x) => x.number === g.number + 1);
      if (ctx.change) {
        const { date, venue, before } = ctx.change;
        view.change = { date, venue, before: gatheringView(before, lang, themes) };
      }
    }
  }

  for (const item of ctx.missing) {
    if (item === 'participants') view.missing.participants = true;
    if (item === 'participant-name') view.missing.name = true;
    if (item === 'participant-title') view.missing.title = true;
    if (item === 'participant-email') view.missing.email = true;
    if (item === 'anchoring') view.missing.anchoring = true;
  }
  const lacking = (field: 'title' | 'email') =>
    named.filter((p) => p[field] === undefined).map((p) => p.name as string);
  if (view.missing.title && lacking('title').length) {
    view.missing.titleFor = joinNorwegian(lacking('title'));
  }
  if (view.missing.email && lacking('email').length) {
    view.missing.emailFor = joinNorwegian(lacking('email'));
  }

  if (ctx.waitingListPosition !== null) view.waitingListPosition = ctx.waitingListPosition;

  if (ctx.cancellation) view.cancellation = { ...ctx.cancellation };
  if (ctx.flag) {
    view.flag = {
      id: ctx.flag.id,
      kind: ctx.flag.kind,
      label: FLAG_LABELS[ctx.flag.kind] ?? ctx.flag.kind,
      message: ctx.flag.message,
      raisedAt: formatStamp(ctx.flag.raisedAt, lang),
    };
  }
  if (ctx.reply) {
    view.reply = {
      from: { name: clean(ctx.reply.from.name), address: ctx.reply.from.address },
      subject: ctx.reply.subject,
      text: ctx.reply.text,
      receivedAt: formatStamp(ctx.reply.receivedAt, lang),
    };
  }
  if (ctx.bounce) {
    view.bounce = {
      addresses: joinNorwegian(ctx.bounce.recipients),
      status: clean(ctx.bounce.status),
      diagnostic: clean(ctx.bounce.diagnostic),
      permanent: ctx.bounce.permanent,
    };
  }
  const s = c.schedule;
  const closeIn =
    template === 'lessons-reminder'
      ? s.lessonsCloseAfter - s.lessonsReminderAfter
      : s.lessonsCloseAfter - s.lessonsRequestAfter;
  if (closeIn > 0) {
    // The lessons close this long after the mail that asks for them is written.
    view.lessons = { deadline: formatDate(dayOf(toOslo(nowMs + closeIn)), lang) };
  }
  return view;
}

/** «tirsdag 21. mai 2013 kl. 14.05». */
function formatStamp(instant: string, lang: Language): string {
  const t = toOslo(instant);
  return `${formatDate(dayOf(t), lang)} ${formatTime(t)}`;
}
