// How each mail program writes a reply: its headers, its MIME structure and charset, its
// subject prefix, and how it quotes the message it answers (Outlook's «Fra:/Sendt:/Til:/Emne:»
// block, Outlook on the web's divRplyFwdMsg, Gmail's «tir. 23. apr. 2013 kl. 09:00 skrev …:»
// with `>`, Apple Mail's «Den … skrev …:», Thunderbird's «Den 23.04.2013 09:00, skrev …:»).
// The programs' writers are in outlook-replies.ts and other-replies.ts, the pieces they share in
// reply-parts.ts.
import type { Address, Instant } from '../../domain/types';
import { appleReply, gmailReply, thunderbirdReply } from './other-replies';
import { outlookReply, owaReply } from './outlook-replies';
import { hex, uuid } from './mime';
import { domainOf } from './reply-parts';
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

/** What composeReply works out once, whatever the program, and hands to the program's writer. */
export interface ReplyCommon {
  messageId: string;
  /** With the program's prefix («SV:», «Re:»). */
  subject: string;
  /** The sender's domain, for the Received header. */
  domain: string;
  envelope: Composed['envelope'];
  /** The original's sender as the quote header names them. */
  fromName: string;
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

/** A reply as the named mail program writes it. */
export function composeReply(d: Draft): Composed {
  const o = d.original;
  const common: ReplyCommon = {
    messageId: messageIdFor(d.client, d.from.address),
    subject: replySubject(d.client, o.subject, d.english),
    domain: domainOf(d.from.address),
    envelope: {
      from: d.from.address,
      to: [d.to.address, ...(d.cc ?? []).map((c) => c.address)],
    },
    fromName: o.from.name ?? o.from.address,
  };
  switch (d.client) {
    case 'outlook':
    case 'outlook-1252':
      return outlookReply(d, common);
    case 'owa':
      return owaReply(d, common);
    case 'gmail':
      return gmailReply(d, common);
    case 'ipad':
    case 'iphone':
      return appleReply(d, common);
    case 'thunderbird':
      return thunderbirdReply(d, common);
  }
}
