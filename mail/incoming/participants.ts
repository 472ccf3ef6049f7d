// Participants as municipalities write them in a registration: a list («Kari Nordmann,
// kommunalsjef, kari.nordmann@x.kommune.no, 99 88 77 66»), a form («Navn: / Stilling: /
// E-post: / Telefon:», nynorsk «Namn:»), a table (cells «a | b | c» from HTML), a block
// per person (name, title, address and phone on lines of their own), or prose («vi melder
// på kommunalsjef Kari Nordmann (kari.nordmann@…) og rådgiver Ola Hansen (…)»).
import type { Address, Participant } from '../../domain/types';
import { EMAIL_RE, EMAIL_RE_G, findEmails, findPhone, PHONE_RE_G } from './contact-details';
import { NAME_SOURCE, TITLE_SOURCE, findPersonName, isJobTitle, isPersonName } from './names';
import { uni } from './text-utils';

type Field = 'name' | 'title' | 'email' | 'phone' | 'org' | 'ignore';

const LABELS: { field: Field; re: RegExp }[] = [
  { field: 'name', re: /^(?:fullt\s+)?(?:navn|namn|name|deltaker|deltakar|person)(?:\s*\d+)?$/i },
  {
    field: 'title',
    re: /^(?:stilling|stillingstittel|tittel|title|funksjon|rolle|stilling\/tittel|job title|position)$/i,
  },
  { field: 'email', re: /^(?:e-?post|e-?postadresse|e-?mail|mail|epost|adresse|e-?mailadresse)$/i },
  {
    field: 'phone',
    re: /^(?:telefon|tlf\.?|telefonnummer|mobil|mob\.?|mobilnummer|mobiltelefon|phone|tel\.?|telefon\/mobil)$/i,
  },
  {
    field: 'org',
    re: /^(?:kommune|virksomhet|verksemd|arbeidssted|arbeidsstad|avdeling|organisasjon|enhet|eining|sektor|seksjon)$/i,
  },
];

function labelField(label: string): Field | null {
  const t = label
    .trim()
    .replace(/[*_:]+$/g, '')
    .trim();
  for (const { field, re } of LABELS) if (re.test(t)) return field;
  return null;
}

// «Navn: Kari». The white space before the label and after a bullet is taken whole, once
// (`(?=(\s*))\1` cannot backtrack): the label may hold spaces too, and a long run of spaces
// split every way between them took quadratic time.
const LABEL_LINE = uni(
  /^(?=(?<lead>\s*))\k<lead>(?:[-*•](?=(?<gap>\s*))\k<gap>)?(?<label>[A-Za-zÆØÅæøå./ -]{2,30}?)\s*:\s*(?<value>.*)$/,
);
const labelOf = (m: RegExpExecArray) => m.groups!.label;
const valueOf = (m: RegExpExecArray) => m.groups!.value;

interface Draft {
  name: string | null;
  title: string | null;
  email: string | null;
  phone: string | null;
}

const empty = (): Draft => ({ name: null, title: null, email: null, phone: null });

function cleanTitle(title: string | null): string | null {
  if (!title) return null;
  const t = title
    .replace(/\s+/g, ' ')
    .replace(/^[\s,;:–—-]+|[\s,;:–—.-]+$/g, '')
    .replace(/^(?:og|and|som|er)\s+/i, '')
    .trim();
  if (!t || EMAIL_RE.test(t) || t.length > 90) return null;
  return t;
}

function cleanName(name: string | null): string | null {
  if (!name) return null;
  const t = name
    .replace(/\s+/g, ' ')
    .replace(/^[\s,;:–—-]+|[\s,;:–—.-]+$/g, '')
    .trim();
  return t || null;
}

function finish(d: Draft): Participant | null {
  const name = cleanName(d.name);
  if (!name) return null;
  return {
    name,
    title: cleanTitle(d.title),
    email: d.email ? d.email.toLowerCase() : null,
    phone: d.phone,
  };
}

// ---------------------------------------------------------------------------------------
// Form: «Navn: …», «Stilling: …», «E-post: …», «Telefon: …»

function splitInlineLabels(line: string): string[] {
  // «Navn: Kari Nordmann, Stilling: kommunalsjef, E-post: …» on one line.
  const parts = line.split(
    /[,;|]\s*(?=(?:navn|namn|stilling|tittel|funksjon|e-?post|e-?mail|epost|telefon|tlf\.?|mobil|mob\.?)\s*:)/i,
  );
  return parts.length > 1 ? parts : [line];
}

export function participantsFromForm(lines: string[]): Participant[] {
  const out: Participant[] = [];
  let cur: Draft | null = null;
  let seen = new Set<Field>();
  const flush = () => {
    if (cur) {
      const p = finish(cur);
      if (p) out.push(p);
    }
    cur = null;
    seen = new Set();
  };
  const expanded = lines.flatMap(splitInlineLabels);
  for (let i = 0; i < expanded.length; i++) {
    const line = expanded[i];
    const m = LABEL_LINE.exec(line);
    const field = m ? labelField(labelOf(m)) : null;
    if (!m || !field) {
      // «Deltaker 2» headings and blank lines separate people; other text ends the form.
      if (/^\s*(?:deltaker|deltakar|person)\s*\d*\s*:?\s*$/i.test(line)) flush();
      continue;
    }
    let value = valueOf(m).trim();
    if (
      !value &&
      i + 1 < expanded.length &&
      !LABEL_LINE.test(expanded[i + 1]) &&
      expanded[i + 1].trim()
    ) {
      value = expanded[++i].trim();
    }
    if (field === 'name' || seen.has(field)) {
      if (field === 'name' && !value) continue;
      flush();
      cur = empty();
    }
    cur ??= empty();
    seen.add(field);
    switch (field) {
      case 'name':
        cur.name =
          value
            .replace(EMAIL_RE_G, '')
            .replace(/[()<>]/g, ' ')
            .trim() || null;
        if (!cur.email) cur.email = findEmails(value)[0] ?? null;
        break;
      case 'title':
        cur.title = value || null;
        break;
      case 'email':
        cur.email = findEmails(value)[0] ?? null;
        break;
      case 'phone':
        cur.phone = findPhone(value) ?? (value.replace(/\D/g, '').length >= 8 ? value : null);
        break;
      default:
        break;
    }
  }
  flush();
  return out.filter((p) => p.name && (isPersonName(p.name) || p.email || p.title));
}

// ---------------------------------------------------------------------------------------
// Table: rows of cells separated by « | » or tabs, a header row naming the columns.

function cellsOf(line: string): string[] | null {
  if (line.includes('|')) {
    const cells = line.split('|').map((c) => c.trim());
    if (cells.length >= 2) return cells;
  }
  if (line.includes('\t')) {
    const cells = line.split(/\t+/).map((c) => c.trim());
    if (cells.length >= 2) return cells;
  }
  return null;
}

function typeOfCell(cell: string): Field {
  const t = cell.trim();
  if (!t) return 'ignore';
  if (EMAIL_RE.test(t)) return 'email';
  if (findPhone(t) && t.replace(/[\d\s+().-]/g, '').length <= 4) return 'phone';
  if (isPersonName(t)) return 'name';
  if (isJobTitle(t)) return 'title';
  return 'org';
}

export function participantsFromTable(lines: string[]): Participant[] {
  const out: Participant[] = [];
  let columns: Field[] | null = null;
  for (const line of lines) {
    const cells = cellsOf(line);
    if (!cells) {
      if (line.trim()) columns = null;
      continue;
    }
    const asLabels = cells.map((c) => labelField(c));
    if (asLabels.filter((f) => f && f !== 'org').length >= 2 && asLabels.includes('name')) {
      columns = asLabels.map((f) => f ?? 'ignore');
      continue;
    }
    const d = empty();
    cells.forEach((cell, i) => {
      const field = columns?.[i] ?? typeOfCell(cell);
      const fieldOrGuess =
        field === 'ignore' || field === 'org' ? (columns ? field : typeOfCell(cell)) : field;
      switch (fieldOrGuess) {
        case 'name':
          d.name ??= cell.replace(EMAIL_RE_G, '').trim() || null;
          break;
        case 'title':
          d.title ??= cell || null;
          break;
        case 'email':
          d.email ??= findEmails(cell)[0] ?? null;
          break;
        case 'phone':
          d.phone ??= findPhone(cell) ?? (cell.trim() || null);
          break;
        default:
          break;
      }
    });
    if (!d.name && d.email) {
      // A row without a recognisable name: take the first cell that reads as one.
      const guess = cells.find((c) => findPersonName(c));
      if (guess) d.name = findPersonName(guess);
    }
    const p = finish(d);
    if (p && (columns || p.email || p.title) && (isPersonName(p.name) || columns)) out.push(p);
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// List: one person a line, fields separated by commas, semicolons, dashes or brackets.

const BULLET = uni(/^\s*(?:[-*•·–]|\d{1,2}[.)]|[a-c][.)])\s+/);

export function parseListLine(line: string): Participant | null {
  let t = line.replace(BULLET, '').trim();
  if (!t || t.length > 260) return null;
  if (cellsOf(t)) return null;
  const email = findEmails(t)[0] ?? null;
  t = t.replace(/<?\s*(?:mailto:)?[A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}\s*>?/g, ' , ');
  const phone = findPhone(t);
  if (phone) t = t.replace(PHONE_RE_G, ' , ');
  t = t.replace(/\b(?:tlf|telefon|mobil|mob|tel|e-?post|e-?mail|epost)\.?\s*:?/gi, ' , ');
  const segments = t
    .split(/\s*(?:[,;()[\]/]|\s[-–—]\s|\t)\s*/)
    .map((s) => s.trim())
    .filter((s) => s && !/^(og|and|samt)$/i.test(s));
  let name: string | null = null;
  let title: string | null = null;
  for (const seg of segments) {
    if (!name && isPersonName(seg)) {
      name = seg;
      continue;
    }
    if (!name) {
      // «kommunalsjef Kari Nordmann» in one segment.
      const m = new RegExp(
        `^(${TITLE_SOURCE}(?:\\s+[a-zæøå-]+){0,3}?)\\s+(${NAME_SOURCE})$`,
        'iu',
      ).exec(seg);
      if (m && isPersonName(m[2])) {
        name = m[2];
        title ??= m[1];
        continue;
      }
    }
    if (!title && isJobTitle(seg))
      title = seg.replace(
        /\s+(?:i|ved|for|hos)\s+[A-ZÆØÅ][\wæøå-]*(?:\s+(?:kommune|fylkeskommune))?$/u,
        '',
      );
  }
  if (!name) return null;
  if (!email && !title && !phone) return null;
  return { name, title: cleanTitle(title), email, phone };
}

// ---------------------------------------------------------------------------------------
// Blocks: a name on its own line, then its title, address and phone on lines of their own.

function lineField(line: string): { field: Field; value: string } | null {
  let t = line.replace(BULLET, '').trim();
  if (!t) return null;
  const label = LABEL_LINE.exec(t);
  if (label) {
    const field = labelField(labelOf(label));
    // «Tlf: 99 88 77 66» inside a block; a «Navn:» label belongs to a form, not a block.
    if (field === 'name') return null;
    if (field === 'email' || field === 'phone' || field === 'title') {
      t = valueOf(label).trim();
      if (!t) return null;
      if (field === 'title') return { field, value: t };
    }
  }
  if (
    EMAIL_RE.test(t) &&
    t.replace(EMAIL_RE_G, '').replace(/[<>():,;\s]|e-?post|e-?mail|mail/gi, '').length === 0
  ) {
    return { field: 'email', value: findEmails(t)[0] };
  }
  const phoneOnly = t.replace(/^(?:tlf|telefon|mobil|mob|tel)\.?\s*:?\s*/i, '');
  const phone = findPhone(phoneOnly);
  if (phone && phoneOnly.replace(/[\d\s+().-]/g, '').length === 0)
    return { field: 'phone', value: phone };
  if (isPersonName(t)) return { field: 'name', value: t };
  if (isJobTitle(t) && t.split(/\s+/).length <= 8) return { field: 'title', value: t };
  return null;
}

export function participantsFromBlocks(lines: string[]): Participant[] {
  const out: Participant[] = [];
  let cur: Draft | null = null;
  let fields = 0;
  const flush = () => {
    if (cur && fields > 0) {
      const p = finish(cur);
      if (p) out.push(p);
    }
    cur = null;
    fields = 0;
  };
  for (const line of lines) {
    const hit = lineField(line);
    if (hit?.field === 'name') {
      flush();
      cur = empty();
      cur.name = hit.value;
      continue;
    }
    if (!cur) continue;
    if (hit?.field === 'email' && !cur.email) cur.email = hit.value;
    else if (hit?.field === 'phone' && !cur.phone) cur.phone = hit.value;
    else if (hit?.field === 'title' && !cur.title) cur.title = hit.value;
    else {
      // A blank line, a line of prose or a second value of a field: this person ends.
      flush();
      continue;
    }
    fields++;
  }
  flush();
  return out;
}

// ---------------------------------------------------------------------------------------
// Prose: «vi melder på kommunalsjef Kari Nordmann (kari@…) og rådgiver Ola Hansen».

const REGISTERED_BEFORE = uni(
  /\b(?:melder|meld|melde|meldar)\s+(?:\w+\s+){0,2}?på\s+(?:[\w-]+\s+){0,2}$/i,
);
const PROSE_CUE = uni(
  /\b(?:melder|meld|melde|meldar|påmelding|påmeld\w*|deltaker\w*|deltakar\w*|delta|deltar|deltek|blir med|stiller|representert|representere|kommer|kjem|sender|sende|nummer (?:to|tre|2|3) (?:blir|er|vert)|får med|fått med|fekk med|blir|vert|kjæm|sammen med|saman med|participant\w*|attendee\w*|will (?:be )?(?:attend|join|come))\b/i,
);

const PRONOUN_START = uni(/^(?:hun|han|ho|she|he)\b/i);

/** The bare name's title and address from the sentence about them that follows. */
function completeFrom(d: Draft, sentence: string): Participant | null {
  const email = findEmails(sentence)[0] ?? null;
  const title =
    new RegExp(
      `\\b(?:er|is)\\s+(?:\\w+\\s+)?(${TITLE_SOURCE}(?:\\s+(?:for|i|ved)\\s+[\\wæøå-]+){0,2})`,
      'iu',
    ).exec(sentence)?.[1] ?? null;
  if (!email && !title) return null;
  return finish({ ...d, email: d.email ?? email, title: d.title ?? title });
}

export function participantsFromProse(text: string): Participant[] {
  const out: Participant[] = [];
  // `(?<!\s)`: a match starts where the white space does, not again from each space of a run.
  const flatText = text.replace(/(?<!\s)\s*\n\s*/g, ' ');
  const sentencesList = flatText.split(/(?<=[.!?])\s+(?=[A-ZÆØÅ])/);
  const nameRe = new RegExp(`(?<![\\wæøåÆØÅ])${NAME_SOURCE}(?![\\wæøåÆØÅ])`, 'gu');
  // «I tillegg blir Hege Bråthen med. Hun er kommunalsjef … og har e-post …»: a bare name,
  // completed by the next sentence about «hun»/«han».
  let pending: Draft | null = null;
  for (const sentence of sentencesList) {
    if (pending) {
      const p = PRONOUN_START.test(sentence) ? completeFrom(pending, sentence) : null;
      if (p) out.push(p);
      pending = null;
    }
    if (!PROSE_CUE.test(sentence)) continue;
    const hits: { name: string; start: number; end: number }[] = [];
    for (const m of sentence.matchAll(nameRe)) {
      const words = m[0].split(/\s+/);
      let offset = 0;
      // «Hei Kari Nordmann» / «Vi Kari Nordmann»: drop leading sentence words.
      while (words.length > 2 && !isPersonName(words.join(' '))) {
        offset += words[0].length + 1;
        words.shift();
      }
      const name = words.join(' ');
      if (!isPersonName(name)) continue;
      hits.push({ name, start: m.index! + offset, end: m.index! + m[0].length });
    }
    hits.forEach((hit, i) => {
      const before = sentence.slice(i === 0 ? 0 : hits[i - 1].end, hit.start);
      const after = sentence.slice(
        hit.end,
        i + 1 < hits.length ? hits[i + 1].start : sentence.length,
      );
      const d = empty();
      d.name = hit.name;
      const titleBefore = new RegExp(
        // «økonomisjefen vår, Ragnhild Moe»: the title, a possessive, then the name.
        `(${TITLE_SOURCE}(?:en|a|et)?(?:\\s+(?:for|i|ved)\\s+[\\wæøå-]+(?:\\s+og\\s+[\\wæøå-]+)?)?)(?:\\s+(?:vår|vårt|våre|vor|hos oss|hjå oss))?\\s*,?\\s*$`,
        'iu',
      ).exec(before);
      if (titleBefore) d.title = titleBefore[1];
      // What follows the name up to the next name: «(kommunalsjef, kari@…, 99 88 77 66)».
      const tail = after.replace(/\b(?:og|samt|and)\s*$/i, '');
      d.email = findEmails(tail)[0] ?? null;
      d.phone = findPhone(tail.replace(EMAIL_RE_G, ' '));
      if (!d.title) {
        const bracket = /^\s*[,(]\s*([^,()]+?)\s*[,)]/.exec(tail);
        if (bracket && isJobTitle(bracket[1])) d.title = bracket[1];
        else {
          const m = new RegExp(
            `^\\s*,?\\s*(?:som\\s+(?:er\\s+|jobber\\s+som\\s+|arbeider\\s+som\\s+)?|er\\s+)?(${TITLE_SOURCE}(?:\\s+(?:for|i|ved)\\s+[\\wæøå-]+)?)`,
            'iu',
          ).exec(tail);
          if (m) d.title = m[1];
        }
      }
      const p = finish(d);
      // In prose a bare name is too weak, unless it is what is being registered:
      // «melder på Ragnhild Fjære», otherwise it needs an address, a title or a phone.
      const registered = REGISTERED_BEFORE.test(before);
      if (p && (p.email || p.title || p.phone || registered)) out.push(p);
      else if (p && hits.length === 1) pending = d;
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// Names listed under an introduction: «Deltakere:\nKari Nordmann\nOla Hansen».

const INTRO = uni(
  /\b(?:deltaker\w*|deltakar\w*|påmeld\w*|melder\s+(?:vi\s+)?på|meld\w*\s+på|følgende|følgjande|desse|disse)\b.*[:.]?\s*$/i,
);

export function participantsUnderIntro(lines: string[]): Participant[] {
  const out: Participant[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!INTRO.test(lines[i]) || !/[:]\s*$/.test(lines[i].trim())) continue;
    for (let j = i + 1; j < lines.length; j++) {
      const t = lines[j].replace(BULLET, '').trim();
      if (!t) {
        if (out.length) break;
        continue;
      }
      const name = t.replace(/\s*\(.*\)\s*$/, '');
      if (isPersonName(name)) out.push({ name, title: null, email: null, phone: null });
      else break;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------

const COORDINATOR = /dolvik@transparency\.no|^tor dølvik$/i;

/** Merge people seen twice (same address, or same name), keeping every field found. */
export function mergeParticipants(list: Participant[]): Participant[] {
  const out: Participant[] = [];
  for (const p of list) {
    if (COORDINATOR.test(p.email ?? '') || COORDINATOR.test(p.name)) continue;
    const same = out.find(
      (q) =>
        (p.email && q.email && p.email === q.email) ||
        q.name.toLowerCase() === p.name.toLowerCase(),
    );
    if (same) {
      same.title ??= p.title;
      same.email ??= p.email;
      same.phone ??= p.phone;
      if (!isPersonName(same.name) && isPersonName(p.name)) same.name = p.name;
    } else out.push({ ...p });
  }
  return out;
}

/** Every participant a registration text names, in the order written. */
export function extractParticipants(text: string): Participant[] {
  const lines = text.split('\n');
  const found: { at: number; p: Participant }[] = [];
  // Lower-cased once: per participant, it made a long list quadratic in the text's length.
  const lower = text.toLowerCase();
  const indexOf = (p: Participant) => {
    const key = p.email ?? p.name;
    const i = lower.indexOf(key.toLowerCase());
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  };
  const add = (list: Participant[]) => list.forEach((p) => found.push({ at: indexOf(p), p }));
  add(participantsFromForm(lines));
  add(participantsFromTable(lines));
  for (const line of lines) {
    const p = parseListLine(line);
    if (p) add([p]);
  }
  add(participantsFromBlocks(lines));
  add(participantsFromProse(text));
  add(participantsUnderIntro(lines));
  found.sort((a, b) => a.at - b.at);
  return assignEmailsByName(mergeParticipants(found.map((f) => f.p)), findEmails(text));
}

/** A name as the ASCII tokens an address would use: «Håkon Ødegård» → håkon/hakon, … */
function nameTokens(name: string): string[][] {
  return name
    .toLowerCase()
    .split(/[\s-]+/)
    .filter((w) => w.length > 1)
    .map((w) => {
      const variants = new Set([w]);
      variants.add(w.replace(/æ/g, 'ae').replace(/ø/g, 'o').replace(/å/g, 'a'));
      variants.add(w.replace(/æ/g, 'ae').replace(/ø/g, 'oe').replace(/å/g, 'aa'));
      variants.add(w.normalize('NFD').replace(/[\u0300-\u036f]/g, ''));
      return [...variants];
    });
}

/**
 * Addresses written apart from their names («E-post: kari@… og ola@…») go to the person
 * whose name the address spells (last name and first name or initial).
 */
export function assignEmailsByName(list: Participant[], emails: string[]): Participant[] {
  const taken = new Set(list.map((p) => p.email).filter((e): e is string => !!e));
  const free = emails.filter((e) => !taken.has(e));
  return list.map((p) => {
    if (p.email || !free.length) return p;
    const tokens = nameTokens(p.name);
    if (tokens.length < 2) return p;
    const first = tokens[0];
    const last = tokens[tokens.length - 1];
    const match = free.find((e) => {
      const local = e.split('@')[0];
      const parts = local.split(/[._-]+/);
      const hasLast = last.some((v) => parts.includes(v) || local.endsWith(v));
      const hasFirst = first.some(
        (v) => parts.includes(v) || local.startsWith(v) || parts[0] === v[0],
      );
      return hasLast && hasFirst;
    });
    if (!match) return p;
    free.splice(free.indexOf(match), 1);
    return { ...p, email: match };
  });
}

/** The sender as their signature (and From) describes them. */
export function participantFromSignature(
  signature: string | null,
  from: Address | null,
): Participant | null {
  const lines = (signature ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l);
  let name: string | null = null;
  let title: string | null = null;
  for (const line of lines.slice(0, 8)) {
    const stripped = line
      .replace(
        /^(?:med\s+)?(?:vennlig|venleg|beste)\s+(?:hilsen|helsing)\s*,?|^(?:mvh|hilsen|helsing|vh)\.?\s*,?/i,
        '',
      )
      .trim();
    if (!stripped) continue;
    if (!name && isPersonName(stripped)) {
      name = stripped;
      continue;
    }
    if (name && !title && isJobTitle(stripped)) title = stripped.split(/[,|]/)[0].trim();
  }
  name ??=
    from?.name && isPersonName(from.name.replace(/^(.+),\s*(.+)$/, '$2 $1'))
      ? from.name.replace(/^(.+),\s*(.+)$/, '$2 $1')
      : (from?.name ?? null);
  if (!name) return null;
  const email = findEmails(signature ?? '')[0] ?? from?.address?.toLowerCase() ?? null;
  const phone = findPhone((signature ?? '').replace(EMAIL_RE_G, ' '));
  return { name, title, email, phone };
}
