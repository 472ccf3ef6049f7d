// The pieces every client's reply is made of, whatever its program: threading headers, `>`
// quoting, MIME parts and the multipart around them, and the raw message they assemble into.
import type { Address, Instant } from '../../domain/types';
import {
  base64Lines,
  crlf,
  encodeText,
  escapeHtml,
  headerBlock,
  quotedPrintable,
  rfc5322Date,
  type Charset,
} from './mime';
import type { Original } from './clients';

export function domainOf(address: string): string {
  return address.split('@')[1].toLowerCase();
}

export function threading(original: Original): [string, string][] {
  const references = [
    ...original.references.filter((r) => r !== original.messageId),
    original.messageId,
  ];
  return [
    ['In-Reply-To', original.messageId],
    ['References', references.join(' ')],
  ];
}

export function quoted(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/\n+$/, '')
    .split('\n')
    .map((l) => (l ? `> ${l}` : '>'))
    .join('\n');
}

export function receivedHeader(host: string, date: Instant): string {
  return `from ${host} (192.0.2.41) by ${host} (192.0.2.41) with Microsoft SMTP Server id 14.3.123.3; ${rfc5322Date(date)}`;
}

export function addressList(list: Address[]): string {
  return list.map((a) => a.name ?? a.address).join('; ');
}

export function textToHtmlParagraphs(body: string, tag: 'p' | 'div'): string {
  return body
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) =>
      tag === 'p'
        ? `<p class="MsoNormal">${line ? escapeHtml(line) : '<o:p>&nbsp;</o:p>'}<o:p></o:p></p>`
        : `<div>${line ? escapeHtml(line) : '<br>'}</div>`,
    )
    .join('\r\n');
}

export interface Part {
  headers: [string, string][];
  body: string;
}

export function textPart(text: string, charset: Charset): Part {
  return {
    headers: [
      ['Content-Type', `text/plain; charset="${charset}"`],
      ['Content-Transfer-Encoding', 'quoted-printable'],
    ],
    body: quotedPrintable(text, charset),
  };
}

export function htmlPart(
  html: string,
  charset: Charset,
  encoding: 'quoted-printable' | 'base64',
): Part {
  return {
    headers: [
      ['Content-Type', `text/html; charset="${charset}"`],
      ['Content-Transfer-Encoding', encoding],
    ],
    body:
      encoding === 'quoted-printable'
        ? quotedPrintable(html, charset)
        : base64Lines(encodeText(crlf(html), charset)),
  };
}

export function alternative(
  boundary: string,
  parts: Part[],
): { contentType: string; body: string } {
  const body = [
    ...parts.map((p) => `--${boundary}\r\n${headerBlock(p.headers)}\r\n\r\n${p.body}\r\n`),
    `--${boundary}--\r\n`,
  ].join('\r\n');
  return { contentType: `multipart/alternative;\r\n\tboundary="${boundary}"`, body };
}

export function assemble(
  headers: [string, string][],
  body: string,
  raw8bit = false,
  charset: Charset = 'utf-8',
): Buffer {
  const head = headerBlock(headers);
  if (raw8bit)
    return Buffer.concat([
      Buffer.from(`${head}\r\n\r\n`, 'latin1'),
      encodeText(crlf(body), charset),
    ]);
  return Buffer.from(`${head}\r\n\r\n${body}`, 'latin1');
}

export function ensureAscii(s: string): string {
  // Encoded parts are ASCII already; a stray byte would be a bug in the encoders.
  // eslint-disable-next-line no-control-regex
  if (!/^[\x00-\x7f]*$/.test(s)) throw new Error('internal: non-ASCII in an encoded message');
  return s;
}
