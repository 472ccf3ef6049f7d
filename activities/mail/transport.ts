// SMTP from configuration: one connection per message, so a send can be cut off.
//
// Why not a pool: an attempt that outlives its start-to-close timeout is retried while it
// still runs, and a second attempt that checks the archive before the first one's message
// is accepted sends it again. The send activity therefore ends every SMTP exchange before
// its deadline (send.ts), which needs the socket of exactly this message to destroy; a
// pooled connection carries other messages and offers no way to abort one. At the
// provider's ~30 mails a minute a connection per message costs nothing that matters.
import net from 'node:net';
import nodemailer, { type SendMailOptions } from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import type { Config } from '../../platform/config';
import { explainTransportError, mailSecurity } from '../../platform/transport-security';

export interface MailTransport {
  /**
   * Sends one message on a connection of its own. Aborting `signal` destroys that
   * connection at once: the server then keeps the message only if it had already received
   * all of it (the archive copy then shows it), and the promise rejects.
   */
  send(message: SendMailOptions, signal: AbortSignal): Promise<SMTPTransport.SentMessageInfo>;
  /** Cuts every exchange still running (worker shutdown). */
  close(): void;
}

export function createTransport(config: Config): MailTransport {
  const { smtp } = config;
  const open = new Set<net.Socket>();
  const security = mailSecurity(smtp, config.allowPlaintext);
  const options: SMTPTransport.Options = {
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    // smtp:// upgrades with STARTTLS: required off loopback unless NETTVERK_ALLOW_PLAINTEXT
    // says otherwise (platform/transport-security.ts); loopback GreenMail offers none.
    requireTLS: security === 'starttls',
    auth: smtp.user ? { user: smtp.user, pass: smtp.password ?? '' } : undefined,
    connectionTimeout: 20_000,
    greetingTimeout: 20_000,
    socketTimeout: 60_000,
    logger: false,
  };

  return {
    async send(message, signal) {
      if (signal.aborted) throw new Error('SMTP exchange aborted before it began');
      let socket: net.Socket | null = null;
      const abort = () => socket?.destroy(new Error('SMTP exchange aborted: attempt deadline'));
      signal.addEventListener('abort', abort, { once: true });
      const perMessage: SMTPTransport.Options = {
        ...options,
        // nodemailer upgrades an open socket itself (smtps at once, STARTTLS when offered).
        getSocket: (_opts, callback) => {
          const s = net.connect({ host: smtp.host, port: smtp.port });
          socket = s;
          open.add(s);
          s.once('close', () => open.delete(s));
          let answered = false;
          const answer = (error: Error | null) => {
            if (answered) return;
            answered = true;
            if (error) callback(error, null);
            else callback(null, { connection: s });
          };
          const timer = setTimeout(
            () => s.destroy(new Error('SMTP connection timeout')),
            options.connectionTimeout,
          );
          s.once('connect', () => {
            clearTimeout(timer);
            answer(null);
          });
          s.once('error', (error) => {
            clearTimeout(timer);
            answer(error);
          });
          if (signal.aborted) abort();
        },
      };
      const transport = nodemailer.createTransport(perMessage);
      try {
        return await transport.sendMail(message);
      } catch (error) {
        throw explainTransportError('SMTP', smtp, security, error);
      } finally {
        signal.removeEventListener('abort', abort);
        transport.close();
      }
    },
    close() {
      for (const s of open) s.destroy();
    },
  };
}
