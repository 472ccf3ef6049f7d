// Small text helpers shared by the reply readers: white space, `uni()` (a `\b`/`\w` that know
// æ, ø, å), sentences. E-mail addresses and phone numbers are in contact-details.ts, person names
// and job titles in names.ts.
const WORD_CHARS = '\\p{L}\\p{N}_';
const BOUNDARY = `(?:(?<=[${WORD_CHARS}])(?![${WORD_CHARS}])|(?<![${WORD_CHARS}])(?=[${WORD_CHARS}]))`;

/**
 * The same pattern with `\b` and `\w` that know æ, ø, å and every other letter: in plain
 * JavaScript `\bpå\b` never matches «på», and `\bønsker` never matches «ønsker».
 */
export function uni(re: RegExp): RegExp {
  const s = re.source;
  let out = '';
  let inClass = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '\\') {
      const n = s[i + 1];
      if (n === 'b' && !inClass) out += BOUNDARY;
      else if (n === 'w') out += inClass ? WORD_CHARS : `[${WORD_CHARS}]`;
      else if (n === '-' && !inClass) out += '-';
      else out += c + (n ?? '');
      i++;
      continue;
    }
    if (c === '[' && !inClass) inClass = true;
    else if (c === ']' && inClass) inClass = false;
    out += c;
  }
  return new RegExp(out, re.flags.includes('u') ? re.flags : `${re.flags}u`);
}

/** Line endings to `\n`, invisible marks removed, no-break spaces made plain. */
export function normaliseText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u200b-\u200f\u2060\ufeff\u00ad]/g, '')
    .replace(/[\u00a0\u2007\u202f\u2009]/g, ' ');
}

/**
 * Text split into sentences. A sentence runs over wrapped lines; a blank line, or a short
 * line such as a greeting («Hei Tor») before a capital, ends one; so does a colon before a
 * capital («Et spørsmål: Er det mulig …?»).
 */
export function sentences(text: string): string[] {
  const out: string[] = [];
  for (const para of text.split(/\n\s*\n/)) {
    const lines = para
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l);
    const chunks: string[] = [];
    for (const line of lines) {
      const prev = chunks[chunks.length - 1];
      const breakHere =
        prev !== undefined &&
        prev.length < 40 &&
        /^[A-ZÆØÅ«"“]/.test(line) &&
        !/[,;–-]$/.test(prev);
      if (prev === undefined || breakHere) chunks.push(line);
      else chunks[chunks.length - 1] = `${prev} ${line}`;
    }
    for (const chunk of chunks) {
      // After . ! ? (or a colon) followed by a space and a capital, digit or quote.
      const parts = chunk.split(/(?<=[.!?])\s+(?=[A-ZÆØÅ0-9«"“(])|(?<=:)\s+(?=[A-ZÆØÅ«"“])/);
      for (const p of parts) if (p.trim()) out.push(p.trim());
    }
  }
  return out;
}

/** Lower-case and squash white space, for phrase matching. */
export function flat(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').trim();
}
