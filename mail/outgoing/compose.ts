// The envelope and headers of an outgoing message. Pure: the send activity and the
// tests build the same message from the same inputs.
import type { Address } from '../../domain/types';
import { journeyMessageId } from '../message-id';
import type { OutgoingMail } from './send-request';
import type { RenderedMail } from './types';

export interface MessageIdentity {
  /** Right-hand side of our Message-IDs. */
  messageIdDomain: string;
  /** Key of the token in our Message-IDs (see message-id.ts). */
  messageKey: string;
  /** The TI mailbox: every mail is copied there in the same SMTP transaction. */
  archiveAddress: string;
  /** Where notices to the coordinator go. */
  coordinatorAddress: string;
  sender: Address;
  replyTo: string;
}

export interface ComposedMessage {
  messageId: string;
  from: Address;
  replyTo: string;
  to: Address[];
  cc: Address[];
  /** Envelope recipients: `to` + `cc` + the archive (which is a blind copy). */
  envelopeTo: string[];
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
  attachments: { filename: string; contentType: string; content: string }[];
}

export function composeMessage(
  mail: OutgoingMail,
  rendered: RenderedMail,
  id: MessageIdentity,
): ComposedMessage {
  const ours = { domain: id.messageIdDomain, key: id.messageKey };
  const messageId = journeyMessageId(mail, ours);
  // Earlier steps by their new-scheme IDs, also for journeys whose earlier mail went out
  // under the old scheme: clients then thread by subject, and replies still match.
  const thread = mail.threadSteps
    .filter((step) => step !== mail.step)
    .map((step) => journeyMessageId({ ...mail, step }, ours));
  const references = mail.inReplyTo ? [...thread, mail.inReplyTo] : thread;
  const inReplyTo = mail.inReplyTo ?? thread.at(-1) ?? null;
  const to =
    mail.audience === 'coordinator'
      ? [{ name: 'Koordinator', address: id.coordinatorAddress }]
      : mail.to;
  const recipients = [...to, ...mail.cc].map((a) => a.address.toLowerCase());
  const envelopeTo = [...new Set([...recipients, id.archiveAddress.toLowerCase()])];

  const headers: Record<string, string> = {
    // RFC 3834: everything we send is automatic; answers to a municipality's message are
    // auto-replied, the rest auto-generated. Mail clients and responders then never answer
    // us automatically, and we never answer them automatically (the journey ignores them).
    'Auto-Submitted': mail.inReplyTo ? 'auto-replied' : 'auto-generated',
    // Exchange/Outlook: no out-of-office or other automatic answers to this message.
    'X-Auto-Response-Suppress': 'OOF, AutoReply',
    'X-Nettverk-Journey': `${mail.campaignId}/${mail.municipalityId}`,
    'X-Nettverk-Step': mail.step,
    'X-Nettverk-Audience': mail.audience,
  };
  if (inReplyTo) headers['In-Reply-To'] = inReplyTo;
  if (references.length) headers['References'] = references.join(' ');

  return {
    messageId,
    from: id.sender,
    replyTo: id.replyTo,
    to,
    cc: mail.cc,
    envelopeTo,
    subject: rendered.subject,
    text: rendered.text,
    html: rendered.html,
    headers,
    attachments: rendered.attachments,
  };
}
