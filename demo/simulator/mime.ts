// Writing MIME by hand, the way mail programs do: quoted-printable and base64 bodies in
// UTF-8, windows-1252 or ISO-8859-1, RFC 2047 encoded words, folded headers, RFC 5322 dates,
// format=flowed. nodemailer only speaks UTF-8; Outlook 2010 and Thunderbird did not.
import crypto from 'node:crypto';
import type { Instant } from '../../domain/types';
import { instantMs, osloOffsetMs } from '../../domain/time';

export type Charset = 'utf-8' | 'windows-1252' | 'iso-8859-1';

const CP1252_HIGH: Record<string, number> = {
  '€': 0x80,
  '‚': 0x82,
  ƒ: 0x83,
  '„': 0x84,
  '…': 0x85,
  '†': 0x86,
  '‡': 0x87,
  ˆ: 0x88,
  '‰': 0x89,
  Š: 0x8a,
  '‹': 0x8b,
  Œ: 0x8c,
  Ž: 0x8e,
  '‘': 0x91,
  '’': 0x92,
  '“': 0x93,
  '”': 0x94,
  '•': 0x95,
  '–': 0x96,
  '—': 0x97,
  '˜': 0x98,
  '™': 0x99,
  š: 0x9a,
  '›': 0x9b,
  œ: 0x9c,
  ž: 0x9e,
  Ÿ: 0x9f,
};

/** What a Latin-1 program writes for characters it does not have. */
const LATIN1_FALLBACK: Record<string, string> = {
  '–': '-',
  '—': '-',
  '‘': "'",
  '’': "'",
  '“': '"',
  '”': '"',
  '„': '"',
  '…': '...',
  '•': '*',
  '€': 'EUR',
  '\u00a0': ' ',
};

export function encodeText(text: string, charset: Charset): Buffer {
  if (charset === 'utf-8') return Buffer.from(text, 'utf8');
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) bytes.push(code);
    else if (charset === 'windows-1252' && CP1252_HIGH[ch] !== undefined)
      bytes.push(CP1252_HIGH[ch]);
    else {
      const fallback = LATIN1_FALLBACK[ch] ?? '?';
      for (const c of fallback) bytes.push(c.charCodeAt(0));
    }
  }
  return Buffer.from(bytes);
}

/** Line endings as SMTP wants them. */
export const crlf = (text: string): string => text.replace(/\r?\n/g, '\r\n');

/** Quoted-printable (RFC 2045): hard line breaks kept, soft breaks before column 76. */
export function quotedPrintable(text: string, charset: Charset): string {
  const out: string[] = [];
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    const bytes = encodeText(line, charset);
    const tokens: string[] = [];
    bytes.forEach((b, i) => {
      const last = i === bytes.length - 1;
      const printable = (b >= 33 && b <= 126 && b !== 61) || ((b === 32 || b === 9) && !last);
      tokens.push(
        printable ? String.fromCharCode(b) : `=${b.toString(16).toUpperCase().padStart(2, '0')}`,
      );
    });
    let current = '';
    for (const t of tokens) {
      if (current.length + t.length > 75) {
        out.push(`${current}=`);
        current = '';
      }
      current += t;
    }
    out.push(current);
  }
  return out.join('\r\n');
}

export function base64Lines(data: Buffer): string {
  return (data.toString('base64').match(/.{1,76}/g) ?? ['']).join('\r\n');
}

const Q_SAFE = /^[A-Za-z0-9!*+\-/]$/;

/**
 * A header value as RFC 2047 encoded words when it needs them (`Q` the way Outlook and
 * Thunderbird write, `B` the way Exchange and Gmail often do), folded at 78 columns.
 */
export function encodeWords(value: string, charset: Charset, mode: 'Q' | 'B' = 'Q'): string {
  if (/^[\x20-\x7e]*$/.test(value)) return value;
  const label = charset === 'utf-8' ? 'utf-8' : charset;
  const prefix = `=?${label}?${mode}?`;
  const words: string[] = [];
  if (mode === 'B') {
    // Whole characters per word: never split a UTF-8 sequence.
    let chunk = '';
    for (const ch of value) {
      const next = chunk + ch;
      if (Math.ceil(encodeText(next, charset).length / 3) * 4 + prefix.length + 2 > 75) {
        words.push(`${prefix}${encodeText(chunk, charset).toString('base64')}?=`);
        chunk = ch;
      } else chunk = next;
    }
    if (chunk) words.push(`${prefix}${encodeText(chunk, charset).toString('base64')}?=`);
  } else {
    let chunk = '';
    for (const ch of value) {
      const enc =
        ch === ' '
          ? '_'
          : Q_SAFE.test(ch)
            ? ch
            : [...encodeText(ch, charset)]
                .map((b) => `=${b.toString(16).toUpperCase().padStart(2, '0')}`)
                .join('');
      if (prefix.length + chunk.length + enc.length + 2 > 75) {
        words.push(`${prefix}${chunk}?=`);
        chunk = '';
      }
      chunk += enc;
    }
    if (chunk) words.push(`${prefix}${chunk}?=`);
  }
  return words.join('\r\n ');
}

/** `Name <address>`, the name quoted or encoded as needed. */
export function mailbox(
  name: string | null,
  address: string,
  charset: Charset,
  mode: 'Q' | 'B' = 'Q',
): string {
  if (!name) return `<${address}>`;
  if (/^[\x20-\x7e]*$/.test(name)) {
    return /[(),.:;<>@[\]"\\]/.test(name)
      ? `"${name.replace(/(["\\])/g, '\\$1')}" <${address}>`
      : `${name} <${address}>`;
  }
  return `${encodeWords(name, charset, mode)} <${address}>`;
}

/** A header block: CRLF-terminated lines, long plain values folded at white space. */
export function headerBlock(headers: [string, string][]): string {
  return headers
    .map(([name, value]) => {
      const line = `${name}: ${value}`;
      if (line.length <= 78 || value.includes('\r\n')) return line;
      const out: string[] = [];
      let current = '';
      for (const word of line.split(' ')) {
        if (current && current.length + word.length + 1 > 78) {
          out.push(current);
          current = ` ${word}`;
        } else current = current ? `${current} ${word}` : word;
      }
      out.push(current);
      return out.join('\r\n');
    })
    .join('\r\n');
}

/** English day and month names: RFC 5322 dates use their first three letters. */
export const ENGLISH_DAYS = [
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
] as const;
export const ENGLISH_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** `Tue, 23 Apr 2013 09:00:00 +0200`: in Oslo time, or in UTC the way Exchange writes it. */
export function rfc5322Date(instant: Instant, zone: 'oslo' | 'utc' = 'oslo'): string {
  const ms = instantMs(instant);
  const offset = zone === 'oslo' ? osloOffsetMs(ms) : 0;
  const d = new Date(ms + offset);
  const pad = (n: number) => String(n).padStart(2, '0');
  const sign = offset >= 0 ? '+' : '-';
  const hours = Math.floor(Math.abs(offset) / 3_600_000);
  return `${ENGLISH_DAYS[d.getUTCDay()].slice(0, 3)}, ${d.getUTCDate()} ${ENGLISH_MONTHS[d.getUTCMonth()].slice(0, 3)} ${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} ${sign}${pad(hours)}00`;
}

export const hex = (bytes: number, upper = false): string => {
  const h = crypto.randomBytes(bytes).toString('hex');
  return upper ? h.toUpperCase() : h;
};

export function uuid(): string {
  return crypto.randomUUID().toUpperCase();
}

/**
 * format=flowed (RFC 3676) the way Thunderbird writes it: long lines wrapped at 72 with a
 * trailing space at each soft break, space-stuffing, the signature separator kept as is.
 */
export function flowed(text: string, width = 72): string {
  const out: string[] = [];
  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    if (raw === '-- ') {
      out.push(raw);
      continue;
    }
    const quote = /^>+ ?/.exec(raw)?.[0] ?? '';
    let line = raw.slice(quote.length).replace(/ +$/, '');
    if (!quote && (line.startsWith(' ') || line.startsWith('From ') || line.startsWith('>')))
      line = ` ${line}`;
    if (quote || line.length <= width) {
      out.push(quote + line);
      continue;
    }
    let rest = line;
    while (rest.length > width) {
      let cut = rest.lastIndexOf(' ', width);
      if (cut <= 0) cut = rest.indexOf(' ', width);
      if (cut <= 0) break;
      out.push(`${rest.slice(0, cut)} `);
      rest = rest.slice(cut + 1);
    }
    out.push(rest);
  }
  return out.join('\n');
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** The inside of an HTML document's body (what a reply quotes), or the text as HTML. */
export function bodyHtml(html: string | null, text: string): string {
  if (html) {
    const m = /<body[^>]*>([\s\S]*?)<\/body>/i.exec(html);
    if (m) return m[1].trim();
    return html.replace(/<!DOCTYPE[^>]*>|<\/?html[^>]*>|<head>[\s\S]*?<\/head>/gi, '').trim();
  }
  return escapeHtml(text).replace(/\r?\n/g, '<br>\r\n');
}
