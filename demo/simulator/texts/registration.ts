// Registrations in each client's habit (list, table, form, prose, blocks), so the inbox reader
// meets every layout real municipalities send, and the late, reminded and incomplete ones too.
import { capitalise, listing, numberWord } from '../norwegian';
import { escapeHtml } from '../mime';
import type { Client, Lang, MunicipalityPlan, Person } from '../types';
import { boss, org, signature, type RegistrationVariant, type Written } from './common';

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
