// Gmail, Apple Mail and Thunderbird: an attribution line («… skrev …:») and the original
// quoted with `>`, each with its own headers and charset. Outlook's are in outlook-replies.ts.
import {
  bodyHtml,
  encodeWords,
  escapeHtml,
  flowed,
  hex,
  mailbox,
  quotedPrintable,
  rfc5322Date,
} from './mime';
import { appleDate, gmailDate, thunderbirdDate } from './norwegian';
import type { Composed, Draft, ReplyCommon } from './clients';
import {
  alternative,
  assemble,
  ensureAscii,
  htmlPart,
  quoted,
  textPart,
  threading,
} from './reply-parts';

/** Gmail: multipart/alternative, UTF-8 QP, «… skrev …:» and `>`, `gmail_quote`. */
export function gmailReply(d: Draft, r: ReplyCommon): Composed {
  const { messageId, subject, envelope, fromName } = r;
  const o = d.original;
  const verb = d.lang === 'nn' ? 'skreiv' : 'skrev';
  let attribution = `${gmailDate(o.date, d.lang)} ${verb} ${fromName} <${o.from.address}>:`;
  // Gmail wraps the attribution of its text part at 78 columns, often just before «>:».
  if (attribution.length > 78) {
    const cut = attribution.lastIndexOf(' ', 78);
    const at = attribution.length - 2 <= 78 ? attribution.length - 2 : cut;
    attribution = `${attribution.slice(0, at).trimEnd()}\n${attribution.slice(at).trimStart()}`;
  }
  const text = `${d.body.replace(/\n+$/, '')}\n\n${attribution}\n\n${quoted(o.text)}\n`;
  const fresh = `<div dir="ltr">${d.body
    .replace(/\n+$/, '')
    .split('\n')
    .map((l, i) => (i === 0 ? escapeHtml(l) : `<div>${l ? escapeHtml(l) : '<br>'}</div>`))
    .join('')}</div>`;
  const html = `${d.html ? `<div dir="ltr">${d.html}</div>` : fresh}<br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">${escapeHtml(
    `${gmailDate(o.date, d.lang)} ${verb} ${fromName}`,
  )} &lt;<a href="mailto:${escapeHtml(o.from.address)}">${escapeHtml(o.from.address)}</a>&gt;:<br></div><blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204);padding-left:1ex">${bodyHtml(o.html, o.text)}</blockquote></div>\n`;
  const boundary = `000000000000${hex(7)}`.slice(0, 28);
  const alt = alternative(boundary, [
    textPart(text, 'utf-8'),
    htmlPart(html, 'utf-8', 'quoted-printable'),
  ]);
  const headers: [string, string][] = [
    ['MIME-Version', '1.0'],
    ['Received', `by 10.112.54.40 with HTTP; ${rfc5322Date(d.date)}`],
    ...threading(o),
    ['Date', rfc5322Date(d.date)],
    ['Message-ID', messageId],
    ['Subject', encodeWords(subject, 'utf-8', 'Q')],
    ['From', mailbox(d.from.name, d.from.address, 'utf-8', 'B')],
    ['To', mailbox(d.to.name, d.to.address, 'utf-8', 'B')],
    ['Content-Type', `multipart/alternative; boundary=${boundary}`],
  ];
  return { raw: assemble(headers, ensureAscii(alt.body)), messageId, envelope };
}

/** Apple Mail on an iPad or iPhone: text/plain UTF-8 QP, «Sendt fra min iPad». */
export function appleReply(d: Draft, r: ReplyCommon): Composed {
  const { messageId, subject, domain, envelope, fromName } = r;
  const o = d.original;
  const device = d.client === 'ipad' ? 'iPad' : 'iPhone';
  const text = `${d.body.replace(/\n+$/, '')}\n\nSendt fra min ${device}\n\nDen ${appleDate(o.date)} skrev ${fromName} <${o.from.address}>:\n\n${quoted(o.text)}\n\n`;
  const headers: [string, string][] = [
    ['Return-Path', `<${d.from.address}>`],
    [
      'Received',
      `from [192.0.2.113] (mobile.${domain} [203.0.113.9]) by smtp.${domain} with ESMTPSA; ${rfc5322Date(d.date)}`,
    ],
    ...threading(o).reverse(),
    ['Mime-Version', '1.0 (1.0)'],
    ['Content-Transfer-Encoding', 'quoted-printable'],
    ['Content-Type', 'text/plain;\r\n\tcharset=utf-8'],
    ['Message-Id', messageId],
    ...(d.cc?.length
      ? [
          ['Cc', d.cc.map((c) => mailbox(c.name, c.address, 'utf-8')).join(', ')] as [
            string,
            string,
          ],
        ]
      : []),
    ['X-Mailer', `${device} Mail (10B329)`],
    ['From', mailbox(d.from.name, d.from.address, 'utf-8', 'Q')],
    ['Subject', encodeWords(subject, 'utf-8', 'Q')],
    ['Date', rfc5322Date(d.date)],
    ['To', mailbox(d.to.name, d.to.address, 'utf-8', 'Q')],
  ];
  return { raw: assemble(headers, quotedPrintable(text, 'utf-8')), messageId, envelope };
}

/** Thunderbird 17: text/plain ISO-8859-1 8bit, format=flowed. */
export function thunderbirdReply(d: Draft, r: ReplyCommon): Composed {
  const { messageId, subject, domain, envelope, fromName } = r;
  const o = d.original;
  const verb = d.lang === 'nn' ? 'skreiv' : 'skrev';
  const text = `${d.body.replace(/\n+$/, '')}\n\nDen ${thunderbirdDate(o.date)}, ${verb} ${fromName}:\n${quoted(o.text)}\n\n`;
  const headers: [string, string][] = [
    ['Return-Path', `<${d.from.address}>`],
    [
      'Received',
      `from [192.0.2.58] (ws-058.${domain} [192.0.2.58]) by mail.${domain} (Postfix) with ESMTPSA; ${rfc5322Date(d.date)}`,
    ],
    ['Message-ID', messageId],
    ['Date', rfc5322Date(d.date)],
    ['From', mailbox(d.from.name, d.from.address, 'iso-8859-1', 'Q')],
    [
      'User-Agent',
      'Mozilla/5.0 (Windows NT 6.1; WOW64; rv:17.0) Gecko/20130509 Thunderbird/17.0.6',
    ],
    ['MIME-Version', '1.0'],
    ['To', mailbox(d.to.name, d.to.address, 'iso-8859-1', 'Q')],
    ['Subject', encodeWords(subject, 'iso-8859-1', 'Q')],
    ...threading(o),
    ['Content-Type', 'text/plain; charset=ISO-8859-1; format=flowed'],
    ['Content-Transfer-Encoding', '8bit'],
  ];
  return { raw: assemble(headers, flowed(text), true, 'iso-8859-1'), messageId, envelope };
}
