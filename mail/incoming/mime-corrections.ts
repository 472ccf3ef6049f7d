// What postal-mime (4.0.0) reads wrong, put right after it has read a message. Each
// correction is small, has its own test (test/unit/incoming/mime-corrections.test.ts), and
// names the library behaviour it corrects, so it can go when the library reads it right.

// Node 20's TextDecoder reads windows-1252 (and iso-8859-1, us-ascii, which WHATWG maps to
// it) as plain Latin-1: bytes 0x80–0x9F come out as the C1 control characters U+0080–U+009F
// instead of «€», «–», «—», curly quotes and the like. No mail program writes a C1 control
// in text, so any in the decoded text stands for a windows-1252 byte. (Five of the 32 bytes
// are undefined in windows-1252; they stay as they are.)
const CP1252_HIGH = [
  0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039,
  0x0152, 0x008d, 0x017d, 0x008f, 0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
  0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178,
];

const C1 = /[\u0080-\u009f]/g;

/** C1 control characters read from windows-1252 bytes as the characters they stand for. */
export function c1AsWindows1252(text: string): string {
  C1.lastIndex = 0;
  if (!C1.test(text)) return text;
  return text.replace(C1, (c) => String.fromCharCode(CP1252_HIGH[c.charCodeAt(0) - 0x80]));
}

/** Text without NUL characters: no mail program writes one, and nothing downstream wants one. */
export function withoutNul(text: string): string {
  return text.includes('\0') ? text.replace(/\0/g, '') : text;
}

/** A decoded string as the reader wants it: NULs dropped, windows-1252 read right. */
export function corrected(text: string): string {
  return c1AsWindows1252(withoutNul(text));
}

// postal-mime puts a body whose Content-Type it cannot use nowhere: a value that is no
// `type/subtype` makes the body an attachment, and a multipart without a boundary, or whose
// boundary never occurs, is read as nothing. RFC 2045 (5.2) reads such a body as text/plain,
// as the hand-written reader did; bounces from old servers (sisimai rfc3464-04) and mangled
// replies have them. Only the message's own header is looked at (parts inside are rare).
const HEADER_END = /\r?\n\r?\n/;
const CONTENT_TYPE = /^content-type[ \t]*:([^\n]*(?:\n[ \t][^\n]*)*)/im;
const TYPE = /^\s*([\w.+-]+)\/([\w.+-]+)\s*(?:;|$)/;
const BOUNDARY = /;\s*boundary\s*=\s*(?:"([^"]{1,200})"|([^\s;]{1,200}))/i;

/**
 * The message with its Content-Type header renamed when the library could not read its
 * body by it, so the body is read as text/plain; the same bytes otherwise.
 */
export function unreadableTypeAsPlain(bytes: Buffer): Buffer {
  const head = bytes.subarray(0, 256 * 1024).toString('latin1');
  const end = HEADER_END.exec(head);
  if (!end) return bytes;
  const field = CONTENT_TYPE.exec(head.slice(0, end.index));
  if (!field) return bytes;
  const value = field[1].replace(/\r?\n[ \t]/g, ' ');
  const type = TYPE.exec(value);
  let unreadable = !type;
  if (type && type[1].toLowerCase() === 'multipart') {
    const boundary = BOUNDARY.exec(value);
    const delimiter = boundary ? `--${boundary[1] ?? boundary[2]}` : null;
    unreadable = delimiter === null || bytes.indexOf(delimiter, end.index) < 0;
  }
  if (!unreadable) return bytes;
  // Same length, so nothing else moves: «Content-Type» becomes «X-Content-Typo».
  const out = Buffer.from(bytes);
  out.write('X-Content-Typo', field.index, 'latin1');
  return out;
}
