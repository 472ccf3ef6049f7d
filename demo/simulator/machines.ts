// Mail that machines write: an Exchange out-of-office (subject «Automatisk svar:», only
// X-Auto-Response-Suppress to show it, no Auto-Submitted) and a Postfix delivery status
// notification (RFC 3464) carrying the returned message's headers.
import type { Instant } from '../../domain/types';
import type { Composed, Original } from './clients';
import {
  base64Lines,
  crlf,
  encodeText,
  encodeWords,
  escapeHtml,
  headerBlock,
  hex,
  mailbox,
  rfc5322Date,
} from './mime';

export interface OutOfOffice {
  from: { name: string; address: string };
  to: { name: string | null; address: string };
  original: Original;
  body: string;
  date: Instant;
}

export function composeOutOfOffice(o: OutOfOffice): Composed {
  const domain = o.from.address.split('@')[1];
  const host = `EXCH01.${domain}`;
  const messageId = `<${hex(16)}@${host}>`;
  const boundary = `_000_${messageId.replace(/[^A-Za-z0-9]/g, '').slice(0, 40)}_`;
  const text = o.body.replace(/\n+$/, '');
  const html = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head><body><div style="font-family:Calibri,Arial,Helvetica,sans-serif;font-size:12pt">${escapeHtml(
    text,
  ).replace(/\n/g, '<br>')}</div></body></html>`;
  const parts = [
    `--${boundary}\r\nContent-Type: text/plain; charset="utf-8"\r\nContent-Transfer-Encoding: base64\r\n\r\n${base64Lines(encodeText(crlf(text), 'utf-8'))}`,
    `--${boundary}\r\nContent-Type: text/html; charset="utf-8"\r\nContent-Transfer-Encoding: base64\r\n\r\n${base64Lines(encodeText(html, 'utf-8'))}`,
    `--${boundary}--\r\n`,
  ];
  const headers: [string, string][] = [
    [
      'Received',
      `from ${host} (192.0.2.71) by ${host} (192.0.2.71) with Microsoft SMTP Server id 14.3.123.3; ${rfc5322Date(o.date)}`,
    ],
    ['From', mailbox(o.from.name, o.from.address, 'utf-8', 'B')],
    ['To', mailbox(o.to.name, o.to.address, 'utf-8', 'B')],
    ['Subject', encodeWords(`Automatisk svar: ${o.original.subject}`, 'utf-8', 'Q')],
    ['Thread-Topic', encodeWords(o.original.subject, 'utf-8', 'Q')],
    ['Thread-Index', Buffer.from(hex(16), 'hex').toString('base64')],
    ['Date', rfc5322Date(o.date, 'utc')],
    ['Message-ID', messageId],
    ['In-Reply-To', o.original.messageId],
    ['Content-Language', 'nb-NO'],
    ['X-MS-Has-Attach', ''],
    ['X-MS-TNEF-Correlator', ''],
    ['X-Auto-Response-Suppress', 'All'],
    ['Content-Type', `multipart/alternative;\r\n\tboundary="${boundary}"`],
    ['MIME-Version', '1.0'],
  ];
  return {
    raw: Buffer.from(`${headerBlock(headers)}\r\n\r\n${parts.join('\r\n')}`, 'latin1'),
    messageId,
    envelope: { from: o.from.address, to: [o.to.address] },
  };
}

export interface Bounce {
  /** The municipality's domain: its mail server reports. */
  domain: string;
  /** The address that does not exist. */
  recipient: string;
  /** Where the report goes: the sender of the returned message. */
  to: string;
  /** The returned message's header block, as it arrived. */
  returnedHeaders: string;
  /** When the returned message arrived (campaign time). */
  arrived: Instant;
  date: Instant;
}

/** Postfix's «Undelivered Mail Returned to Sender», with the message's headers only. */
export function composeBounce(b: Bounce): Composed {
  const host = `mx.${b.domain}`;
  const queueId = hex(5, true);
  const messageId = `<${rfc5322Date(b.date).replace(/\D/g, '').slice(0, 14)}.${queueId}@${host}>`;
  const boundary = `${queueId}.${Math.floor(Date.parse(b.date) / 1000)}/${host}`;
  const diagnostic = `550 5.1.1 <${b.recipient}>: Recipient address rejected: User unknown in virtual mailbox table`;
  const notice = `This is the mail system at host ${host}.

I'm sorry to have to inform you that your message could not
be delivered to one or more recipients. It's attached below.

For further assistance, please send mail to postmaster.

If you do so, please include this problem report. You can
delete your own text from the attached returned message.

                   The mail system

<${b.recipient}>: host mail.${b.domain}[192.0.2.25] said: ${diagnostic} (in
    reply to RCPT TO command)
`;
  const status = `Reporting-MTA: dns; ${host}
X-Postfix-Queue-ID: ${queueId}
X-Postfix-Sender: rfc822; ${b.to}
Arrival-Date: ${rfc5322Date(b.arrived)}

Final-Recipient: rfc822; ${b.recipient}
Original-Recipient: rfc822;${b.recipient}
Action: failed
Status: 5.1.1
Remote-MTA: dns; mail.${b.domain}
Diagnostic-Code: smtp; ${diagnostic}
`;
  const returned = b.returnedHeaders.replace(/\r\n?/g, '\n').replace(/\n+$/, '');
  const body = [
    `This is a MIME-encapsulated message.\r\n`,
    `--${boundary}\r\nContent-Description: Notification\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\n${crlf(notice)}`,
    `--${boundary}\r\nContent-Description: Delivery report\r\nContent-Type: message/delivery-status\r\n\r\n${crlf(status)}`,
    `--${boundary}\r\nContent-Description: Undelivered Message Headers\r\nContent-Type: text/rfc822-headers\r\n\r\n${crlf(returned)}\r\n`,
    `--${boundary}--\r\n`,
  ].join('\r\n');
  const headers: [string, string][] = [
    ['Return-Path', '<>'],
    ['Received', `by ${host} (Postfix) id ${queueId}; ${rfc5322Date(b.date)}`],
    ['Date', rfc5322Date(b.date)],
    ['From', `MAILER-DAEMON@${b.domain} (Mail Delivery System)`],
    ['Subject', 'Undelivered Mail Returned to Sender'],
    ['To', b.to],
    ['Auto-Submitted', 'auto-replied'],
    ['MIME-Version', '1.0'],
    ['Content-Type', `multipart/report; report-type=delivery-status;\r\n\tboundary="${boundary}"`],
    ['Content-Transfer-Encoding', '8bit'],
    ['Message-Id', messageId],
  ];
  return {
    raw: Buffer.concat([
      Buffer.from(`${headerBlock(headers)}\r\n\r\n`, 'latin1'),
      Buffer.from(body, 'utf8'),
    ]),
    messageId,
    // A real MTA sends a bounce from the null sender (MAIL FROM:<>); GreenMail refuses the
    // recipients after that, so the daemon's own address stands in for it.
    envelope: { from: `MAILER-DAEMON@${b.domain}`, to: [b.to] },
  };
}
