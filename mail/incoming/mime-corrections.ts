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
