// Mutations for fuzzing the reply reader. A message is handled as a "binary string" (one
// character per byte, Latin-1), so every byte value survives and structure (headers,
// boundaries, charsets) can still be edited as text. All randomness comes from `Rng`, a
// seeded mulberry32: the same seed gives the same messages on every machine.

import {
  bin,
  CHARSETS,
  encodeNorwegian,
  ENCODINGS,
  formBlock,
  htmlBomb,
  NORWEGIAN,
  Rng,
  RUN_UNITS,
} from './payloads';

export { mulberry32, Rng } from './payloads';

export interface Context {
  rng: Rng;
  /** Another seed message (binary string), for splicing. */
  other: () => string;
}

export type Mutator = (msg: string, ctx: Context) => string;

const at = (s: string, rng: Rng) => rng.int(s.length + 1);

/** Head and body split at the first empty line (CRLF or LF); the body keeps its separator. */
function split(msg: string): { head: string[]; eol: string; body: string } {
  const m = /\r?\n\r?\n/.exec(msg);
  const head = m ? msg.slice(0, m.index) : msg;
  const eol = m && m[0].startsWith('\r') ? '\r\n' : '\n';
  return { head: head.split(/\r?\n/), eol, body: m ? msg.slice(m.index + m[0].length) : '' };
}
const join = (p: { head: string[]; eol: string; body: string }) =>
  p.head.join(p.eol) + p.eol + p.eol + p.body;

/** A header put first (the reader takes the first of a repeated field). */
function withHeader(msg: string, name: string, value: string): string {
  const p = split(msg);
  return join({ ...p, head: [`${name}: ${value}`, ...p.head] });
}

export const MUTATORS: Record<string, Mutator> = {
  flipBits: (s, { rng }) => {
    const a = s.split('');
    for (let i = rng.range(1, 40); i > 0 && a.length; i--) {
      const j = rng.int(a.length);
      a[j] = String.fromCharCode(a[j].charCodeAt(0) ^ (1 << rng.int(8)));
    }
    return a.join('');
  },
  insertBytes: (s, { rng }) => {
    for (let i = rng.range(1, 20); i > 0; i--) {
      const j = at(s, rng);
      s = s.slice(0, j) + rng.bytes(rng.range(1, 16)) + s.slice(j);
    }
    return s;
  },
  deleteBytes: (s, { rng }) => {
    for (let i = rng.range(1, 10); i > 0; i--) {
      const j = at(s, rng);
      s = s.slice(0, j) + s.slice(j + rng.range(1, 200));
    }
    return s;
  },
  truncate: (s, { rng }) => s.slice(0, at(s, rng)),
  splice: (s, { rng, other }) => {
    const o = other();
    return s.slice(0, at(s, rng)) + o.slice(at(o, rng));
  },
  duplicateHeader: (s, { rng }) => {
    const p = split(s);
    const line = rng.pick(p.head);
    const copies = Array<string>(rng.chance(0.9) ? rng.range(1, 5) : rng.range(100, 20_000)).fill(
      line,
    );
    p.head.splice(rng.int(p.head.length + 1), 0, ...copies);
    return join(p);
  },
  dropHeader: (s, { rng }) => {
    const p = split(s);
    for (let i = rng.range(1, 4); i > 0 && p.head.length; i--)
      p.head.splice(rng.int(p.head.length), 1);
    return join(p);
  },
  hugeHeader: (s, { rng }) => {
    const name = rng.pick([
      'Subject',
      'From',
      'To',
      'References',
      'Message-ID',
      'Content-Type',
      'X-Junk',
      'Date',
    ]);
    const unit = rng.pick([
      'a',
      ' ',
      '<a@b> ',
      '=?utf-8?B?w6bDuMOl?=',
      '"',
      ',',
      '\r\n ',
      '(',
      '\\',
      '@',
      'Kari <k@x.no>, ',
    ]);
    return withHeader(s, name, unit.repeat(Math.ceil(rng.size() / unit.length)));
  },
  manyHeaders: (s, { rng }) => {
    const n = rng.chance(0.8) ? rng.range(10, 500) : rng.range(500, 30_000);
    const p = split(s);
    for (let i = 0; i < n; i++) p.head.push(rng.chance(0.5) ? `X-H${i}: v` : ` folded ${i}`);
    return join(p);
  },
  brokenEncodedWords: (s, { rng }) => {
    const words = [
      '=?utf-8?B?w6bDuMOl',
      '=?utf-8?B?@@@?=',
      '=?utf-8?Q?=C3=?=',
      '=?x-bogus?B?AAAA?=',
      '=?utf-8?B?w6b?= =?utf-8?B?Dg==?=',
      '=??B??=',
      '=?utf-8?Z?abc?=',
      '=?utf-16?B?//79/w==?=',
      '=?',
    ];
    const n = rng.chance(0.9) ? rng.range(1, 10) : rng.range(1_000, 30_000);
    let v = '';
    for (let i = 0; i < n; i++) v += rng.pick(words) + rng.pick(['', ' ', '\t', 'x']);
    return withHeader(
      s,
      rng.pick(['Subject', 'From', 'To', 'Cc']),
      rng.chance(0.5) ? v : `${v} <kari@voss.kommune.no>`,
    );
  },
  boundary: (s, { rng }) => {
    const m = /boundary="?([^";\r\n]*)"?/i.exec(s);
    const old = m?.[1];
    const choice = rng.int(6);
    if (!old)
      return withHeader(s, 'Content-Type', `multipart/mixed; boundary="${'-'.repeat(rng.int(3))}"`);
    if (choice === 0) return s.split(old).join('b'.repeat(rng.range(71, 150_000)));
    if (choice === 1) return s.replace(m[0], 'boundary=""');
    if (choice === 2) return s.split(`--${old}--`).join('');
    if (choice === 3)
      return s.split(old).join(rng.pick(['(.*)+[', '\\', '$&', '--', ' ', '"', 'a'.repeat(200)]));
    if (choice === 4) return s + `\n--${old}\n`.repeat(rng.range(10, 5_000));
    return s.replace(m[0], `boundary="${old.slice(0, rng.int(old.length))}"`);
  },
  nest: (s, { rng }) => {
    const p = split(s);
    const levels = rng.chance(0.8) ? rng.range(2, 40) : rng.range(100, 3_000);
    const same = rng.chance(0.3);
    let body = `Content-Type: text/plain; charset=utf-8\n\n${p.body}`;
    for (let i = 0; i < levels; i++) {
      const b = same ? 'same' : `nest${i}`;
      body = `Content-Type: multipart/${rng.pick(['mixed', 'alternative', 'related', 'report'])}; boundary="${b}"\n\n--${b}\n${body}\n${rng.chance(0.8) ? `--${b}--` : ''}\n`;
    }
    const outer = split(body);
    return join({
      ...p,
      head: [...p.head.filter((l) => !/^content-type:/i.test(l)), ...outer.head],
      body: outer.body,
    });
  },
  charset: (s, { rng }) => {
    const cs = rng.pick(CHARSETS);
    return rng.chance(0.5)
      ? s.replace(/charset="?[^";\s]*"?/gi, `charset="${cs}"`)
      : withHeader(s, 'Content-Type', `text/${rng.pick(['plain', 'html'])}; charset=${cs}`);
  },
  transferEncoding: (s, { rng }) => {
    const p = split(s);
    const enc = rng.pick(ENCODINGS);
    const junk = rng.pick([
      () => bin(NORWEGIAN, 'utf8').replace(/[\u00c3\u00a5]/g, '=') + '=ZZ=4=\n=\r\n=',
      () =>
        Buffer.from(p.body, 'latin1')
          .toString('base64')
          .replace(/(.{7})/g, '$1' + rng.pick(['!', '=', '\n', '@@', '=='])),
      () => `w6bDuMOl${'='.repeat(rng.range(1, 5000))}${'A'.repeat(rng.int(10))}`,
      () =>
        p.body
          .replace(/[\u00e6\u00f8\u00e5]/g, '=E6=F8=E5=G')
          .replace(/ /g, rng.pick(['=20', '= ', '=\n'])),
    ])();
    return join({ head: [`Content-Transfer-Encoding: ${enc}`, ...p.head], eol: p.eol, body: junk });
  },
  controlChars: (s, { rng }) => {
    const pick = rng.int(4);
    if (pick === 0)
      return s.replace(/\r?\n/g, () => rng.pick(['\n', '\r\n', '\r', '\n\r', '\r\r\n']));
    if (pick === 1) return s.replace(/\n/g, () => (rng.chance(0.2) ? '\r' : '\n'));
    const unit =
      pick === 2
        ? '\u0000'
        : rng.pick(['\u0000', '\u001b', '\u007f', '\u000b', '\u000c', '\u0085']);
    for (let i = rng.range(1, 30); i > 0; i--) {
      const j = at(s, rng);
      s = s.slice(0, j) + unit.repeat(rng.chance(0.9) ? 1 : rng.size()) + s.slice(j);
    }
    return s;
  },
  invalidUnicode: (s, { rng }) => {
    const bad = [
      '\u00c3',
      '\u00ff\u00fe',
      '\u00fe\u00ff',
      '\u00c0\u00af',
      '\u00ed\u00a0\u0080',
      '\u00f4\u0090\u0080\u0080',
      '\u00e2\u0082',
      '\u00f0\u009f',
      '\u0000\u00d8',
      '\u00d8\u0000\u00dc',
    ];
    for (let i = rng.range(1, 40); i > 0; i--) {
      const j = at(s, rng);
      s = s.slice(0, j) + rng.pick(bad) + s.slice(j);
    }
    return s;
  },
  norwegian: (s, { rng }) => {
    const { bytes, declared } = encodeNorwegian(rng);
    const p = split(withHeader(s, 'Content-Type', `text/plain; charset=${declared}`));
    return join({
      ...p,
      body: rng.chance(0.5) ? bytes + '\n' + p.body : p.body + bytes.repeat(rng.range(1, 200)),
    });
  },
  html: (s, { rng }) => {
    const p = split(
      withHeader(s, 'Content-Type', `text/html; charset=${rng.pick(['utf-8', 'iso-8859-1'])}`),
    );
    return join({ ...p, body: rng.chance(0.5) ? htmlBomb(rng) : p.body + htmlBomb(rng) });
  },
  runs: (s, { rng }) => {
    const j = at(s, rng);
    const unit = rng.pick(RUN_UNITS);
    return s.slice(0, j) + unit.repeat(Math.ceil(rng.size() / unit.length)) + s.slice(j);
  },
  quoteMarkers: (s, { rng }) => {
    const depth = rng.chance(0.95) ? rng.range(1, 20) : rng.range(500, 50_000);
    return s.replace(/\n(?=[^\n])/g, () => (rng.chance(0.5) ? `\n${'>'.repeat(depth)} ` : '\n'));
  },
  forms: (s, { rng }) => {
    const p = split(s);
    const block = formBlock(rng, rng.chance(0.95) ? rng.range(1, 50) : rng.range(500, 3_000));
    return join({ ...p, body: rng.chance(0.5) ? block + p.body : p.body + block });
  },
};

export const MUTATOR_NAMES = Object.keys(MUTATORS);
