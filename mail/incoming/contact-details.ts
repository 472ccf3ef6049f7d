// E-mail addresses and phone numbers in the text of a reply, as Norwegian municipalities write
// them.

export const EMAIL_SOURCE =
  "[A-Za-z0-9._%+'-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\\.[A-Za-z]{2,}";
// Searching, an address starts where a run of address characters starts: without the
// look-behind, a long run with no @ in it («aaaa…», «____…») is scanned again from each of its
// characters (quadratic). An address glued to what precedes it was never one to read.
const EMAIL_START = "(?<![A-Za-z0-9._%+'-])";
export const EMAIL_RE = new RegExp(EMAIL_START + EMAIL_SOURCE);
export const EMAIL_RE_G = new RegExp(EMAIL_START + EMAIL_SOURCE, 'g');

/** The e-mail addresses in a text, lower-cased, in order, without duplicates. */
export function findEmails(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(EMAIL_RE_G)) {
    const e = m[0].replace(/^[.'-]+|[.'-]+$/g, '').toLowerCase();
    if (!out.includes(e)) out.push(e);
  }
  return out;
}

// Norwegian numbers: 8 digits written 99887766, 99 88 77 66, 998 87 766, 22 33 44 55, with
// an optional +47 / 0047; foreign numbers with a + and 7–15 digits.
const PHONE_SOURCE =
  '(?<![\\w@.])(?:(?:\\+|00)\\s?47[\\s.-]?)?(?:\\d{8}|\\d{2}(?:[\\s.-]?\\d{2}){3}|\\d{3}[\\s.-]?\\d{2}[\\s.-]?\\d{3}|\\d{4}[\\s.-]?\\d{4})(?![\\w@])|(?<![\\w@])\\+\\d{1,3}[\\s.-]?\\d{2,4}(?:[\\s.-]?\\d{2,4}){1,4}(?![\\w@])';
export const PHONE_RE = new RegExp(PHONE_SOURCE);
export const PHONE_RE_G = new RegExp(PHONE_SOURCE, 'g');

/** The first phone number in a text, as written (spaces normalised), or null. */
export function findPhone(text: string): string | null {
  for (const m of text.matchAll(PHONE_RE_G)) {
    const digits = m[0].replace(/\D/g, '');
    // Not a year range, date or postcode pair.
    if (digits.length < 8) continue;
    if (/^(19|20)\d{2}(19|20)\d{2}$/.test(digits)) continue;
    return m[0].replace(/\s+/g, ' ').trim();
  }
  return null;
}
