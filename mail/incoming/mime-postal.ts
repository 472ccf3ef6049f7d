// The message read by postal-mime, a maintained MIME library, into the reader's `ParsedMime`
// (issue 14). The library does the MIME: headers, multipart trees, transfer encodings,
// charsets, format=flowed, RFC 2047 words, addresses. This module bounds what it is handed
// (anyone in the world can mail the inbox: see limits.ts), maps its result, and applies the
// small corrections in mime-corrections.ts. postal-mime's parse is asynchronous, so this is.
import { createHash } from 'node:crypto';
import PostalMime from 'postal-mime';
import type { Address } from '../../domain/types';
import { corrected, unreadableTypeAsPlain, withoutNul } from './mime-corrections';
import {
  boundText,
  MAX_HEADER_CHARS,
  MAX_HEADERS_BYTES,
  MAX_HTML_CHARS,
  MAX_MESSAGE_BYTES,
  MAX_MESSAGE_LINES,
  MAX_MIME_DEPTH,
  MAX_PARTS,
} from './limits';
import {
  headerValue,
  headerValues,
  parseDate,
  parseMessageIds,
  type AttachmentNote,
  type DeliveryReport,
  type MimeHeader,
  type MimePart,
  type ParsedMime,
  type ReturnedMessage,
} from './mime';

type Email = PostalMime.Email;

const OPTIONS = {
  maxNestingDepth: MAX_MIME_DEPTH,
  maxHeadersSize: MAX_HEADERS_BYTES,
  // A returned or forwarded message is read apart (its headers), never into the body.
  forceRfc822Attachments: true,
  attachmentEncoding: 'arraybuffer',
} as const;

/**
 * The bytes handed to the library: at most MAX_MESSAGE_BYTES and MAX_MESSAGE_LINES lines, and
 * cut before the line that would open part MAX_PARTS + 1 (every part opens with a line
 * starting «--»). The library bounds nesting and header bytes itself, but not the number of
 * parts, lines or bytes.
 */
/** Blank lines kept in a row: more say nothing, and the library pays for each line. */
const MAX_BLANK_RUN = 100;

/**
 * Drops blank lines (spaces, tabs, no-break spaces, CR) past MAX_BLANK_RUN in a row: a megabyte
 * of white-space lines costs the library half a second and means nothing to a reader.
 */
function withoutLongBlankRuns(bytes: Buffer): Buffer {
  const kept: Buffer[] = [];
  let run = 0;
  let from = 0;
  let changed = false;
  for (let start = 0; start < bytes.length;) {
    const nl = bytes.indexOf(0x0a, start);
    const end = nl < 0 ? bytes.length : nl + 1;
    let blank = nl >= 0;
    for (let i = start; blank && i < nl; i++) {
      const b = bytes[i];
      if (b !== 0x20 && b !== 0x09 && b !== 0x0d && b !== 0xc2 && b !== 0xa0) blank = false;
    }
    run = blank ? run + 1 : 0;
    if (run > MAX_BLANK_RUN) {
      if (from < start) kept.push(bytes.subarray(from, start));
      from = end;
      changed = true;
    }
    start = end;
  }
  if (!changed) return bytes;
  kept.push(bytes.subarray(from));
  return Buffer.concat(kept);
}

export function boundMessage(raw: Buffer | string): { bytes: Buffer; cut: boolean } {
  let bytes = typeof raw === 'string' ? Buffer.from(raw, 'utf8') : raw;
  let cut = false;
  if (bytes.length > MAX_MESSAGE_BYTES) {
    bytes = bytes.subarray(0, MAX_MESSAGE_BYTES);
    cut = true;
  }
  bytes = withoutLongBlankRuns(bytes);
  // The MAX_MESSAGE_LINES-th line break ends what is read.
  let breaks = 0;
  for (let at = bytes.indexOf(0x0a); at >= 0; at = bytes.indexOf(0x0a, at + 1)) {
    if (++breaks === MAX_MESSAGE_LINES) {
      if (at + 1 < bytes.length) {
        bytes = bytes.subarray(0, at + 1);
        cut = true;
      }
      break;
    }
  }
  let lines = 0;
  let at = bytes[0] === 0x2d && bytes[1] === 0x2d ? 0 : bytes.indexOf('\n--');
  while (at >= 0) {
    lines += 1;
    if (lines > MAX_PARTS) return { bytes: bytes.subarray(0, at), cut: true };
    at = bytes.indexOf('\n--', at + 3);
  }
  return { bytes, cut };
}

function toAddresses(list: PostalMime.Address[] | PostalMime.Address | undefined): Address[] {
  if (!list) return [];
  const out: Address[] = [];
  for (const item of Array.isArray(list) ? list : [list]) {
    for (const m of item.group ?? [item]) {
      const address = m.address ? withoutNul(m.address).trim() : '';
      if (!address) continue;
      const name = m.name ? corrected(m.name).trim() : '';
      out.push({ name: name || null, address });
    }
  }
  return out;
}

function bytesOf(content: PostalMime.Attachment['content']): Buffer {
  if (typeof content === 'string') return Buffer.from(content, 'utf8');
  return Buffer.from(content instanceof ArrayBuffer ? new Uint8Array(content) : content);
}

/**
 * The library's header fields as the reader's: a field name is printable ASCII without
 * a colon or space (postal-mime keeps an mbox «From » line as a field), and the white space
 * a fold leaves (postal-mime keeps its tab) is one space, as the hand-written reader had it.
 */
function headersOf(email: Email): MimeHeader[] {
  return email.headers
    .filter((h) => /^[\x21-\x39\x3b-\x7e]+$/.test(h.key))
    .map((h) => ({
      key: h.key,
      value: corrected(h.value.slice(0, MAX_HEADER_CHARS))
        .replace(/[ \t]*\t[ \t]*| {2,}/g, ' ')
        .trim(),
    }));
}

const STATUS_TYPES = new Set([
  'message/delivery-status',
  'message/global-delivery-status',
  'message/disposition-notification',
  'message/global-disposition-notification',
]);
const MESSAGE_TYPES = new Set([
  'message/rfc822',
  'message/global',
  'text/rfc822-headers',
  'message/rfc822-headers',
  'message/global-headers',
]);

function reportOf(email: Email, headers: MimeHeader[]): DeliveryReport | null {
  const type = headerValue(headers, 'content-type') ?? '';
  const declared = /^\s*multipart\/report\b/i.test(type);
  const reportType = /report-type\s*=\s*"?([\w-]+)/i.exec(type)?.[1]?.toLowerCase() ?? null;
  const status = email.attachments.find((a) => STATUS_TYPES.has(a.mimeType.toLowerCase()));
  if (!declared && !status) return null;
  const statusType = status?.mimeType.toLowerCase() ?? '';
  return {
    reportType:
      reportType ??
      (status
        ? statusType.includes('disposition')
          ? 'disposition-notification'
          : 'delivery-status'
        : null),
    status: status ? corrected(bytesOf(status.content).toString('utf8')) : null,
  };
}

async function returnedOf(email: Email): Promise<ReturnedMessage | null> {
  const enclosed = email.attachments.find((a) => MESSAGE_TYPES.has(a.mimeType.toLowerCase()));
  if (!enclosed) return null;
  let bytes = bytesOf(enclosed.content);
  // Only its headers are read: a headers-only part gets the blank line that ends them.
  if (enclosed.mimeType.toLowerCase().endsWith('headers'))
    bytes = Buffer.concat([bytes, Buffer.from('\r\n\r\n')]);
  const inner = await PostalMime.parse(bytes, { ...OPTIONS, maxRfc822NestingDepth: 0 });
  const headers = headersOf(inner);
  return {
    headers,
    messageId: parseMessageIds(headerValue(headers, 'message-id'))[0] ?? null,
    subject: inner.subject !== undefined ? corrected(inner.subject) : null,
  };
}

function attachmentNote(a: PostalMime.Attachment): AttachmentNote {
  const content = a.content;
  const size = typeof content === 'string' ? Buffer.byteLength(content) : content.byteLength;
  const filename = a.filename ? withoutNul(a.filename).trim() : '';
  return { filename: filename || null, contentType: withoutNul(a.mimeType).toLowerCase(), size };
}

/** The top of the tree only: postal-mime keeps its tree to itself. */
function rootOf(headers: MimeHeader[]): MimePart {
  const type = (headerValue(headers, 'content-type') ?? 'text/plain').split(';')[0];
  const contentType = type.trim().toLowerCase() || 'text/plain';
  return {
    headers,
    contentType,
    declaredType: contentType,
    params: {},
    disposition: null,
    filename: null,
    body: Buffer.alloc(0),
    children: [],
    message: null,
  };
}

/** The header block alone, for a message the library refused; nothing when that fails too. */
async function headersOnly(bytes: Buffer): Promise<Email> {
  const end = bytes.indexOf('\n\n') >= 0 ? bytes.indexOf('\n\n') : bytes.indexOf('\r\n\r\n');
  const head = bytes.subarray(0, Math.min(end >= 0 ? end : bytes.length, MAX_HEADERS_BYTES));
  try {
    const email = await PostalMime.parse(Buffer.concat([head, Buffer.from('\r\n\r\n')]), OPTIONS);
    return { ...email, text: undefined, html: undefined, attachments: [] };
  } catch {
    return { headers: [], headerLines: [], attachments: [] };
  }
}

/** Parse a raw message with postal-mime. Never rejects on malformed input. */
export async function parseMimeAsync(raw: Buffer | string): Promise<ParsedMime> {
  const { bytes, cut } = boundMessage(raw);
  let email: Email;
  let refused = false;
  try {
    email = await PostalMime.parse(unreadableTypeAsPlain(bytes), OPTIONS);
  } catch {
    // Past the library's bounds (nesting, header bytes): its headers are read, its body is
    // not, and the reading says it was cut (a person reads it).
    refused = true;
    email = await headersOnly(bytes);
  }
  const headers = headersOf(email);
  const rawText = email.text !== undefined ? corrected(email.text).replace(/\r\n?/g, '\n') : null;
  const text = rawText !== null ? boundText(rawText) : null;
  const fullHtml = email.html !== undefined ? corrected(email.html).replace(/\r\n?/g, '\n') : null;
  const html = fullHtml !== null ? fullHtml.slice(0, MAX_HTML_CHARS) : null;
  const messageIds = parseMessageIds(headerValue(headers, 'message-id'));
  const messageId =
    messageIds[0] ??
    `<generated.${createHash('sha1').update(bytes).digest('hex').slice(0, 24)}@nettverk.invalid>`;
  let returned: ReturnedMessage | null = null;
  try {
    returned = await returnedOf(email);
  } catch {
    returned = null;
  }
  return {
    headers,
    from: toAddresses(email.from)[0] ?? null,
    to: toAddresses(email.to),
    cc: toAddresses(email.cc),
    replyTo: toAddresses(email.replyTo),
    subject: corrected(email.subject ?? '')
      .replace(/\s+/g, ' ')
      .trim(),
    date: parseDate(headerValue(headers, 'date')),
    messageId,
    hasMessageId: messageIds.length > 0,
    inReplyTo: parseMessageIds(headerValue(headers, 'in-reply-to'))[0] ?? null,
    references: parseMessageIds(headerValues(headers, 'references').join(' ')),
    text: text ? text.text : null,
    html,
    attachments: email.attachments.map(attachmentNote),
    truncated: {
      text: refused || !!text?.truncated || (cut && text !== null),
      html: fullHtml !== null && (fullHtml.length > MAX_HTML_CHARS || cut),
    },
    report: reportOf(email, headers),
    returned,
    root: rootOf(headers),
  };
}
