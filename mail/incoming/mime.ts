// A small synchronous MIME reader: raw RFC 5322 message → headers, addresses, text and
// HTML bodies, attachments noted, and for delivery reports the status part and the
// returned message's headers. postal-mime's parser is asynchronous, so the tree is walked
// here (synchronously, so `understandReply` stays a pure function); its address parser is
// borrowed. Charsets are decoded by hand where Node 20's TextDecoder gets windows-1252 wrong.
import { createHash } from 'node:crypto';
import PostalMime from 'postal-mime';
import type { Address, Instant } from '../../domain/types';
import {
  boundText,
  MAX_BOUNDARY_CHARS,
  MAX_HEADER_CHARS,
  MAX_HTML_CHARS,
  MAX_MIME_DEPTH,
  MAX_PARTS,
} from './limits';

export interface MimeHeader {
  /** Lower-case field name. */
  key: string;
  /** Unfolded value, 8-bit bytes decoded as UTF-8 (or windows-1252), encoded words left as sent. */
  value: string;
}

export interface MimePart {
  headers: MimeHeader[];
  /** Lower-case `type/subtype`; `text/plain` when absent (or a multipart that cannot be split). */
  contentType: string;
  /** The type the header declared, before any fallback. */
  declaredType: string;
  params: Record<string, string>;
  disposition: 'inline' | 'attachment' | null;
  filename: string | null;
  /** Body with the transfer encoding removed (not yet charset-decoded). */
  body: Buffer;
  children: MimePart[];
  /** For `message/rfc822` (and `text/rfc822-headers`): the enclosed message. */
  message: MimePart | null;
}

export interface AttachmentNote {
  filename: string | null;
  contentType: string;
  size: number;
}

export interface DeliveryReport {
  /** `report-type` of a multipart/report: `delivery-status`, `disposition-notification`, … */
  reportType: string | null;
  /** Text of the `message/delivery-status` (or disposition-notification) part. */
  status: string | null;
}

export interface ReturnedMessage {
  headers: MimeHeader[];
  messageId: string | null;
  subject: string | null;
}

export interface ParsedMime {
  headers: MimeHeader[];
  from: Address | null;
  to: Address[];
  cc: Address[];
  replyTo: Address[];
  subject: string;
  date: Instant | null;
  /** With angle brackets; synthesised from a hash of the message when it has none. */
  messageId: string;
  hasMessageId: boolean;
  inReplyTo: string | null;
  references: string[];
  /** The readable text/plain body parts, joined. */
  text: string | null;
  /** The readable text/html body parts, joined. */
  html: string | null;
  attachments: AttachmentNote[];
  /** Whether the text or the HTML body was longer than the reader reads (see limits.ts). */
  truncated: { text: boolean; html: boolean };
  report: DeliveryReport | null;
  /** The first enclosed message (message/rfc822 or text/rfc822-headers) anywhere in the tree. */
  returned: ReturnedMessage | null;
  root: MimePart;
}

const MAX_DEPTH = MAX_MIME_DEPTH;

/** All values of a header, in order. */
export function headerValues(headers: MimeHeader[], name: string): string[] {
  const key = name.toLowerCase();
  return headers.filter((h) => h.key === key).map((h) => h.value);
}

/** The first value of a header, or null. */
export function headerValue(headers: MimeHeader[], name: string): string | null {
  const key = name.toLowerCase();
  const found = headers.find((h) => h.key === key);
  return found ? found.value : null;
}

const ENCODED_WORD = /=\?([^?\s]+)\?([QqBb])\?([^?\s]*)\?=/g;

function encodedWordBytes(encoding: string, text: string): Buffer {
  if (encoding.toUpperCase() === 'B')
    return Buffer.from(text.replace(/[^A-Za-z0-9+/=]/g, ''), 'base64');
  return decodeQuotedPrintable(text.replace(/_/g, ' '));
}

/**
 * RFC 2047 encoded words decoded; never throws. Adjacent words in one charset are joined
 * as bytes first, so a character split across two words (UTF-8, ISO-2022-JP) survives.
 */
export function decodeEncodedWords(value: string): string {
  if (!value.includes('=?')) return value;
  try {
    const pieces: { charset: string | null; bytes: Buffer | null; text: string }[] = [];
    let last = 0;
    for (const m of value.matchAll(ENCODED_WORD)) {
      const between = value.slice(last, m.index);
      const previous = pieces[pieces.length - 1];
      // White space between two encoded words is not part of the text.
      if (between && !(previous?.charset && /^\s+$/.test(between)))
        pieces.push({ charset: null, bytes: null, text: between });
      const charset = m[1].split('*')[0].toLowerCase();
      const bytes = encodedWordBytes(m[2], m[3]);
      const prev = pieces[pieces.length - 1];
      if (prev && prev.charset === charset && prev.bytes)
        prev.bytes = Buffer.concat([prev.bytes, bytes]);
      else pieces.push({ charset, bytes, text: '' });
      last = m.index! + m[0].length;
    }
    if (last < value.length) pieces.push({ charset: null, bytes: null, text: value.slice(last) });
    return pieces.map((p) => (p.bytes ? decodeCharset(p.bytes, p.charset) : p.text)).join('');
  } catch {
    return value;
  }
}

// Node 20's TextDecoder reads windows-1252 (and the labels WHATWG maps to it, such as
// iso-8859-1) as plain Latin-1, losing «–», «€», curly quotes and the like in 0x80–0x9F.
const CP1252_HIGH = [
  0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039,
  0x0152, 0x008d, 0x017d, 0x008f, 0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
  0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178,
];
const WINDOWS_1252_LABELS = new Set([
  'windows-1252',
  'cp1252',
  'x-cp1252',
  'iso-8859-1',
  'iso8859-1',
  'iso_8859-1',
  'latin1',
  'l1',
  'ascii',
  'us-ascii',
  'ansi_x3.4-1968',
  'cp819',
  'ibm819',
  'iso-ir-100',
  'csisolatin1',
  'iso-8859-1:1987',
]);

/** windows-1252 bytes as text, done by hand (see above). */
export function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    const codes = Array.from(chunk, (b) => (b >= 0x80 && b < 0xa0 ? CP1252_HIGH[b - 0x80] : b));
    out += String.fromCharCode(...codes);
  }
  return out;
}

/** Text without NUL characters: no mail program writes one, and nothing downstream wants one. */
function withoutNul(text: string): string {
  return text.includes('\0') ? text.replace(/\0/g, '') : text;
}

/** Bytes as text in a charset (NUL characters dropped); unknown or broken labels fall back sensibly. */
export function decodeCharset(bytes: Buffer, charset: string | null | undefined): string {
  return withoutNul(decodeCharsetAsIs(bytes, charset));
}

function decodeCharsetAsIs(bytes: Buffer, charset: string | null | undefined): string {
  let label = (charset ?? '')
    .trim()
    .toLowerCase()
    .replace(/^["']|["']$/g, '');
  if (!label || label === 'us-ascii' || label === 'ascii' || label === 'ansi_x3.4-1968') {
    label = isUtf8(bytes) ? 'utf-8' : 'windows-1252';
  }
  if (label === 'utf8') label = 'utf-8';
  if (label === 'latin-1') label = 'latin1';
  if (WINDOWS_1252_LABELS.has(label)) return decodeWindows1252(bytes);
  let decoder: InstanceType<typeof TextDecoder>;
  try {
    decoder = new TextDecoder(label);
  } catch {
    if (!isUtf8(bytes)) return decodeWindows1252(bytes);
    decoder = new TextDecoder('utf-8');
  }
  const text = decoder.decode(bytes);
  // A part labelled UTF-8 that is not: the sender's client lied, windows-1252 is the usual truth.
  if (decoder.encoding === 'utf-8' && text.includes('\uFFFD') && !isUtf8(bytes)) {
    return decodeWindows1252(bytes);
  }
  return text;
}

function isUtf8(bytes: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** A header's raw bytes (latin1 string) as Unicode: UTF-8 when valid, else windows-1252. */
function decodeHeaderBytes(latin1: string): string {
  if (!/[\x80-\xff]/.test(latin1)) return latin1;
  const bytes = Buffer.from(latin1, 'latin1');
  return isUtf8(bytes) ? bytes.toString('utf8') : decodeWindows1252(bytes);
}

function splitHeaderBody(raw: string): { head: string; body: string } {
  const m = /\r?\n\r?\n/.exec(raw);
  if (!m) {
    // Headers only, or a body with no header at all.
    return /^[\w-]+:/.test(raw) ? { head: raw, body: '' } : { head: '', body: raw };
  }
  return { head: raw.slice(0, m.index), body: raw.slice(m.index + m[0].length) };
}

/** Unfolded header fields from a header block (latin1 string). */
export function parseHeaderBlock(head: string): MimeHeader[] {
  const headers: MimeHeader[] = [];
  const lines = head.split(/\r?\n/);
  let start = 0;
  // An mbox "From " envelope line is not a header.
  if (lines.length && /^From /.test(lines[0])) start = 1;
  let current: string | null = null;
  const flush = () => {
    if (current === null) return;
    const colon = current.indexOf(':');
    if (colon > 0) {
      const key = current.slice(0, colon).trim().toLowerCase();
      if (/^[\x21-\x39\x3b-\x7e]+$/.test(key)) {
        // A field of megabytes is no header a mail program wrote: read its start only.
        const value = current.slice(colon + 1, colon + 1 + MAX_HEADER_CHARS).trim();
        headers.push({ key, value: withoutNul(decodeHeaderBytes(value)) });
      }
    }
    current = null;
  };
  for (let i = start; i < lines.length; i++) {
    const line = lines[i];
    if (/^[ \t]/.test(line) && current !== null) {
      current += ' ' + line.trim();
    } else {
      flush();
      current = line;
    }
  }
  flush();
  return headers;
}

/** `type/subtype; a=b; c="d"` → value and parameters (RFC 2231 continuations and charsets). */
export function parseStructuredHeader(value: string | null): {
  value: string;
  params: Record<string, string>;
} {
  if (!value) return { value: '', params: {} };
  const parts: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < value.length; i++) {
    const ch = value[i];
    if (ch === '"') quoted = !quoted;
    if (ch === '\\' && quoted && i + 1 < value.length) {
      cur += value[++i];
      continue;
    }
    if (ch === ';' && !quoted) {
      parts.push(cur);
      cur = '';
      continue;
    }
    cur += ch;
  }
  parts.push(cur);
  const main = parts.shift()!.trim().toLowerCase();
  const raw: Record<string, string> = {};
  for (const p of parts) {
    const eq = p.indexOf('=');
    if (eq < 0) continue;
    const k = p.slice(0, eq).trim().toLowerCase();
    let v = p.slice(eq + 1).trim();
    if (v.startsWith('"') && v.endsWith('"') && v.length >= 2) v = v.slice(1, -1);
    raw[k] = v;
  }
  // RFC 2231: name*0*=utf-8''…, name*1*=…, name*=utf-8''…
  const params: Record<string, string> = {};
  const continued: Record<string, { idx: number; v: string; enc: boolean }[]> = {};
  for (const [k, v] of Object.entries(raw)) {
    const m = /^([^*]+)\*(?:(\d+)\*?|)$/.exec(k);
    if (m && k.includes('*')) {
      const enc = k.endsWith('*');
      (continued[m[1]] ??= []).push({ idx: m[2] ? Number(m[2]) : 0, v, enc });
    } else {
      params[k] = decodeEncodedWords(v);
    }
  }
  for (const [name, pieces] of Object.entries(continued)) {
    pieces.sort((a, b) => a.idx - b.idx);
    let charset = 'utf-8';
    const bytes: number[] = [];
    pieces.forEach((piece, n) => {
      let v = piece.v;
      if (n === 0 && piece.enc) {
        const m = /^([^']*)'[^']*'(.*)$/.exec(v);
        if (m) {
          charset = m[1] || 'utf-8';
          v = m[2];
        }
      }
      if (piece.enc) {
        for (let i = 0; i < v.length; i++) {
          if (v[i] === '%' && /^[0-9a-f]{2}$/i.test(v.slice(i + 1, i + 3))) {
            bytes.push(parseInt(v.slice(i + 1, i + 3), 16));
            i += 2;
          } else bytes.push(v.charCodeAt(i) & 0xff);
        }
      } else {
        for (const b of Buffer.from(v, 'utf8')) bytes.push(b);
      }
    });
    params[name] = decodeCharset(Buffer.from(bytes), charset);
  }
  return { value: main, params };
}

/** Quoted-printable → bytes. Lenient: a stray `=` stays as it is. */
export function decodeQuotedPrintable(input: string): Buffer {
  const out: number[] = [];
  const text = input.replace(/[ \t]+(\r?\n)/g, '$1');
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 0x3d /* = */) {
      const next = text.slice(i + 1, i + 3);
      if (/^[0-9A-Fa-f]{2}$/.test(next)) {
        out.push(parseInt(next, 16));
        i += 2;
        continue;
      }
      if (text[i + 1] === '\n') {
        i += 1;
        continue;
      }
      if (text[i + 1] === '\r' && text[i + 2] === '\n') {
        i += 2;
        continue;
      }
      if (i === text.length - 1) continue;
    }
    out.push(ch & 0xff);
  }
  return Buffer.from(out);
}

function decodeTransfer(body: string, encoding: string | null): Buffer {
  const enc = (encoding ?? '').trim().toLowerCase();
  if (enc === 'base64') return Buffer.from(body.replace(/[^A-Za-z0-9+/=]/g, ''), 'base64');
  if (enc === 'quoted-printable') return decodeQuotedPrintable(body);
  return Buffer.from(body, 'latin1');
}

/** How many more parts one message may have: a hostile message can declare thousands. */
interface PartBudget {
  left: number;
}

function parsePart(
  raw: string,
  depth: number,
  budget: PartBudget,
  defaultType = 'text/plain',
): MimePart {
  budget.left -= 1;
  const { head, body } = splitHeaderBody(raw);
  const headers = parseHeaderBlock(head);
  const ct = parseStructuredHeader(headerValue(headers, 'content-type'));
  const contentType = /^[\w.+-]+\/[\w.+-]+$/.test(ct.value) ? ct.value : defaultType;
  const cd = parseStructuredHeader(headerValue(headers, 'content-disposition'));
  const disposition =
    cd.value === 'attachment' ? 'attachment' : cd.value === 'inline' ? 'inline' : null;
  const filename = cd.params['filename'] ?? ct.params['name'] ?? null;
  const part: MimePart = {
    headers,
    contentType,
    declaredType: contentType,
    params: ct.params,
    disposition,
    filename: filename ? filename.trim() : null,
    body: Buffer.alloc(0),
    children: [],
    message: null,
  };
  const boundary = ct.params['boundary'];
  if (contentType.startsWith('multipart/')) {
    // RFC 2046 allows 70 characters in a boundary; a longer one is not split on (a boundary
    // of 100 KB made the delimiter pattern too large for the regular expression engine).
    const chunks =
      boundary && boundary.length <= MAX_BOUNDARY_CHARS && depth < MAX_DEPTH && budget.left > 0
        ? splitMultipart(body, boundary)
        : [];
    if (chunks.length) {
      const childDefault = contentType === 'multipart/digest' ? 'message/rfc822' : 'text/plain';
      for (const chunk of chunks.slice(0, Math.max(budget.left, 0)))
        part.children.push(parsePart(chunk, depth + 1, budget, childDefault));
      part.body = Buffer.from(body, 'latin1');
      return part;
    }
    // A multipart whose boundary is missing or never occurs: read the body as plain text.
    part.contentType = 'text/plain';
  }
  part.body = decodeTransfer(body, headerValue(headers, 'content-transfer-encoding'));
  const isMessage =
    contentType === 'message/rfc822' ||
    contentType === 'message/global' ||
    contentType === 'text/rfc822-headers' ||
    contentType === 'message/rfc822-headers' ||
    contentType === 'message/global-headers';
  if (isMessage && depth < MAX_DEPTH) {
    const inner = part.body.toString('latin1');
    part.message = contentType.endsWith('headers')
      ? { ...parsePart(inner + '\n\n', depth + 1, budget), children: [] }
      : parsePart(inner, depth + 1, budget);
  }
  return part;
}

function splitMultipart(body: string, boundary: string): string[] {
  const escaped = boundary.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const delimiter = new RegExp(`(?:^|\\r?\\n)--${escaped}(--)?[ \\t]*(?=\\r?\\n|$)`, 'g');
  const chunks: string[] = [];
  let last = -1;
  let m: RegExpExecArray | null;
  while ((m = delimiter.exec(body))) {
    if (last >= 0) chunks.push(body.slice(last, m.index));
    if (m[1]) {
      last = -1;
      break;
    }
    // Skip the line break that ends the delimiter line.
    const after = body.slice(delimiter.lastIndex);
    last = delimiter.lastIndex + (after.startsWith('\r\n') ? 2 : after.startsWith('\n') ? 1 : 0);
  }
  // A missing closing delimiter: the last part runs to the end.
  if (last >= 0 && last <= body.length) chunks.push(body.slice(last));
  return chunks;
}

/** Undo format=flowed (RFC 3676): soft line breaks end in a space. */
export function unflow(text: string, delsp: boolean): string {
  const lines = text.split('\n');
  const out: string[] = [];
  let buffer: string | null = null;
  let bufferDepth = 0;
  for (const rawLine of lines) {
    const line = rawLine.replace(/\r$/, '');
    const depthMatch = /^>+/.exec(line);
    const depth = depthMatch ? depthMatch[0].length : 0;
    let content = depth ? line.slice(depth) : line;
    if (content.startsWith(' ')) content = content.slice(1); // space-stuffing
    if (buffer !== null && depth !== bufferDepth) {
      out.push(buffer);
      buffer = null;
    }
    const soft = content.endsWith(' ') && content !== '-- ';
    const piece = soft && delsp ? content.slice(0, -1) : content;
    if (buffer === null) {
      buffer = (depth ? '>'.repeat(depth) + ' ' : '') + piece;
      bufferDepth = depth;
    } else {
      buffer += piece;
    }
    if (!soft) {
      out.push(buffer);
      buffer = null;
    }
  }
  if (buffer !== null) out.push(buffer);
  return out.join('\n');
}

function partText(part: MimePart): string {
  let text = decodeCharset(part.body, part.params['charset']).replace(/\r\n?/g, '\n');
  if ((part.params['format'] ?? '').toLowerCase() === 'flowed') {
    text = unflow(text, (part.params['delsp'] ?? '').toLowerCase() === 'yes');
  }
  return text;
}

function isAttachment(part: MimePart): boolean {
  if (part.disposition === 'attachment') return true;
  if (part.filename && !part.contentType.startsWith('text/')) return true;
  return part.filename !== null && part.disposition !== 'inline';
}

interface Collected {
  text: string[];
  html: string[];
  attachments: AttachmentNote[];
  report: DeliveryReport | null;
  returned: MimePart | null;
}

function collect(part: MimePart, out: Collected): void {
  const type = part.contentType;
  if (part.declaredType === 'multipart/report' && type !== 'multipart/report') {
    out.report ??= {
      reportType: (part.params['report-type'] ?? '').toLowerCase() || null,
      status: null,
    };
  }
  if (type.startsWith('multipart/')) {
    if (type === 'multipart/report') {
      out.report ??= {
        reportType: (part.params['report-type'] ?? '').toLowerCase() || null,
        status: null,
      };
    }
    if (type === 'multipart/alternative') {
      // One rendering of each kind: the last that has it (richest last, RFC 2046).
      const renderings = part.children.map((c) => {
        const sub: Collected = {
          text: [],
          html: [],
          attachments: [],
          report: null,
          returned: null,
        };
        collect(c, sub);
        return sub;
      });
      const plain = [...renderings].reverse().find((r) => r.text.length);
      const html = [...renderings].reverse().find((r) => r.html.length);
      if (plain) out.text.push(...plain.text);
      if (html) out.html.push(...html.html);
      for (const r of renderings) {
        out.attachments.push(...r.attachments);
        out.report ??= r.report;
        out.returned ??= r.returned;
      }
      return;
    }
    for (const c of part.children) collect(c, out);
    return;
  }
  if (
    type === 'message/delivery-status' ||
    type === 'message/global-delivery-status' ||
    type === 'message/disposition-notification' ||
    type === 'message/global-disposition-notification'
  ) {
    out.report ??= { reportType: null, status: null };
    if (out.report.status === null) out.report.status = partText(part);
    if (out.report.reportType === null) {
      out.report.reportType = type.includes('disposition')
        ? 'disposition-notification'
        : 'delivery-status';
    }
    noteAttachment(part, out);
    return;
  }
  if (part.message) {
    out.returned ??= part;
    noteAttachment(part, out);
    return;
  }
  if ((type === 'text/plain' || type === 'text/html') && !isAttachment(part)) {
    (type === 'text/plain' ? out.text : out.html).push(partText(part));
    return;
  }
  noteAttachment(part, out);
}

function noteAttachment(part: MimePart, out: Collected): void {
  out.attachments.push({
    filename: part.filename,
    contentType: part.contentType,
    size: part.body.length,
  });
}

function toAddress(
  a: { name?: string; address?: string; group?: unknown[] } | undefined,
): Address | null {
  if (!a || !a.address) return null;
  return { name: a.name ? a.name.trim() || null : null, address: a.address.trim() };
}

/** Addresses in an address header (groups flattened). */
export function parseAddresses(value: string | null): Address[] {
  if (!value) return [];
  try {
    const list = PostalMime.addressParser(value) as {
      name?: string;
      address?: string;
      group?: { name?: string; address?: string }[];
    }[];
    const out: Address[] = [];
    for (const item of list) {
      if (item.group) item.group.forEach((g) => toAddress(g) && out.push(toAddress(g)!));
      else {
        const a = toAddress(item);
        if (a) out.push(a);
      }
    }
    // postal-mime decodes encoded words itself, in any charset: NULs may come out of it too.
    return out.map((a) => ({
      address: withoutNul(a.address),
      name: a.name ? withoutNul(decodeEncodedWords(a.name)) : null,
    }));
  } catch {
    return [];
  }
}

/** Message-IDs in a header (`<a@b> <c@d>`), brackets kept. */
export function parseMessageIds(value: string | null): string[] {
  if (!value) return [];
  const ids = value.match(/<[^<>\s]+>/g);
  if (ids) return ids;
  const bare = value
    .trim()
    .split(/\s+/)
    .filter((s) => s.includes('@'));
  return bare.map((s) => `<${s.replace(/^<|>$/g, '')}>`);
}

/** RFC 5322 date → ISO instant, or null. */
export function parseDate(value: string | null): Instant | null {
  if (!value) return null;
  const cleaned = value
    // `[^()]`: a run of «(» with no «)» is not scanned again from each bracket (quadratic).
    .replace(/\([^()]*\)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  let t = Date.parse(cleaned);
  if (Number.isNaN(t)) {
    // "Thu, 29 Apr 2005 23:34:45 +0900 JST" and other trailing zone names.
    t = Date.parse(cleaned.replace(/\s+[A-Z]{2,5}$/, ''));
  }
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

function toLatin1(raw: Buffer | string): string {
  if (typeof raw !== 'string') return raw.toString('latin1');
  // A string is text already: keep its characters as UTF-8 bytes, like a file on disk.
  // eslint-disable-next-line no-control-regex
  return /[^\x00-\x7f]/.test(raw) ? Buffer.from(raw, 'utf8').toString('latin1') : raw;
}

/** Parse a raw message. Never throws on malformed input; returns what can be read. */
export function parseMime(raw: Buffer | string): ParsedMime {
  const latin1 = toLatin1(raw);
  const root = parsePart(latin1, 0, { left: MAX_PARTS });
  const headers = root.headers;
  const collected: Collected = {
    text: [],
    html: [],
    attachments: [],
    report: null,
    returned: null,
  };
  collect(root, collected);
  // Bounded here, so every reading downstream (trimming, bounces, participants) is too.
  const text = collected.text.length ? boundText(collected.text.join('\n')) : null;
  const fullHtml = collected.html.length ? collected.html.join('\n') : null;
  const html = fullHtml !== null ? fullHtml.slice(0, MAX_HTML_CHARS) : null;

  const messageIds = parseMessageIds(headerValue(headers, 'message-id'));
  const messageId =
    messageIds[0] ??
    `<generated.${createHash('sha1').update(latin1, 'latin1').digest('hex').slice(0, 24)}@nettverk.invalid>`;

  let returned: ReturnedMessage | null = null;
  if (collected.returned?.message) {
    const h = collected.returned.message.headers;
    returned = {
      headers: h,
      messageId: parseMessageIds(headerValue(h, 'message-id'))[0] ?? null,
      subject:
        headerValue(h, 'subject') !== null ? decodeEncodedWords(headerValue(h, 'subject')!) : null,
    };
  }

  return {
    headers,
    from: parseAddresses(headerValue(headers, 'from'))[0] ?? null,
    to: parseAddresses(headerValue(headers, 'to')),
    cc: parseAddresses(headerValue(headers, 'cc')),
    replyTo: parseAddresses(headerValue(headers, 'reply-to')),
    subject: decodeEncodedWords(headerValue(headers, 'subject') ?? '')
      .replace(/\s+/g, ' ')
      .trim(),
    date: parseDate(headerValue(headers, 'date')),
    messageId,
    hasMessageId: messageIds.length > 0,
    inReplyTo: parseMessageIds(headerValue(headers, 'in-reply-to'))[0] ?? null,
    references: parseMessageIds(headerValues(headers, 'references').join(' ')),
    text: text ? text.text : null,
    html,
    attachments: collected.attachments,
    truncated: {
      text: !!text?.truncated,
      html: fullHtml !== null && fullHtml.length > MAX_HTML_CHARS,
    },
    report: collected.report,
    returned,
    root,
  };
}
