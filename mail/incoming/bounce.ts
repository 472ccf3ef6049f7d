// Bounces: delivery status notifications, whether RFC 3464 reports (Postfix, Exchange,
// Office 365, Gmail, Sendmail) or the plain-text notices of Exim, qmail and older
// Exchange. Recognising one, and reading which addresses failed, why, and which of our
// messages it returns.
import type { BounceInfo } from '../../domain/types';
import { headerValue, parseHeaderBlock, parseMessageIds, type ParsedMime } from './mime';
import { findEmails } from './contact-details';
import { uni } from './text-utils';

export interface DsnRecipient {
  finalRecipient: string | null;
  originalRecipient: string | null;
  action: string | null;
  status: string | null;
  diagnostic: string | null;
}

/** The per-recipient blocks of a `message/delivery-status` body. */
export function parseDeliveryStatus(text: string): DsnRecipient[] {
  const blocks = text.replace(/\r\n?/g, '\n').split(/\n[ \t]*\n/);
  const out: DsnRecipient[] = [];
  for (const block of blocks) {
    const fields = parseHeaderBlock(block.trim());
    const get = (k: string) => headerValue(fields, k);
    const final = get('final-recipient') ?? get('x-actual-recipient');
    const action = get('action');
    const status = get('status');
    if (!final && !action && !status) continue;
    out.push({
      finalRecipient: addressOf(final),
      originalRecipient: addressOf(get('original-recipient')),
      action: action ? action.toLowerCase().split(/[\s(;]/)[0] : null,
      status: status ? (/\d\.\d{1,3}\.\d{1,3}/.exec(status)?.[0] ?? status.trim()) : null,
      diagnostic: get('diagnostic-code') ? cleanDiagnostic(get('diagnostic-code')!) : null,
    });
  }
  return out;
}

function addressOf(field: string | null): string | null {
  if (!field) return null;
  const value = field.includes(';') ? field.slice(field.indexOf(';') + 1) : field;
  return findEmails(value)[0] ?? (value.trim() || null);
}

function cleanDiagnostic(value: string): string {
  return value
    .replace(/^\s*(smtp|x-postfix|x-unix|x-local|x-exim|mta|x-qmail)\s*;\s*/i, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const DAEMON_LOCAL =
  /^(mailer[-_.]?daemon|mail[-_.]?daemon|mdaemon|double-bounce|bounces?|mail[-_.]?delivery|nobody)$/i;
const POSTMASTER_LOCAL = /^(post?master|poostmaster|mail[-_.]?admin|administrator)$/i;
const DAEMON_NAME = uni(
  /\b(mail delivery (system|subsystem|service)|mailer[- ]daemon|mail administrator|postmaster|system administrator)\b/i,
);

export const BOUNCE_SUBJECT = uni(
  /^(?:\*+\s*)?(?:undeliver(?:able|ed)|undelivered mail|returned mail|mail delivery (?:failed|failure)|delivery (?:status notification|failure|has failed|failed|notification|report)|failure notice|non[- ]?remis|non recapitabile|unzustellbar|nicht zustellbar|onbestelbaar|niet bezorgd|ikke levert|ikkje levert|kan ikke leveres|kunne ikke leveres|levering mislyktes|leveringa mislukkast|leveringsfeil|leveringsrapport|levering feilet|olevererbart|kan inte levereras|non consegnato|no se puede entregar|no entregado|não entregue|não foi possível entregar|mail system error|delayed mail|warning: message .{0,80} delayed|message (?:you sent )?blocked|email bounce notification|mail failure|could not send message|message not delivered|unable to deliver|returned to sender|mail returned|rejected:|message delivery delayed|delivery delayed|non-delivery|ndr\b|postfix smtp server: errors)/i,
);

const BOUNCE_PHRASES: RegExp[] = [
  /this message was created automatically by mail delivery software/i,
  /this is the mail system at host/i,
  /i'?m sorry to have to inform you that (?:the|your) message/i,
  /could not be delivered to one or more (?:of its )?(?:recipients|destinations)/i,
  /the following address(?:\(es\)|es)? failed/i,
  /delivery to the following recipients? (?:failed|has been delayed)/i,
  /did not reach the following recipient/i,
  /delivery has failed to these recipients or groups/i,
  /your message (?:couldn'?t|could not|wasn'?t|was not|cannot) be delivered/i,
  /your message to .{1,80} couldn'?t be delivered/i,
  /rejected your message to the following e-?mail address/i,
  /technical details of (?:permanent|temporary) failure/i,
  /the original message was received at/i,
  /following addresses had permanent fatal errors/i,
  /this is the qmail-send program/i,
  /a message that you sent (?:could not|has not yet) been delivered/i,
  /a message that you sent could not be delivered/i,
  /smtp error from remote mail server/i,
  /remote host said:/i,
  /message delivery has been delayed|message has been delayed|delivery is delayed|still being retried/i,
  /an email you sent was rejected/i,
  /unable to deliver (?:your )?message/i,
  /delivery (?:to the following recipients? )?failed permanently/i,
  /leveringen til disse mottakerne eller gruppene mislyktes/i,
  /meldingen (?:din )?(?:kunne ikke|ble ikke) (?:leveres|levert)/i,
  /meldinga (?:di )?(?:kunne ikkje|vart ikkje) (?:leverast|levert)/i,
  /levering(?:en)? til (?:følgende|desse|disse) mottak(?:ere|erne|arar|arane)(?: eller grupp\w+)? (?:mislyktes|mislukkast)/i,
  /kunne ikke leveres til/i,
  /message log follows|failed addresses follow/i,
  /transcript of session follows/i,
  /diagnostic-code:|final-recipient:/i,
].map(uni);

/** Signals that a machine, not a person, sent the message. */
export function machineSignals(mime: ParsedMime): string[] {
  const out: string[] = [];
  const returnPath = headerValue(mime.headers, 'return-path');
  if (returnPath !== null && /^<?\s*(mailer-daemon)?\s*>?$/i.test(returnPath.trim()))
    out.push('null return path');
  const auto = headerValue(mime.headers, 'auto-submitted');
  if (auto && !/^\s*no\b/i.test(auto)) out.push(`Auto-Submitted: ${auto}`);
  if (headerValue(mime.headers, 'x-failed-recipients')) out.push('X-Failed-Recipients');
  if (!mime.from) out.push('no From');
  const local = mime.from?.address.split('@')[0] ?? '';
  if (DAEMON_LOCAL.test(local) || POSTMASTER_LOCAL.test(local)) out.push(`sender ${local}`);
  if (mime.from?.name && DAEMON_NAME.test(mime.from.name)) out.push(`sender «${mime.from.name}»`);
  const precedence = headerValue(mime.headers, 'precedence');
  if (precedence && /bulk|junk|auto_reply/i.test(precedence)) out.push(`Precedence: ${precedence}`);
  if (mime.returned) out.push('returned message enclosed');
  return out;
}

/** Why this message is a bounce, or null when it is not one. */
export function bounceReason(mime: ParsedMime, bodyText: string): string | null {
  const report = mime.report;
  if (
    report &&
    (report.reportType === 'delivery-status' || report.reportType === 'global-delivery-status')
  ) {
    const recipients = report.status ? parseDeliveryStatus(report.status) : [];
    const actions = recipients.map((r) => r.action).filter((a): a is string => !!a);
    if (actions.length && actions.every((a) => /^(delivered|relayed|expanded)$/.test(a)))
      return null;
    return 'delivery status report (RFC 3464)';
  }
  if (
    report &&
    report.reportType === null &&
    report.status &&
    parseDeliveryStatus(report.status).length
  ) {
    return 'delivery status part';
  }
  if (headerValue(mime.headers, 'x-failed-recipients')) return 'X-Failed-Recipients header';
  const local = mime.from?.address.split('@')[0] ?? '';
  const head = bodyText.slice(0, 6000);
  const phrase = BOUNCE_PHRASES.find((re) => re.test(head));
  const subject = BOUNCE_SUBJECT.test(mime.subject.trim());
  if (DAEMON_LOCAL.test(local)) return `sender ${mime.from!.address}`;
  const signals = machineSignals(mime);
  if (
    POSTMASTER_LOCAL.test(local) &&
    (phrase || subject || /\b[45]\.\d{1,3}\.\d{1,3}\b/.test(head))
  ) {
    return `sender ${mime.from!.address} reports a failure`;
  }
  if (subject && signals.length) return `subject «${mime.subject}» (${signals[0]})`;
  if (phrase && signals.length) return `notice «${phrase.source.slice(0, 40)}» (${signals[0]})`;
  if (!mime.from && (subject || phrase)) return 'no sender, failure notice';
  return null;
}

/** The parts of a text bounce before the returned message starts. */
function noticePart(text: string): string {
  const markers = [
    /^-{2,}\s*this is a copy of (?:the|your) message/im,
    /^-{2,}\s*original message\s*-{2,}/im,
    /^-{2,}\s*below this line is a copy of the message/im,
    /^-{2,}\s*the (?:body|header) of the message/im,
    /^original message headers:?/im,
    /^\|?-{2,}\s*message text follows/im,
    /^content-type: message\/rfc822/im,
    /^(?:return-path|received|dkim-signature|x-received):\s/im,
  ];
  let end = text.length;
  for (const re of markers) {
    const m = re.exec(text);
    if (m && m.index < end) end = m.index;
  }
  return text.slice(0, end);
}

const STATUS_RE = /\b([245])\.(\d{1,3})\.(\d{1,3})\b/;
const SMTP_LINE_RE = /\b([45]\d\d)[- ](?:[245]\.\d{1,3}\.\d{1,3}\b)?.{3,}/;

/** What a bounce tells: who failed, the status, the diagnostic, our Message-ID. */
export function bounceInfo(
  mime: ParsedMime,
  bodyText: string,
  raw: string | null = null,
): BounceInfo {
  const statusText =
    mime.report?.status ??
    (/^(final-recipient|action|status):/im.test(bodyText)
      ? bodyText.slice(
          bodyText.search(/^(reporting-mta|final-recipient|original-recipient|action):/im),
        )
      : null);
  const dsn = statusText ? parseDeliveryStatus(statusText) : [];
  const failing = dsn.filter((r) => !r.action || /^(failed|delayed)$/.test(r.action));
  const chosen = failing.length ? failing : dsn;

  const ours = new Set(
    [...mime.to.map((a) => a.address), ...(mime.from ? [mime.from.address] : [])].map((a) =>
      a.toLowerCase(),
    ),
  );
  let recipients = chosen
    .map((r) => (r.finalRecipient ?? r.originalRecipient ?? '').toLowerCase())
    .filter((r) => r.includes('@'));
  const notice = noticePart(bodyText);
  if (!recipients.length) {
    const failed = headerValue(mime.headers, 'x-failed-recipients');
    if (failed) recipients = findEmails(failed);
  }
  if (!recipients.length) recipients = recipientsFromNotice(notice, ours);
  recipients = [...new Set(recipients)];

  let status = chosen.find((r) => r.status)?.status ?? null;
  if (!status) {
    const m = STATUS_RE.exec(notice);
    if (m) status = m[0];
  }
  let diagnostic = chosen.find((r) => r.diagnostic)?.diagnostic ?? null;
  if (!diagnostic) {
    const line = notice.split('\n').find((l) => SMTP_LINE_RE.test(l) && !/^\s*(out|in):/i.test(l));
    diagnostic = line ? line.trim().replace(/\s+/g, ' ') : null;
  }
  if (!diagnostic) {
    const reason = /(?:reject reason|reason|diagnostic[^:]*):\s*(.+)/i.exec(notice);
    if (reason) diagnostic = reason[1].trim();
  }

  const actions = chosen.map((r) => r.action);
  // «failed» means the server gave up, whatever the status class; «delayed» that it retries.
  let permanent: boolean;
  if (actions.includes('failed')) permanent = true;
  else if (actions.length && actions.every((a) => a === 'delayed')) permanent = false;
  else if (status) permanent = status.startsWith('5');
  else
    permanent = !/delay|warning|still being retried|temporar|midlertidig|forsinka|forsinket/i.test(
      mime.subject + ' ' + notice.slice(0, 1500),
    );

  return {
    recipients,
    status,
    diagnostic: diagnostic ? diagnostic.slice(0, 500) : null,
    originalMessageId: originalMessageId(mime, raw ? `${bodyText}\n${raw}` : bodyText),
    permanent,
  };
}

function recipientsFromNotice(notice: string, exclude: Set<string>): string[] {
  const out: string[] = [];
  for (const line of notice.split('\n')) {
    const t = line.trim();
    if (!t) continue;
    if (
      /\b(mail from|envelope-from|from:|sender|return-path|reply-to|to:\s*$|contact|support|postmaster@)/i.test(
        t,
      ) &&
      !/recipient/i.test(t)
    )
      continue;
    for (const e of findEmails(t)) {
      if (exclude.has(e)) continue;
      // A line that is only the address, an «address on date» line, qmail's «<address>:»,
      // Gmail's indented address, or a line that names the recipient.
      if (
        new RegExp(`^[<"]?${escapeRe(e)}[>"]?:?(\\s|$)`, 'i').test(t) ||
        /recipient|mottaker|mottakar|failed|rejected|unknown|does not exist|not found|mailbox|user|address|adresse/i.test(
          t,
        )
      ) {
        out.push(e);
      }
    }
  }
  return out;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The Message-ID of the returned message: from its enclosed headers, else from the text. */
export function originalMessageId(mime: ParsedMime, bodyText: string): string | null {
  if (mime.returned?.messageId) return mime.returned.messageId;
  // Our own IDs survive any bounce format: look for them first.
  const ours = /<nv(?:\.[a-z0-9-]+){3,4}@[^>\s]+>/i.exec(bodyText);
  if (ours) return ours[0];
  // Indentation is spaces and tabs: `^\s*` would run from every line start across the
  // following blank lines (quadratic on a header of folded empty lines).
  for (const m of bodyText.matchAll(/^[ \t]*message-id:\s*(<[^>\s]+>)/gim)) {
    const id = parseMessageIds(m[1])[0];
    if (id && id !== mime.messageId) return id;
  }
  return null;
}
