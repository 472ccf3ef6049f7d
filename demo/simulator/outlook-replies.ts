// Microsoft's programs, Outlook on the desktop and on the web: an Exchange Received header,
// Thread-Topic/Thread-Index and X-MS headers, and the original under a «Fra:/Sendt:/Til:/Emne:»
// block rather than `>` quoting. The other programs are in other-replies.ts.
import {
  base64Lines,
  bodyHtml,
  crlf,
  encodeText,
  encodeWords,
  escapeHtml,
  hex,
  mailbox,
  rfc5322Date,
  type Charset,
} from './mime';
import { outlookDate, outlookDateEnglish } from './norwegian';
import type { Composed, Draft, ReplyCommon } from './clients';
import {
  addressList,
  alternative,
  assemble,
  ensureAscii,
  htmlPart,
  receivedHeader,
  textPart,
  textToHtmlParagraphs,
  threading,
} from './reply-parts';

/** Outlook on the desktop: multipart/alternative, UTF-8 or windows-1252 QP, «Fra:/Sendt:». */
export function outlookReply(d: Draft, r: ReplyCommon): Composed {
  const { messageId, subject, domain, envelope, fromName } = r;
  const o = d.original;
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
    ['From', mailbox(d.from.name, d.from.address, charset === 'utf-8' ? 'utf-8' : 'iso-8859-1')],
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

/** Outlook on the web: HTML only, UTF-8 base64, `divRplyFwdMsg`. */
export function owaReply(d: Draft, r: ReplyCommon): Composed {
  const { messageId, subject, domain, envelope, fromName } = r;
  const o = d.original;
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
