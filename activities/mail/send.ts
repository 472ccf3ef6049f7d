// The one activity that sends mail. Runs on its own task queue, whose task-queue-wide
// rate keeps the provider's limit (Microsoft 365: ~30 a minute) whatever number of
// workers runs. Exactly once as the recipient sees it: see archive.ts.
import { ApplicationFailure, Context, log } from '@temporalio/activity';
import type { Transporter } from 'nodemailer';
import type { Config } from '../../platform/config';
import { redactAddresses } from '../../domain/contacts';
import { composeMessage, type ComposedMessage } from '../../mail/headers';
import type { OutgoingMail, SendOutcome } from '../../mail/outgoing-mail';
import type { MailContext, RenderedMail, TemplateName } from '../../mail/outgoing/types';
import type { SentArchive } from './archive';

export type RenderFn = (template: TemplateName, context: MailContext) => RenderedMail;

export interface SendDependencies {
  config: Config;
  transport: Transporter;
  archive: SentArchive;
  render: RenderFn;
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
    const { config, transport, archive, render } = deps;
    const rendered = render(mail.template, mail.context);
    const message = composeMessage(mail, rendered, {
      messageIdDomain: config.messageIdDomain,
      archiveAddress: config.tiAddress,
      coordinatorAddress: config.coordinatorAddress,
      sender: mail.context.campaign.sender,
      replyTo: mail.context.campaign.replyTo,
    });
    const { attempt } = Context.current().info;
    Context.current().heartbeat();
    if (await alreadyAccepted(archive, message.messageId, attempt, config)) {
      log.info('Mail already accepted earlier; not sending again', {
        messageId: message.messageId,
        attempt,
      });
      return { status: 'already-sent', messageId: message.messageId };
    }

    try {
      const result = await transport.sendMail(toNodemailer(message));
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
    }
  }
  return { sendMail };
}

/**
 * On a retry the earlier attempt may have been accepted with its copy still on the way
 * (real servers deliver it a moment later; GreenMail at once): look again after a grace.
 */
async function alreadyAccepted(
  archive: SentArchive,
  messageId: string,
  attempt: number,
  config: Config,
) {
  if (await archive.contains(messageId)) return true;
  if (attempt <= 1 || config.smtp.archiveGraceSeconds === 0) return false;
  await new Promise((resolve) => setTimeout(resolve, config.smtp.archiveGraceSeconds * 1000));
  return archive.contains(messageId);
}

function toNodemailer(m: ComposedMessage) {
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
