// The bytes of a file a coordinator hands us (campaign YAML, municipality CSV, a saved mail) →
// text, or one sentence saying what the file really is and how to fix it. Pure: takes a Buffer,
// so reading can move to the edge (issue 12) without touching the checks.
//
// Refusing rather than guessing: a Latin-1 roster read as UTF-8 used to turn «Kvitsøy» into
// «Kvits�y» in every mail; decoding it as Windows-1252 would mostly work, but a wrong guess is
// silent, and Excel's "CSV UTF-8" is one click away. So anything that is not UTF-8 is refused.

export type Decoded = { ok: true; text: string } | { ok: false; line: number; message: string };

export interface TextKind {
  /** What the file should be, for «…, not a CSV file». */
  name: string;
  /** How to save it properly, for «save it as UTF-8 (…)». */
  saveAs: string;
}

export const CSV: TextKind = { name: 'a CSV file', saveAs: 'in Excel: Save As › "CSV UTF-8"' };
export const YAML: TextKind = {
  name: 'a YAML text file',
  saveAs: 'in your editor: save with encoding UTF-8',
};

// Files people pick by mistake in a file dialog: what they are, by their first bytes.
const SIGNATURES: { bytes: number[]; what: string }[] = [
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: 'a GIF image' },
  { bytes: [0x25, 0x50, 0x44, 0x46], what: 'a PDF document' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'a zip archive (an Excel .xlsx workbook is one)' },
  {
    bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
    what: 'an old Office file (Excel .xls, Word .doc or Outlook .msg)',
  },
  { bytes: [0x1f, 0x8b], what: 'a gzip archive' },
];

const startsWith = (bytes: Uint8Array, prefix: number[]) =>
  bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);

const lineAt = (bytes: Uint8Array, offset: number) => {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
};

/** What a file is if it is plainly not text (a known binary format, or NUL bytes), else null. */
export function describeBinary(bytes: Uint8Array): { line: number; what: string } | null {
  const known = SIGNATURES.find((s) => startsWith(bytes, s.bytes));
  if (known) return { line: 1, what: known.what };
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    return { line: 1, what: 'saved as UTF-16 ("Unicode text")' };
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    return {
      line: lineAt(bytes, nul),
      what: `a binary file (a NUL byte at line ${lineAt(bytes, nul)}; UTF-16 without a byte order mark looks like this too)`,
    };
  }
  return null;
}

/** Offset of the first byte that does not begin a well-formed UTF-8 sequence, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    const trailing = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 ? 3 : 0;
    if (trailing === 0 || b > 0xf4) return i;
    // The second byte's range excludes overlong forms, surrogates and code points past U+10FFFF.
    const low = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
    const high = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
    if (i + trailing >= bytes.length || bytes[i + 1] < low || bytes[i + 1] > high) return i;
    for (let k = 2; k <= trailing; k++) if ((bytes[i + k] & 0xc0) !== 0x80) return i;
    i += trailing + 1;
  }
  return -1;
}

// Windows-1252's letters and punctuation at 0x80–0x9F (undefined bytes stay U+FFFD). Spelt out
// because Node 20's TextDecoder reads "windows-1252" as ISO-8859-1, giving C1 controls there.
const CP1252_HIGH = '€\ufffd‚ƒ„…†‡ˆ‰Š‹Œ\ufffdŽ\ufffd\ufffd‘’“”•–—˜™š›œ\ufffdžŸ';
const cp1252 = (bytes: Uint8Array) =>
  Array.from(bytes, (b) =>
    b >= 0x80 && b < 0xa0 ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b),
  ).join('');

/** The word around a bad byte as Windows-1252 would read it: «"Kvitsøy" read as Latin-1…». */
function asLatin1(bytes: Uint8Array, offset: number): string {
  const isWordByte = (b: number) => b >= 0x80 || /[\p{L}\p{N}'-]/u.test(String.fromCharCode(b));
  let [start, end] = [offset, offset + 1];
  while (start > 0 && offset - start < 30 && isWordByte(bytes[start - 1])) start--;
  while (end < bytes.length && end - offset < 30 && isWordByte(bytes[end])) end++;
  const word = cp1252(bytes.subarray(start, end));
  return /^[\p{L}\p{N}\p{P}\p{S} ]+$/u.test(word) && !word.includes('\ufffd')
    ? `, "${word}" read as Latin-1/Windows-1252`
    : '';
}

/** UTF-8 text (a leading byte order mark dropped), or why the bytes are not `kind`. */
export function decodeTextFile(bytes: Uint8Array, kind: TextKind): Decoded {
  const binary = describeBinary(bytes);
  if (binary) {
    const utf16 = binary.what.startsWith('saved as UTF-16');
    return {
      ok: false,
      line: binary.line,
      message: utf16
        ? `${binary.what}; save it as UTF-8 (${kind.saveAs})`
        : `${binary.what}, not ${kind.name}`,
    };
  }
  const bad = firstInvalidUtf8(bytes);
  if (bad >= 0) {
    const byte = bytes[bad].toString(16).toUpperCase().padStart(2, '0');
    const line = lineAt(bytes, bad);
    return {
      ok: false,
      line,
      message: `not UTF-8 (byte 0x${byte} at line ${line}${asLatin1(bytes, bad)}); save it as UTF-8 (${kind.saveAs})`,
    };
  }
  return { ok: true, text: new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '') };
}

// C0 controls but tab, line feed and carriage return (ordinary whitespace, normalised where
// a field is one line); DEL and the C1 controls (what Windows-1252 bytes become when misread as
// Latin-1); and the bidirectional controls, which make a name display as something it is not.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** «contains a control character (U+0007) at position 5», or null for clean text. */
export function controlCharacterIn(text: string): string | null {
  const found = CONTROL.exec(text);
  if (!found) return null;
  const code = found[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
  return `contains a control character (U+${code}) at position ${found.index + 1}; retype the text without it`;
}
