// Seeded randomness and the hostile pieces the mutators put into messages: Norwegian text in
// several encodings, charset and transfer-encoding labels, runs, form lines, HTML bombs.

/** mulberry32: a tiny, fast, seedable 32-bit PRNG. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Rng {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  float(): number {
    return this.next();
  }
  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  range(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(list: readonly T[]): T {
    return list[this.int(list.length)];
  }
  /** A size, mostly small, sometimes large, rarely huge (the run must stay fast). */
  size(): number {
    const r = this.next();
    if (r < 0.9) return this.range(1, 4_000);
    if (r < 0.985) return this.range(4_000, 120_000);
    return this.range(120_000, 1_500_000);
  }
  bytes(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += String.fromCharCode(this.int(256));
    return s;
  }
}

export const bin = (s: string, enc: BufferEncoding) => Buffer.from(s, enc).toString('latin1');

export const NORWEGIAN =
  'Påmelding: Kari Nordmann, rådgiver i Bærum kommune, og Øystein Ås fra Førde. Vi gleder oss – æøå ÆØÅ!';
export const CHARSETS = [
  'utf-8',
  'iso-8859-1',
  'windows-1252',
  'utf-16',
  'utf-16le',
  'utf-16be',
  'utf-7',
  'us-ascii',
  'x-unknown',
  '',
  '"',
  'utf-8"; charset="latin1',
  'ISO-2022-JP',
  'koi8-r',
  '\u00ff\u00fe',
  'utf-32',
  'a'.repeat(5000),
  'windows-1252\u0000',
  'gb18030',
];
export const ENCODINGS = [
  'base64',
  'quoted-printable',
  '7bit',
  '8bit',
  'binary',
  'x-uuencode',
  'BASE64 junk',
  '',
];
export const RUN_UNITS = [
  ' ',
  '\t',
  '\n',
  '\r\n',
  '\r',
  '>',
  '> ',
  '>>>>',
  '.',
  '-',
  '_',
  '*',
  '=',
  '|',
  '\u00a0',
  '\u0000',
  '!?',
  '"',
  '<',
  '&',
  ';',
  ':',
  'Navn: ',
  '\u00e6\u00f8\u00e5',
];

export function encodeNorwegian(rng: Rng): { bytes: string; declared: string } {
  const enc = rng.pick(['utf8', 'latin1', 'utf16le', 'utf16be', 'mojibake'] as const);
  const declared = rng.chance(0.5) ? rng.pick(CHARSETS) : enc === 'mojibake' ? 'utf-8' : enc;
  if (enc === 'utf16be')
    return { bytes: bin(NORWEGIAN, 'utf16le').replace(/(.)(.)/gs, '$2$1'), declared };
  if (enc === 'mojibake') return { bytes: bin(bin(NORWEGIAN, 'utf8'), 'utf8'), declared };
  return { bytes: bin(NORWEGIAN, enc), declared };
}

/** Attendance and registration look-alikes, repeated. */
export function formBlock(rng: Rng, times: number): string {
  const row = rng.pick([
    (i: number) =>
      `Navn: Kari Nordmann ${i}\nTittel: Rådgiver\nE-post: kari${i}@voss.kommune.no\nTelefon: 912 34 567\n\n`,
    (i: number) => `| Kari Nordmann ${i} | rådgiver | kari${i}@voss.kommune.no | 91234567 |\n`,
    (i: number) => `${i}. Ola Nordmann, kommunalsjef, ola${i}@bergen.kommune.no\n`,
    (i: number) =>
      `Deltakere:\n- Kari Nordmann (kari@x${i}.no)\nKommer: ja. Overnatting: nei. Middag: ja. Allergi: nøtter\n`,
    (i: number) =>
      `E-post: ${'a.'.repeat(i % 50)}@${'b-'.repeat(i % 40)}.no Navn:${'\t'.repeat(i % 7)}\n`,
  ]);
  let out = '';
  for (let i = 0; i < times; i++) out += row(i);
  return out;
}

export function htmlBomb(rng: Rng): string {
  const n = Math.min(rng.size(), 200_000);
  const pieces = [
    () => '<div>'.repeat(n / 5) + 'Hei',
    () => '<blockquote>'.repeat(n / 12) + 'Vi kommer',
    () => `<p title="${'x'.repeat(n)}">Hei</p>`,
    () => `<a href='${'"'.repeat(n)}>`,
    () => '&amp;'.repeat(n / 5) + '&#x110000;&#99999999999;&#0;&#xD800;&' + 'nbsp'.repeat(n / 4),
    () => '<table>' + '<tr><td>Kari Nordmann</td><td>kari@voss.kommune.no</td>'.repeat(n / 50),
    () => '<!--' + '-'.repeat(n) + '<script>' + '<'.repeat(n) + '<style>{',
    () => '<p>Hei<br><br/><img src=x onerror=1>' + '<b><i><u>'.repeat(n / 10),
    () => '<div id="divRplyFwdMsg">' + '<hr>'.repeat(n / 4) + '<div class="gmail_quote">',
  ];
  return `<html><body>${rng.pick(pieces)()}`;
}
