// How each mail program writes a reply: its headers, its MIME structure and charset, its
// subject prefix, and how it quotes the message it answers (Outlook's «Fra:/Sendt:/Til:/Emne:»
// block, Outlook on the web's divRplyFwdMsg, Gmail's «tir. 23. apr. 2013 kl. 09:00 skrev …:»
// with `>`, Apple Mail's «Den … skrev …:», Thunderbird's «Den 23.04.2013 09:00, skrev …:»).
import type { Address, Instant } from '../../domain/types';
import {
  base64Lines,
  bodyHtml,
  crlf,
  encodeText,
  encodeWords,
  escapeHtml,
  flowed,
  headerBlock,
  hex,
  mailbox,
  quotedPrintable,
  rfc5322Date,
  uuid,
  type Charset,
} from './mime';
import {
  appleDate,
  gmailDate,
  outlookDate,
  outlookDateEnglish,
  thunderbirdDate,
} from './norwegian';
import type { Client, Lang } from './types';

/** The message being answered, as the person's mail program shows it. */
export interface Original {
  messageId: string;
  references: string[];
  subject: string;
  from: Address;
  to: Address[];
  cc: Address[];
  /** When it was sent, in campaign time (what the quote header prints). */
  date: Instant;
  text: string;
  html: string | null;
}

export interface Draft {
  client: Client;
  lang: Lang;
  from: { name: string; address: string };
  to: { name: string | null; address: string };
  cc?: { name: string; address: string }[];
  original: Original;
  /** The fresh text: greeting, content, closing and signature as the person typed them. */
  body: string;
  /** The fresh part as HTML, when it is more than the text (an HTML table). */
  html?: string;
  /** Campaign time of writing. */
  date: Instant;
  /** Outlook in English (subject «RE:», «From:/Sent:»). */
  english?: boolean;
}

export interface Composed {
  raw: Buffer;
  messageId: string;
  envelope: { from: string; to: string[] };
}

const PREFIX: Record<Client, string> = {
  outlook: 'SV:',
  'outlook-1252': 'SV:',
  owa: 'SV:',
  gmail: 'Re:',
  ipad: 'Re:',
  iphone: 'Sv:',
  thunderbird: 'Re:',
};

/** «SV: Invitasjon …», without doubling a prefix the subject already has. */
export function replySubject(client: Client, subject: string, english = false): string {
  const prefix = english ? 'RE:' : PREFIX[client];
  if (/^\s*(?:re|sv|aw)\s*:/i.test(subject)) return subject;
  return `${prefix} ${subject}`;
}

function domainOf(address: string): string {
  return address.split('@')[1].toLowerCase();
}

function messageIdFor(client: Client, address: string): string {
  const domain = domainOf(address);
  switch (client) {
    case 'outlook':
    case 'outlook-1252':
      return `<${hex(16, true)}@EXCH01.${domain}>`;
    case 'owa':
      return `<${hex(20, true)}@owa.${domain}>`;
    case 'gmail':
      return `<CA${Buffer.from(hex(30), 'hex').toString('base64').replace(/[+/=]/g, 'x')}@mail.${domain}>`;
    case 'ipad':
    case 'iphone':
      return `<${uuid()}@${domain}>`;
    case 'thunderbird':
      return `<${hex(4, true)}.${String(Math.floor(Math.random() * 9_000_000) + 1_000_000)}@${domain}>`;
  }
}

function threading(original: Original): [string, string][] {
  const references = [
    ...original.references.filter((r) => r !== original.messageId),
    original.messageId,
  ];
  return [
    ['In-Reply-To', original.messageId],
    ['References', references.join(' ')],
  ];
}

function quoted(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/\n+$/, '')
    .split('\n')
    .map((l) => (l ? `> ${l}` : '>'))
    .join('\n');
}

function receivedHeader(host: string, date: Instant): string {
  return `from ${host} (192.0.2.41) by ${host} (192.0.2.41) with Microsoft SMTP Server id 14.3.123.3; ${rfc5322Date(date)}`;
}

function addressList(list: Address[]): string {
  return list.map((a) => a.name ?? a.address).join('; ');
}

function textToHtmlParagraphs(body: string, tag: 'p' | 'div'): string {
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

interface Part {
  headers: [string, string][];
  body: string;
}

function textPart(text: string, charset: Charset): Part {
  return {
    headers: [
      ['Content-Type', `text/plain; charset="${charset}"`],
      ['Content-Transfer-Encoding', 'quoted-printable'],
    ],
    body: quotedPrintable(text, charset),
  };
}

function htmlPart(html: string, charset: Charset, encoding: 'quoted-printable' | 'base64'): Part {
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

function alternative(boundary: string, parts: Part[]): { contentType: string; body: string } {
  const body = [
    ...parts.map((p) => `--${boundary}\r\n${headerBlock(p.headers)}\r\n\r\n${p.body}\r\n`),
    `--${boundary}--\r\n`,
  ].join('\r\n');
  return { contentType: `multipart/alternative;\r\n\tboundary="${boundary}"`, body };
}

function assemble(
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

function ensureAscii(s: string): string {
  // Encoded parts are ASCII already; a stray byte would be a bug in the encoders.
  // eslint-disable-next-line no-control-regex
  if (!/^[\x00-\x7f]*$/.test(s)) throw new Error('internal: non-ASCII in an encoded message');
  return s;
}

/** A reply as the named mail program writes it. */
export function composeReply(d: Draft): Composed {
  const messageId = messageIdFor(d.client, d.from.address);
  const subject = replySubject(d.client, d.original.subject, d.english);
  const o = d.original;
  const domain = domainOf(d.from.address);
  const envelope = {
    from: d.from.address,
    to: [d.to.address, ...(d.cc ?? []).map((c) => c.address)],
  };
  const fromName = o.from.name ?? o.from.address;

  switch (d.client) {
    case 'outlook':
    case 'outlook-1252': {
      const charset: Charset = d.client === 'outlook' ? 'utf-8' : 'windows-1252';
      const en = d.english === true;
      const header = en
        ? [
            `From: ${fromName} [mailto:${o.from.address}] `,
            `Sent: ${outlookDateEnglish(o.date)}`,
            `To: ${addressList(o.to)}`,
            `Subject: ${o.subject}`,
          ]
        : [
            `Fra: ${fromName} <${o.from.address}>`,
            `Sendt: ${outlookDate(o.date)}`,
            `Til: ${addressList(o.to)}`,
            ...(o.cc.length ? [`Kopi: ${addressList(o.cc)}`] : []),
            `Emne: ${o.subject}`,
          ];
      const text = `${d.body.replace(/\n+$/, '')}\n\n${header.join('\n')}\n\n${o.text.replace(/\n+$/, '')}\n`;
      const headerHtml = header
        .map((line) => {
          const i = line.indexOf(':');
          return `<b>${escapeHtml(line.slice(0, i + 1))}</b>${escapeHtml(line.slice(i + 1))}`;
        })
        .join('<br>\r\n');
      const html = `<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word" xmlns:m="http://schemas.microsoft.com/office/2004/12/omml" xmlns="http://www.w3.org/TR/REC-html40">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=${charset}">
<meta name="Generator" content="Microsoft Word 14 (filtered medium)">
<style><!--
p.MsoNormal, li.MsoNormal, div.MsoNormal
	{margin:0cm;margin-bottom:.0001pt;font-size:11.0pt;font-family:"Calibri","sans-serif";}
--></style>
</head>
<body lang="NO-BOK" link="blue" vlink="purple">
<div class="WordSection1">
${d.html ?? textToHtmlParagraphs(d.body.replace(/\n+$/, ''), 'p')}
<p class="MsoNormal"><o:p>&nbsp;</o:p></p>
<div>
<div style="border:none;border-top:solid #B5C4DF 1.0pt;padding:3.0pt 0cm 0cm 0cm">
<p class="MsoNormal">${headerHtml}<o:p></o:p></p>
</div>
</div>
<p class="MsoNormal"><o:p>&nbsp;</o:p></p>
${bodyHtml(o.html, o.text)}
</div>
</body>
</html>
`;
      const boundary = `_000_${messageId.replace(/[^A-Za-z0-9]/g, '').slice(0, 40)}_`;
      const alt = alternative(boundary, [
        textPart(text, charset),
        htmlPart(html, charset, 'quoted-printable'),
      ]);
      const headers: [string, string][] = [
        ['Received', receivedHeader(`EXCH01.${domain}`, d.date)],
        [
          'From',
          mailbox(d.from.name, d.from.address, charset === 'utf-8' ? 'utf-8' : 'iso-8859-1'),
        ],
        ['To', mailbox(d.to.name, d.to.address, charset === 'utf-8' ? 'utf-8' : 'iso-8859-1')],
        ...(d.cc?.length
          ? [
              ['CC', d.cc.map((c) => mailbox(c.name, c.address, 'utf-8')).join(', ')] as [
                string,
                string,
              ],
            ]
          : []),
        ['Subject', encodeWords(subject, charset === 'utf-8' ? 'utf-8' : 'iso-8859-1', 'Q')],
        ['Thread-Topic', encodeWords(o.subject, charset === 'utf-8' ? 'utf-8' : 'iso-8859-1', 'Q')],
        ['Thread-Index', Buffer.from(hex(22), 'hex').toString('base64')],
        ['Date', rfc5322Date(d.date, 'utc')],
        ['Message-ID', messageId],
        ...threading(o),
        ['Accept-Language', 'nb-NO, en-US'],
        ['Content-Language', en ? 'en-US' : 'nb-NO'],
        ['X-MS-Has-Attach', ''],
        ['X-MS-TNEF-Correlator', ''],
        ['Content-Type', alt.contentType],
        ['MIME-Version', '1.0'],
      ];
      return { raw: assemble(headers, ensureAscii(alt.body)), messageId, envelope };
    }

    case 'owa': {
      const fresh = d.html ?? textToHtmlParagraphs(d.body.replace(/\n+$/, ''), 'div');
      const style =
        'font-family: Calibri, Arial, Helvetica, sans-serif; font-size: 12pt; color: rgb(0, 0, 0);';
      const html = `<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<style type="text/css" style="display:none;"> P {margin-top:0;margin-bottom:0;} </style>
</head>
<body dir="ltr">
<div style="${style}">
${fresh}
</div>
<div id="appendonsend"></div>
<hr style="display:inline-block;width:98%" tabindex="-1">
<div id="divRplyFwdMsg" dir="ltr"><font face="Calibri, sans-serif" style="font-size:11pt" color="#000000"><b>Fra:</b> ${escapeHtml(fromName)} &lt;${escapeHtml(o.from.address)}&gt;<br>
<b>Sendt:</b> ${outlookDate(o.date)}<br>
<b>Til:</b> ${escapeHtml(addressList(o.to))}<br>
<b>Emne:</b> ${escapeHtml(o.subject)}</font>
<div>&nbsp;</div>
</div>
<div>
${bodyHtml(o.html, o.text)}
</div>
</body>
</html>
`;
      const headers: [string, string][] = [
        ['Received', receivedHeader(`owa.${domain}`, d.date)],
        ['From', mailbox(d.from.name, d.from.address, 'utf-8', 'B')],
        ['To', mailbox(d.to.name, d.to.address, 'utf-8', 'B')],
        ['Subject', encodeWords(subject, 'utf-8', 'Q')],
        ['Thread-Topic', encodeWords(o.subject, 'utf-8', 'Q')],
        ['Thread-Index', Buffer.from(hex(16), 'hex').toString('base64')],
        ['Date', rfc5322Date(d.date, 'utc')],
        ['Message-ID', messageId],
        ...threading(o),
        ['Accept-Language', 'nb-NO, en-US'],
        ['Content-Language', 'nb-NO'],
        ['X-MS-Has-Attach', ''],
        ['X-MS-TNEF-Correlator', ''],
        ['Content-Type', 'text/html; charset="utf-8"'],
        ['Content-Transfer-Encoding', 'base64'],
        ['MIME-Version', '1.0'],
      ];
      return {
        raw: assemble(headers, base64Lines(encodeText(crlf(html), 'utf-8'))),
        messageId,
        envelope,
      };
    }

    case 'gmail': {
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

    case 'ipad':
    case 'iphone': {
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

    case 'thunderbird': {
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
  }
}
