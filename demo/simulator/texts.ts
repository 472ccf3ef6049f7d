// What the simulated people write, in bokmål and nynorsk: registrations in each client's
// habit (list, table, form, prose, blocks), questions, declines, an out-of-office, attendance
// answers, short status reports and lessons learned. Deterministic per municipality.
import type { Municipality } from '../../domain/types';
import { organisationName, pick, rng } from './people';
import { capitalise, firstName, listing, numberWord } from './norwegian';
import { escapeHtml } from './mime';
import type { AttendancePlan, Client, Lang, MunicipalityPlan, Person } from './types';

export type RegistrationVariant =
  | 'first'
  | 'after-question'
  | 'after-out-of-office'
  | 'after-reminder'
  | 'late'
  | 'incomplete-first'
  | 'incomplete-rest';

export interface Written {
  client: Client;
  from: Person;
  body: string;
  html?: string;
  english?: boolean;
}

const org = (p: MunicipalityPlan) => organisationName(p.municipality);

/** «rådmannen», «fylkesrådmannen», «daglig leder». */
export function boss(m: Municipality, lang: Lang): string {
  if (m.type === 'fylkeskommune') return 'fylkesrådmannen';
  if (m.type === 'kommune') return 'rådmannen';
  return lang === 'nn' ? 'dagleg leiar' : 'daglig leder';
}

/** The closing and signature, the way each program's users sign. */
export function signature(
  client: Client,
  lang: Lang,
  who: Person,
  m: Municipality,
  short = false,
): string {
  const o = organisationName(m);
  const regards = lang === 'nn' ? 'Med venleg helsing' : 'Med vennlig hilsen';
  const title = capitalise(who.title);
  switch (client) {
    case 'outlook':
      return short
        ? `${lang === 'nn' ? 'Helsing' : 'Hilsen'}\n${who.name}`
        : `${regards}\n\n${who.name}\n${title}\n${o}\n${who.phone ? `Tlf.: ${who.phone} | ` : 'E-post: '}${who.email}`;
    case 'outlook-1252':
      return `${lang === 'nn' ? 'Helsing' : 'Med hilsen'}\n${who.name}\n${title}\n${o}${who.phone ? `\nTelefon ${who.phone}` : ''}`;
    case 'owa':
      return `${lang === 'nn' ? 'Venleg helsing' : 'Vennlig hilsen'}\n${who.name}\n${title}, ${o}`;
    case 'gmail':
      return `${lang === 'nn' ? 'Venleg helsing' : 'Vennlig hilsen'}\n${who.name}\n${who.title}, ${o}`;
    case 'ipad':
      return `${lang === 'nn' ? 'Helsing' : 'Hilsen'} ${firstName(who.name)}`;
    case 'iphone':
      return `Mvh\n${who.name}\n${title}`;
    case 'thunderbird':
      return `${lang === 'nn' ? 'Helsing' : 'Hilsen'} ${firstName(who.name)}\n\n-- \n${who.name}\n${title}, ${o}`;
  }
}

// ---------------------------------------------------------------------------------------
// Registrations

type Style = 'list' | 'list-dash' | 'numbered' | 'table' | 'form' | 'prose' | 'blocks';

function styleOf(p: MunicipalityPlan, client: Client): Style {
  switch (p.persona) {
    case 'outlook-list-1252':
      return 'list-dash';
    case 'owa-table':
      return 'table';
    case 'gmail-form':
      return 'form';
    case 'ipad-prose':
      return 'prose';
    case 'thunderbird-blocks':
      return 'blocks';
    case 'over-limit':
      return 'numbered';
    default:
      return client === 'gmail'
        ? 'form'
        : client === 'outlook-1252'
          ? 'list-dash'
          : client === 'owa'
            ? 'table'
            : 'list';
  }
}

function registrationClient(p: MunicipalityPlan): Client {
  if (p.persona === 'ipad-prose') return 'ipad';
  return p.client;
}

function personLines(people: Person[], style: Style, lang: Lang): string {
  switch (style) {
    case 'list':
      return people
        .map((q) => [q.name, q.title, q.email, q.phone].filter(Boolean).join(', '))
        .join('\n');
    case 'list-dash':
      return people
        .map((q) =>
          [q.name, q.title, q.email, q.phone ? `tlf. ${q.phone}` : null]
            .filter(Boolean)
            .join(' – '),
        )
        .join('\n');
    case 'numbered':
      return people
        .map(
          (q, i) => `${i + 1}. ${[q.name, q.title, q.email, q.phone].filter(Boolean).join(', ')}`,
        )
        .join('\n');
    case 'form':
      return people
        .map((q) =>
          [
            `${lang === 'nn' ? 'Namn' : 'Navn'}: ${q.name}`,
            `Stilling: ${q.title}`,
            `E-post: ${q.email}`,
            ...(q.phone ? [`Telefon: ${q.phone}`] : []),
          ].join('\n'),
        )
        .join('\n\n');
    case 'blocks':
      return people
        .map((q) => [q.name, capitalise(q.title), q.email, q.phone].filter(Boolean).join('\n'))
        .join('\n\n');
    case 'table':
      return people.map((q) => [q.name, q.title, q.email, q.phone ?? ''].join(' | ')).join('\n');
    case 'prose':
      return listing(
        people.map((q) => `${q.title} ${q.name} (${q.email}${q.phone ? `, tlf. ${q.phone}` : ''})`),
        lang,
      );
  }
}

function tableHtml(people: Person[], lang: Lang): string {
  const th = (s: string, w: number) => `<td style="width: ${w}%;"><b>${s}</b></td>`;
  const rows = people
    .map(
      (q) =>
        `<tr>\r\n<td>${escapeHtml(q.name)}</td>\r\n<td>${escapeHtml(q.title)}</td>\r\n<td><a href="mailto:${q.email}">${q.email}</a></td>\r\n<td>${escapeHtml(q.phone ?? '')}</td>\r\n</tr>`,
    )
    .join('\r\n');
  return `<table style="border-collapse: collapse; width: 100%;" border="1">\r\n<tbody>\r\n<tr>\r\n${th(lang === 'nn' ? 'Namn' : 'Navn', 25)}\r\n${th('Stilling', 25)}\r\n${th('E-post', 30)}\r\n${th('Telefon', 20)}\r\n</tr>\r\n${rows}\r\n</tbody>\r\n</table>`;
}

function anchoringSentence(p: MunicipalityPlan, style: Style): string {
  const b = boss(p.municipality, p.lang);
  const nn = p.lang === 'nn';
  switch (style) {
    case 'list':
    case 'numbered':
      return nn
        ? `Deltakinga er forankra i administrativ leiing, og ${b} har godkjent at deltakarane får bruke tid på oppfølging mellom samlingane.`
        : `Deltakelsen er forankret i administrativ ledelse, og ${b} har godkjent at deltakerne får bruke tid på oppfølging mellom samlingene.`;
    case 'list-dash':
      return nn
        ? `${capitalise(b)} har godkjent deltakinga i leiarmøtet, og deltakarane får tid til arbeidet mellom samlingane.`
        : `${capitalise(b)} har godkjent deltakelsen i ledermøtet, og deltakerne får tid til arbeidet mellom samlingene.`;
    case 'table':
      return nn
        ? `${capitalise(b)} har godkjent deltakinga.`
        : `${capitalise(b)} har godkjent deltakelsen.`;
    case 'form':
      return nn
        ? 'Deltakinga er forankra i administrativ leiing.'
        : 'Deltakelsen er forankret i administrativ ledelse.';
    case 'prose':
      return nn
        ? `${capitalise(b)} har godkjent deltakinga`
        : `${capitalise(b)} har godkjent deltakelsen`;
    case 'blocks':
      return nn
        ? `Deltakinga er forankra i leiargruppa til ${b}.`
        : `Deltakelsen er forankret i ${b}s ledergruppe.`;
  }
}

function wishSentence(p: MunicipalityPlan, style: Style): string {
  const w = p.networkWish;
  if (!w) return '';
  const nn = p.lang === 'nn';
  if (p.wishStyle === 'month' && w === 'A')
    return nn ? 'Vi ønskjer å starte i juni.' : 'Vi ønsker å starte i juni.';
  if (style === 'table')
    return nn ? `Nettverk ${w} passar best for oss.` : `Nettverk ${w} passer best for oss.`;
  return nn ? `Vi ønskjer helst nettverk ${w}.` : `Vi ønsker helst nettverk ${w}.`;
}

function introLine(
  p: MunicipalityPlan,
  variant: RegistrationVariant,
  style: Style,
  people: Person[],
): string {
  const nn = p.lang === 'nn';
  const o = org(p);
  const n = numberWord(people.length, p.lang);
  const lead: Record<RegistrationVariant, string> = {
    first: '',
    'after-question': nn
      ? 'Takk for svar på spørsmåla våre. '
      : 'Takk for svar på spørsmålene våre. ',
    'after-out-of-office': nn
      ? 'Eg er nett komen attende og ser at invitasjonen vart liggjande. '
      : 'Jeg er nettopp tilbake på kontoret og ser at invitasjonen ble liggende. ',
    'after-reminder': nn ? 'Takk for påminninga! ' : 'Takk for påminnelsen! ',
    late: nn
      ? `Beklagar at vi er seint ute – invitasjonen vart liggjande i postmottaket. ${o} ønskjer framleis å delta dersom det er plass. `
      : `Beklager at vi er sent ute – invitasjonen ble liggende i postmottaket. ${o} ønsker fortsatt å delta dersom det er plass. `,
    'incomplete-first': '',
    'incomplete-rest': '',
  };
  const prefix = lead[variant];
  switch (style) {
    case 'list':
      return `${prefix}${o} melder på ${nn ? 'desse deltakarane' : 'følgende deltakere'} til nettverket:`;
    case 'list-dash':
      return `${prefix}${nn ? `Vi melder på desse ${n} frå ${o}` : `Vi melder på disse ${n} fra ${o}`}:`;
    case 'numbered':
      return nn
        ? `${prefix}${o} melder på ${n} deltakarar. Vi veit at de ønskjer 2–3, men her er fleire fagmiljø som vil vere med:`
        : `${prefix}${o} melder på ${n} deltakere. Vi vet at dere ønsker 2–3, men her er flere fagmiljøer som vil være med:`;
    case 'table':
      return `${prefix}${o} melder på ${nn ? 'desse deltakarane' : 'disse deltakerne'}:`;
    case 'form':
      return nn
        ? `${prefix}${o} vil gjerne vere med i nettverket. Vi melder på desse ${n}:`
        : `${prefix}${o} vil gjerne være med i nettverket. Vi melder på disse ${n}:`;
    case 'prose':
      return `${prefix}${o} melder på`;
    case 'blocks':
      return `${prefix}${nn ? `Vi melder på ${n} deltakarar frå ${o}` : `Vi melder på ${n} deltakere fra ${o}`}:`;
  }
}

/** A registration (or part of one) in the municipality's own style. */
export function registrationText(
  p: MunicipalityPlan,
  coordinator: string,
  variant: RegistrationVariant,
): Written {
  const nn = p.lang === 'nn';
  const client = registrationClient(p);
  const from = p.contact;
  const m = p.municipality;

  if (variant === 'incomplete-first') {
    const body = nn
      ? `Hei,\n\n${org(p)} ønskjer å delta i nettverket, og eg melder meg på. Vi kjem attende med namn på fleire deltakarar så snart vi har avklart kven som har høve.\n\n${signature(client, p.lang, from, m)}`
      : `Hei,\n\n${org(p)} ønsker å delta i nettverket, og jeg melder meg på. Vi kommer tilbake med navn på flere deltakere så snart vi har avklart hvem som har anledning.\n\n${signature(client, p.lang, from, m)}`;
    return { client, from, body };
  }
  if (variant === 'incomplete-rest') {
    const others = p.participants.filter((q) => q.email !== from.email);
    const n = numberWord(others.length, p.lang);
    const b = boss(m, p.lang);
    const body = nn
      ? `Hei,\n\nTakk for påminninga. Her er dei ${n} andre deltakarane frå ${org(p)}:\n\n${personLines(others, 'list', p.lang)}\n\nDeltakinga er no forankra i leiargruppa til ${b}, og deltakarane får bruke tid på oppfølging mellom samlingane.\n\n${signature(client, p.lang, from, m)}`
      : `Hei,\n\nTakk for påminnelsen. Her er de ${n} andre deltakerne fra ${org(p)}:\n\n${personLines(others, 'list', p.lang)}\n\nDeltakelsen er nå forankret i ${b}s ledergruppe, og deltakerne får bruke tid på oppfølging mellom samlingene.\n\n${signature(client, p.lang, from, m)}`;
    return { client, from, body };
  }

  const style = styleOf(p, client);
  const people = p.participants;
  const intro = introLine(p, variant, style, people);
  const anchoring = anchoringSentence(p, style);
  const wish = wishSentence(p, style);
  const greeting =
    style === 'prose'
      ? `Hei ${coordinator}!`
      : style === 'table'
        ? `Hei ${coordinator},`
        : style === 'form'
          ? 'Hei!'
          : 'Hei,';
  const sig = signature(client, p.lang, from, m);

  if (style === 'prose') {
    const tail = wish ? `, og ${wish.charAt(0).toLowerCase()}${wish.slice(1)}` : '.';
    const body = `${greeting}\n\n${intro} ${personLines(people, 'prose', p.lang)}. ${anchoring}${tail}\n\n${sig}`;
    return { client, from, body };
  }
  if (style === 'table') {
    const closing = [anchoring, wish].filter(Boolean).join(' ');
    const body = `${greeting}\n\n${intro}\n\n${personLines(people, 'table', p.lang)}\n\n${closing}\n\n${sig}`;
    const line = (s: string) =>
      `<div style="font-family: Calibri, Arial, Helvetica, sans-serif; font-size: 12pt; color: rgb(0, 0, 0);">\r\n${s}</div>`;
    const html = [
      line(escapeHtml(greeting)),
      line('<br>'),
      line(escapeHtml(intro)),
      line('<br>'),
      tableHtml(people, p.lang),
      line('<br>'),
      line(escapeHtml(closing)),
      line('<br>'),
      line(sig.split('\n').map(escapeHtml).join('<br>\r\n')),
    ].join('\r\n');
    return { client, from, body, html };
  }
  const closing =
    style === 'form' || style === 'blocks'
      ? [anchoring, wish].filter(Boolean).join(' ')
      : [anchoring, wish].filter(Boolean).join('\n');
  const body = `${greeting}\n\n${intro}\n\n${personLines(people, style, p.lang)}\n\n${closing}\n\n${sig}`;
  return { client, from, body, english: p.persona === 'over-limit' };
}

// ---------------------------------------------------------------------------------------
// Questions, declines, out-of-office

const QUESTIONS: Record<Lang, string[]> = {
  nb: [
    'Er det mulig å bytte ut en av deltakerne underveis dersom noen slutter i kommunen? Og blir samlingene lagt til {region}, eller må vi regne med å reise til Oslo hver gang?',
    'Må alle deltakerne være med på alle tre samlingene? Og er det mulig å få tilsendt programmet for første samling før vi bestemmer oss?',
  ],
  nn: [
    'Er det mogleg å byte ut ein av deltakarane undervegs dersom nokon sluttar i kommunen? Og vert samlingane lagde til {region}, eller må vi rekne med å reise til Oslo kvar gong?',
    'Må alle deltakarane vere med på alle tre samlingane? Og er det mogleg å få tilsendt programmet for første samling før vi bestemmer oss?',
  ],
};

function region(m: Municipality): string {
  if (m.lat > 65) return 'Nord-Norge';
  if (m.lat > 62.5) return 'Trøndelag';
  if (m.lon < 7.5) return 'Vestlandet';
  if (m.lat < 59.5 && m.lon < 9.5) return 'Sørlandet';
  return 'Østlandet';
}

export function questionText(p: MunicipalityPlan): Written {
  const nn = p.lang === 'nn';
  const q = QUESTIONS[p.lang][p.index % 2].replace('{region}', region(p.municipality));
  const body = nn
    ? `Hei,\n\nVi har sett på invitasjonen og har to spørsmål før vi tek stilling: ${q}\n\n${signature(p.client, p.lang, p.contact, p.municipality)}`
    : `Hei,\n\nVi har sett på invitasjonen og har to spørsmål før vi tar stilling: ${q}\n\n${signature(p.client, p.lang, p.contact, p.municipality)}`;
  return { client: p.client, from: p.contact, body };
}

export function declineText(p: MunicipalityPlan): Written {
  const nn = p.lang === 'nn';
  const body = nn
    ? `Hei,\n\nTakk for invitasjonen. Vi har diverre ikkje kapasitet i år, sidan vi er midt i ei omorganisering av administrasjonen. Vi følgjer gjerne med på seinare tilbod. Lukke til med arbeidet!\n\n${signature(p.client, p.lang, p.contact, p.municipality)}`
    : `Hei\n\nTakk for invitasjonen. Vi har dessverre ikke kapasitet i år, men følger gjerne med på nettverkene senere. Lykke til med arbeidet!\n\n${signature(p.client, p.lang, p.contact, p.municipality)}`;
  return { client: p.client, from: p.contact, body };
}

/** The person who keeps the municipality's postmottak, for the out-of-office. */
export function archivist(p: MunicipalityPlan): Person {
  const r = rng(`archive:${p.municipality.id}`);
  const first = pick(
    r,
    p.lang === 'nn' ? ['Gunvor', 'Jorunn', 'Oddbjørg'] : ['Randi', 'Wenche', 'Grete'],
  );
  const last = pick(r, p.lang === 'nn' ? ['Fjeldstad', 'Nakken'] : ['Bakke', 'Evensen']);
  return {
    name: `${first} ${last}`,
    title: p.lang === 'nn' ? 'arkivleiar' : 'arkivleder',
    email: p.municipality.email,
    phone: null,
  };
}

export function outOfOfficeText(p: MunicipalityPlan, back: string, switchboard: string): string {
  const a = archivist(p);
  return p.lang === 'nn'
    ? `Takk for e-posten din. Eg er på kurs og er tilbake på kontoret ${back}. E-post til postmottaket vert journalført når eg er tilbake.\n\nHenvendingar som hastar kan rettast til servicetorget på ${switchboard}.\n\nMed venleg helsing\n${a.name}\n${capitalise(a.title)}, ${org(p)}`
    : `Takk for e-posten din. Jeg er på kurs og er tilbake på kontoret ${back}. E-post til postmottaket blir journalført når jeg er tilbake.\n\nHenvendelser som haster kan rettes til servicetorget på ${switchboard}.\n\nMed vennlig hilsen\n${a.name}\n${capitalise(a.title)}, ${org(p)}`;
}

// ---------------------------------------------------------------------------------------
// Attendance

export interface AttendanceSituation {
  gathering: 1 | 2 | 3;
  lunchToLunch: boolean;
  /** Participants as the journey has them now (after any substitution). */
  current: Person[];
}

function attendanceOf(p: MunicipalityPlan, who: Person, s: AttendanceSituation): AttendancePlan {
  const base = p.attendance[who.email] ?? {
    attending: true,
    overnight: true,
    dinner: true,
    dietary: null,
  };
  if (p.absent && p.absent.gathering === s.gathering && p.absent.who === who.email)
    return { ...base, attending: false };
  return base;
}

function dietSentence(name: string | null, diet: string, lang: Lang): string {
  const nn = lang === 'nn';
  const subject = name ?? (nn ? 'Eg' : 'Jeg');
  switch (diet) {
    case 'vegetar':
      return nn ? `${subject} et vegetarmat.` : `${subject} er vegetarianer.`;
    case 'glutenfri':
      return nn ? `${subject} treng glutenfri kost.` : `${subject} trenger glutenfri kost.`;
    case 'laktoseintolerant':
      return `${subject} er laktoseintolerant.`;
    default:
      return nn ? `${subject} har nøtteallergi.` : `${subject} har nøtteallergi.`;
  }
}

/** One person's line about themself (each participant answers for themself). */
function selfAnswer(p: MunicipalityPlan, who: Person, s: AttendanceSituation): string {
  const a = attendanceOf(p, who, s);
  const nn = p.lang === 'nn';
  if (!a.attending)
    return nn
      ? 'Eg kan diverre ikkje kome denne gongen.'
      : 'Jeg kan dessverre ikke komme denne gangen.';
  const parts: string[] = [];
  if (s.lunchToLunch) {
    const stay = a.overnight
      ? nn
        ? 'Eg kjem på samlinga og treng overnatting'
        : 'Jeg kommer på samlingen og trenger overnatting'
      : nn
        ? 'Eg kjem på samlinga, men reiser heim om kvelden og treng ikkje overnatting'
        : 'Jeg kommer på samlingen, men reiser hjem om kvelden og trenger ikke overnatting';
    parts.push(`${stay}.`);
    parts.push(
      a.dinner
        ? nn
          ? 'Eg blir gjerne med på middagen.'
          : 'Jeg blir gjerne med på middagen.'
        : nn
          ? 'Eg droppar middagen.'
          : 'Jeg dropper middagen.',
    );
  } else {
    parts.push(nn ? 'Eg kjem på samlinga.' : 'Jeg kommer på samlingen.');
  }
  if (a.dietary) parts.push(dietSentence(null, a.dietary, p.lang));
  return parts.join(' ');
}

/** The contact's answer for everyone, with a substitute or an absence when planned. */
function groupAnswer(
  p: MunicipalityPlan,
  s: AttendanceSituation,
): { text: string; substituted: Person | null } {
  const nn = p.lang === 'nn';
  const sub = p.substitute && p.substitute.gathering === s.gathering ? p.substitute : null;
  const people = s.current;
  const lines: string[] = [];
  let substituted: Person | null = null;

  const coming = people.filter((q) => attendanceOf(p, q, s).attending && q.email !== sub?.out);
  const absent = people.filter((q) => !attendanceOf(p, q, s).attending && q.email !== sub?.out);
  const same =
    coming.length === people.length &&
    coming.every((q) => {
      const a = attendanceOf(p, q, s);
      const f = attendanceOf(p, coming[0], s);
      return a.overnight === f.overnight && a.dinner === f.dinner;
    });

  if (same && !sub) {
    const all =
      people.length === 2 ? (nn ? 'begge' : 'begge') : `alle ${numberWord(people.length, p.lang)}`;
    if (s.lunchToLunch) {
      const f = attendanceOf(p, coming[0], s);
      const stay = f.overnight
        ? nn
          ? 'treng overnatting'
          : 'trenger overnatting'
        : nn
          ? 'reiser heim same dag og treng ikkje overnatting'
          : 'reiser hjem samme dag og trenger ikke overnatting';
      const dinner = f.dinner
        ? nn
          ? 'blir med på middagen'
          : 'blir med på middagen'
        : nn
          ? 'droppar middagen'
          : 'dropper middagen';
      lines.push(
        nn
          ? `Vi kjem ${all} på samlinga. Alle ${stay} og ${dinner}.`
          : `Vi kommer ${all} på samlingen. Alle ${stay} og ${dinner}.`,
      );
    } else {
      lines.push(nn ? `Vi kjem ${all} på samlinga.` : `Vi kommer ${all} på samlingen.`);
    }
  } else {
    for (const q of people) {
      if (sub && q.email === sub.out) {
        const inn = sub.in;
        substituted = inn;
        const a = attendanceOf(p, inn, s);
        const stay = nn
          ? `treng ${a.overnight ? '' : 'ikkje '}overnatting`
          : `trenger ${a.overnight ? '' : 'ikke '}overnatting`;
        const dinner = a.dinner
          ? nn
            ? 'og blir med på middagen'
            : 'og blir med på middagen'
          : nn
            ? 'men droppar middagen'
            : 'men står over middagen';
        const extra = s.lunchToLunch ? ` ${firstName(inn.name)} ${stay}, ${dinner}.` : '';
        lines.push(
          nn
            ? `${q.name} kan diverre ikkje kome. I staden kjem ${inn.title} ${inn.name} (${inn.email}).${extra}`
            : `${q.name} kan dessverre ikke komme. I stedet kommer ${inn.title} ${inn.name} (${inn.email}).${extra}`,
        );
        continue;
      }
      const a = attendanceOf(p, q, s);
      if (!a.attending) continue;
      if (s.lunchToLunch) {
        const stay = a.overnight
          ? nn
            ? 'med overnatting'
            : 'med overnatting'
          : nn
            ? 'utan overnatting'
            : 'uten overnatting';
        const dinner = a.dinner
          ? nn
            ? 'og blir med på middagen'
            : 'og blir med på middagen'
          : nn
            ? 'men droppar middagen'
            : 'men dropper middagen';
        lines.push(
          nn ? `${q.name} kjem ${stay}, ${dinner}.` : `${q.name} kommer ${stay}, ${dinner}.`,
        );
      } else {
        lines.push(nn ? `${q.name} kjem.` : `${q.name} kommer.`);
      }
    }
    if (absent.length) {
      lines.push(
        nn
          ? `${listing(
              absent.map((q) => q.name),
              'nn',
            )} kan diverre ikkje kome denne gongen.`
          : `${listing(
              absent.map((q) => q.name),
              'nb',
            )} kan dessverre ikke komme denne gangen.`,
      );
    }
  }
  const diets = [...coming, ...(substituted ? [substituted] : [])].filter(
    (q) => attendanceOf(p, q, s).dietary,
  );
  if (diets.length)
    lines.push(
      diets.map((q) => dietSentence(q.name, attendanceOf(p, q, s).dietary!, p.lang)).join(' '),
    );
  return { text: lines.join('\n\n'), substituted };
}

/** An answer to an attendance request: for everyone (the contact) or for oneself. */
export function attendanceText(
  p: MunicipalityPlan,
  responder: Person,
  s: AttendanceSituation,
  client: Client,
): { body: string; substituted: Person | null } {
  const greeting = 'Hei,';
  if (p.attendanceMode === 'each') {
    return {
      body: `${greeting}\n\n${selfAnswer(p, responder, s)}\n\n${signature(client, p.lang, responder, p.municipality, true)}`,
      substituted: null,
    };
  }
  const { text, substituted } = groupAnswer(p, s);
  return {
    body: `${greeting}\n\n${text}\n\n${signature(client, p.lang, responder, p.municipality)}`,
    substituted,
  };
}

// ---------------------------------------------------------------------------------------
// Status and lessons learned

const STATUS: Record<Lang, [string[], string[]]> = {
  nb: [
    [
      'Her er en kort status fra {org}. Etter første samling har vi kartlagt sårbarhet og sikkerhetshull innen innkjøp og byggesaksbehandling, med utgangspunkt i metoden fra samlingen. Vi har gjennomgått rutinene for habilitet og startet arbeidet med en oversikt over bierverv for ledere.\n\nArbeidet er forankret i {boss}s ledergruppe, som får en orientering hver måned. Risikovurderingen fungerte godt som verktøy, men vi trenger mer tid til å involvere enhetslederne.',
      'Kort status fra oss: Vi har valgt innkjøp som case og gått gjennom de ti største anskaffelsene fra i fjor. Kartleggingen viste at habilitetsvurderinger sjelden dokumenteres, og at kontrollen med rammeavtaler bør styrkes. Vi har også holdt en workshop om verdier og holdninger med ledergruppen.\n\nNeste steg er en enkel sjekkliste for innkjøpere.',
      'Status fra {org}: Vi har gjennomført en risikovurdering av tildeling av kommunale tomter og skjenkebevillinger. Sårbarhetsanalysen fra håndboken fungerte godt som ramme for diskusjonen. Varslingsrutinene er revidert og lagt ut på intranettet.\n\nKulturdelen står på planen for høsten.',
    ],
    [
      'Siden andre samling har vi gjennomført dilemmatrening i alle ledergrupper i helse og omsorg, og vi har innført fast rapportering om bierverv. Målene vi satte, er langt på vei nådd.\n\nDet som har fungert best, er korte dilemmadiskusjoner på personalmøter; lange skriftlige rutiner har hatt mindre effekt.',
      'Vi har innført en ny rutine for habilitetsvurdering i byggesak og oppdatert de etiske retningslinjene. Internkontrollen på innkjøp er styrket med stikkprøver hvert kvartal.\n\nAndre kommuner kan ha nytte av malen vår for risikovurdering, som vi gjerne deler.',
    ],
  ],
  nn: [
    [
      'Her er ein kort status frå {org}. Etter første samling har vi kartlagt sårbarheit og sikkerheitshol innan innkjøp og byggesak. Vi har gjennomført ein workshop med leiargruppa, og har starta arbeidet med nye rutinar for habilitet.\n\nVi ser fram til neste samling.',
      'Vi valde innkjøp som case og har gått gjennom dei største anskaffingane frå i fjor. Kartlegginga viste at habilitetsvurderingane sjeldan vert dokumenterte. Vi har difor laga ei enkel sjekkliste for innkjøparar, og leiargruppa har drøfta verdiar og haldningar på eit eige møte.',
    ],
    [
      'Sidan andre samling har vi gjennomført dilemmatrening i alle leiargrupper i oppvekst, og vi har innført fast rapportering om bierverv. Måla vi sette oss, er langt på veg nådde.\n\nKorte dilemmadiskusjonar på personalmøte har fungert best.',
      'Vi har innført ein ny rutine for habilitetsvurdering i byggesak og oppdatert dei etiske retningslinjene. Internkontrollen på innkjøp er styrkt med stikkprøver kvart kvartal.\n\nAndre kommunar kan ha nytte av malen vår for risikovurdering.',
    ],
  ],
};

export function statusText(
  p: MunicipalityPlan,
  n: 1 | 2,
  responder: Person,
  client: Client,
  coordinator: string,
): string {
  const pool = STATUS[p.lang][n - 1];
  const text = pool[p.index % pool.length]
    .replace(/\{org\}/g, org(p))
    .replace(/\{boss\}/g, boss(p.municipality, p.lang));
  return `Hei ${coordinator},\n\n${text}\n\n${signature(client, p.lang, responder, p.municipality)}`;
}

const LESSONS: Record<Lang, string[]> = {
  nb: [
    'Her er læringspunktene fra {org}, samlet for deltakerne:\n\n1. Det som har fungert best, er å knytte risikovurderingen til konkrete prosesser som innkjøp, byggesak og skjenkebevillinger, ikke til korrupsjon i sin alminnelighet. Det vanskeligste har vært å holde trykket oppe i en travel hverdag.\n2. Sårbarhetsanalysen fra «Beskytt kommunen!» og dilemmatrening i ledergruppene har vært de mest nyttige verktøyene. Sjekklisten for habilitet brukes nå i alle enheter.\n3. Et kommunalt antikorrupsjonsprogram bør ha tydelig forankring hos {boss}, en fast årlig risikovurdering, gode varslingsrutiner og opplæring av nye ledere.\n4. Håndboken bør få flere eksempler fra mindre kommuner, en kortversjon for ledere og maler som kan brukes direkte, for eksempel for register over bierverv.\n\nTakk for et lærerikt nettverk!',
    'Kort oppsummert fra oss:\n\n- Fungert godt: felles risikovurdering i ledergruppen og erfaringsutvekslingen med de andre kommunene i nettverket. Vanskelig: å få tid til oppfølging mellom samlingene.\n- Metoder og verktøy: dilemmakort, sjekkliste for habilitet og en enkel mal for risikovurdering av anskaffelser. Dilemmakortene ga de beste diskusjonene.\n- Anbefalinger til et kommunalt antikorrupsjonsprogram: forankring i toppledelsen, tydelig ansvar for oppfølging, årlig rapportering til kontrollutvalget og en varslingskanal også for innbyggere og leverandører.\n- «Beskytt kommunen!»: Vi savner et kapittel om kommunale foretak og selskaper, og flere råd om hvordan små kommuner med få ansatte kan skille roller.',
    'Våre viktigste erfaringer:\n\nDet har fungert godt å starte med én sektor (teknisk) og bruke erfaringene derfra i resten av organisasjonen. Åpenhet om dilemmaer i ledergruppen har betydd mer enn nye skriftlige rutiner.\n\nVerktøy vi anbefaler: risikomatrisen fra første samling, e-læring om habilitet for alle ansatte og stikkprøver i innkjøp.\n\nEt kommunalt program bør inneholde en årlig risikovurdering, etiske retningslinjer som revideres jevnlig, varsling med ekstern mottaker og rapportering til kommunestyret.\n\nI «Beskytt kommunen!» bør avsnittet om varsling utvides, og det bør komme en sjekkliste for eierstyring av kommunale selskaper.',
  ],
  nn: [
    'Våre viktigaste læringspunkt frå nettverket:\n\n- Risikovurdering må forankrast i leiinga for å få gjennomslag. Det har fungert godt å ta utgangspunkt i konkrete prosessar som innkjøp og byggesak.\n- Det var nyttig å dele erfaringar med andre kommunar om innkjøp. Dilemmatrening og sjekklista for habilitet har vore dei beste verktøya.\n- Eit kommunalt antikorrupsjonsprogram bør ha årleg risikovurdering, gode varslingsrutinar og opplæring av nye leiarar.\n- «Beskytt kommunen!» bør få fleire døme frå små kommunar og ein kortversjon for leiarar.\n\nTakk for eit godt opplegg!',
    'Kort oppsummert frå {org}:\n\n1. Det som fungerte best, var felles risikovurdering i leiargruppa. Det vanskelegaste var å finne tid til oppfølging.\n2. Metodar og verktøy: dilemmakort, risikomatrisa og stikkprøver i innkjøp.\n3. Tilrådingar til eit kommunalt program: tydeleg ansvar, årleg rapportering til kontrollutvalet og ein varslingskanal også for leverandørar.\n4. Handboka bør få eit kapittel om kommunale føretak og eigarstyring.',
  ],
};

export function lessonsText(p: MunicipalityPlan, responder: Person, client: Client): string {
  const pool = LESSONS[p.lang];
  const text = pool[p.index % pool.length]
    .replace(/\{org\}/g, org(p))
    .replace(/\{boss\}/g, boss(p.municipality, p.lang));
  return `Hei,\n\n${text}\n\n${signature(client, p.lang, responder, p.municipality)}`;
}
