// The one activity that sends mail. Runs on its own task queue, whose task-queue-wide
// rate keeps the provider's limit (Microsoft 365: ~30 a minute) whatever number of
// workers runs. Exactly once as the recipient sees it: see archive.ts.
//
// Why no path sends twice. A second attempt exists only after the first one (1) failed:
// it threw after its SMTP exchange ended, (2) stopped heartbeating: its worker died, and
// the connection, and with it the exchange, died too, or (3) ran past start-to-close. The
// attempt heartbeats on an interval from its first line to its last (archive checks, the
// grace wait, the SMTP exchange), so (2) means a dead worker, never a slow server; and it
// cuts its own SMTP exchange at a deadline `margin` before start-to-close, so (3) finds no
// exchange running. When the second attempt begins, the first one's message was either
// accepted (and its copy is, or after the grace will be, in the archive) or dropped with
// its connection. A cancelled attempt (worker shutdown; the server reporting the attempt
// timed out when heartbeated) cuts its exchange the same way. What remains is a worker
// frozen (suspended, stopped) for longer than the heartbeat timeout in the middle of an
// exchange and then resuming before it learns it was cancelled.
import { ApplicationFailure, Context, log } from '@temporalio/activity';
import type { Config } from '../../platform/config';
import { redactAddresses } from '../../domain/contacts';
import { composeMessage, type ComposedMessage } from '../../mail/outgoing/compose';
import type { OutgoingMail, SendOutcome } from '../../mail/outgoing/send-request';
import type { MailContext, RenderedMail, TemplateName } from '../../mail/outgoing/types';
import { ourMail, type SentArchive } from './archive';
import { WaitTooLong, type SendGate } from './rate-window';
import type { MailTransport } from './transport';

export type RenderFn = (template: TemplateName, context: MailContext) => RenderedMail;

export interface SendDependencies {
  config: Config;
  transport: MailTransport;
  archive: SentArchive;
  render: RenderFn;
  /**
   * The worker's mail rate (rate-window.ts): a send waits here for its turn after the
   * archive check and before its SMTP exchange. Absent: no limit in this process (tests).
   */
  gate?: SendGate;
  /** Fault injection for the exactly-once test: runs after the server accepted the message. */
  afterAccept?: (messageId: string) => void;
}

interface SmtpError extends Error {
  code?: string;
  responseCode?: number;
  response?: string;
  rejected?: string[];
}

export function createSendActivities(deps: SendDependencies) {
  async function sendMail(mail: OutgoingMail): Promise<SendOutcome> {
    const ctx = Context.current();
    const startedAt = Date.now();
    const beat = setInterval(() => ctx.heartbeat(), heartbeatEvery(ctx.info.heartbeatTimeoutMs));
    ctx.heartbeat();
    try {
      return await attempt(mail, startedAt);
    } finally {
      clearInterval(beat);
    }
  }

  async function attempt(mail: OutgoingMail, startedAt: number): Promise<SendOutcome> {
    const { config, transport, archive, render } = deps;
    const ctx = Context.current();
    const rendered = render(mail.template, mail.context);
    const message = composeMessage(mail, rendered, {
      messageIdDomain: config.messageIdDomain,
      messageKey: ourMail(config).key,
      archiveAddress: config.tiAddress,
      coordinatorAddress: config.coordinatorAddress,
      sender: mail.context.campaign.sender,
      replyTo: mail.context.campaign.replyTo,
    });
    const { attempt, startToCloseTimeoutMs } = ctx.info;
    if (await alreadyAccepted(archive, message.messageId, attempt, config)) {
      log.info('Mail already accepted earlier; not sending again', {
        messageId: message.messageId,
        attempt,
      });
      return { status: 'already-sent', messageId: message.messageId };
    }

    // Our clock started when the task reached us, after the server's: keep a margin.
    const margin = Math.min(30_000, startToCloseTimeoutMs / 6);
    const deadline = startedAt + startToCloseTimeoutMs - margin;
    if (deadline - Date.now() < margin) {
      // Nothing was sent: the next attempt checks and sends with a full budget.
      throw ApplicationFailure.retryable(
        'No time left in this attempt for the SMTP exchange',
        'SmtpNoTimeLeft',
      );
    }
    const abort = new AbortController();
    ctx.cancelled.catch(() => abort.abort());
    // Waiting for a turn heartbeats like the rest (sendMail's interval) and leaves the
    // exchange at least `margin`; a send that gets no turn by then has sent nothing and is
    // retried (it checks the archive again), so waiting can never make a duplicate.
    const permit = await admit(deps.gate, deadline - margin, abort.signal);
    const cut = setTimeout(() => abort.abort(), deadline - Date.now());
    try {
      const result = await transport.send(toNodemailer(message), abort.signal);
      deps.afterAccept?.(message.messageId);
      const accepted = (result.accepted as string[]).map(String);
      const rejected = (result.rejected as string[]).map(String);
      log.info('Mail sent', {
        messageId: message.messageId,
        template: mail.template,
        accepted: accepted.length,
        rejected: rejected.length,
      });
      return {
        status: 'sent',
        messageId: message.messageId,
        accepted,
        rejected,
        response: result.response,
      };
    } catch (error) {
      const e = error as SmtpError;
      if (e.responseCode && e.responseCode >= 500 && e.responseCode < 600) {
        // Permanent: the server refused the recipients or the message. Do not retry;
        // the journey flags the address to the coordinator.
        log.warn('Mail refused permanently', {
          messageId: message.messageId,
          responseCode: e.responseCode,
        });
        return {
          status: 'rejected',
          messageId: message.messageId,
          rejected: e.rejected ?? message.envelopeTo,
          response: e.response ?? e.message,
        };
      }
      // Temporary (4xx, connection refused, timeout, auth): retry with backoff.
      // The server's words often name the recipient: keep addresses out of logs and history.
      throw ApplicationFailure.retryable(
        redactAddresses(`SMTP ${e.responseCode ?? e.code ?? 'error'}: ${e.response ?? e.message}`),
        'SmtpTemporaryFailure',
      );
    } finally {
      clearTimeout(cut);
      permit.done();
    }
  }
  return { sendMail };
}

async function admit(gate: SendGate | undefined, latest: number, signal: AbortSignal) {
  if (!gate) return { done: () => undefined };
  try {
    return await gate.admit(latest, signal);
  } catch (error) {
    if (!(error instanceof WaitTooLong)) throw error;
    throw ApplicationFailure.retryable(
      `No turn in the mail rate window (${gate.limit} a minute) before this attempt's deadline`,
      'MailRateNoTurn',
    );
  }
}

/** Well inside the heartbeat timeout (the SDK sends at most one per 80 % of it anyway). */
export function heartbeatEvery(heartbeatTimeoutMs: number | undefined): number {
  return Math.max(50, Math.min(5_000, (heartbeatTimeoutMs ?? 20_000) / 4));
}

/**
 * On a retry the earlier attempt may have been accepted with its copy still on the way
 * (real servers deliver it a moment later; GreenMail at once): look again after a grace.
 * The wait heartbeats (the attempt's interval) and ends early if the attempt is cancelled.
 */
async function alreadyAccepted(
  archive: SentArchive,
  messageId: string,
  attempt: number,
  config: Config,
) {
  if (await archive.contains(messageId)) return true;
  if (attempt <= 1 || config.smtp.archiveGraceSeconds === 0) return false;
  await Context.current().sleep(config.smtp.archiveGraceSeconds * 1000);
  return archive.contains(messageId);
}

/** The composed message as nodemailer takes it (the bench hands the same to its baseline). */
export function toNodemailer(m: ComposedMessage) {
  return {
    messageId: m.messageId,
    from: { name: m.from.name ?? '', address: m.from.address },
    replyTo: m.replyTo,
    to: m.to.map((a) => ({ name: a.name ?? '', address: a.address })),
    cc: m.cc.map((a) => ({ name: a.name ?? '', address: a.address })),
    envelope: { from: m.from.address, to: m.envelopeTo },
    subject: m.subject,
    text: m.text,
    html: m.html,
    headers: m.headers,
    attachments: m.attachments.map((a) => ({
      filename: a.filename,
      contentType: a.contentType,
      content: a.content,
    })),
  };
}
