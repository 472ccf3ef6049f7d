// SMTP from configuration: `SMTP_POOL_SIZE` connections kept open, each carrying one
// message at a time, so a send can still be cut off.
//
// Why each connection carries one message at a time: an attempt that outlives its
// start-to-close timeout is retried while it still runs, and a second attempt that checks
// the archive before the first one's message is accepted sends it again. The send
// activity therefore ends every SMTP exchange before its deadline (send.ts), which needs
// the socket of exactly this message to destroy. nodemailer's pool shares its connections
// between messages and offers no way to abort one; so each connection is a lane (a pool of
// one, whose socket we hold), a message takes a free lane for its exchange alone, and
// cutting it destroys that lane's socket: no other message is on it. The lane then opens a
// new connection for the next message. A new connection per message (as before) cost a
// greeting and EHLO each: half the throughput of a pool into GreenMail (bench/mail.ts).
import net from 'node:net';
import nodemailer, { type SendMailOptions } from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import type { Config } from '../../platform/config';
import { explainTransportError, mailSecurity } from '../../platform/transport-security';

export interface MailTransport {
  /**
   * Sends one message on a connection that carries nothing else meanwhile (waiting for a
   * free one if all are busy). Aborting `signal` destroys that connection at once: the server then keeps the message only if it had already received
   * all of it (the archive copy then shows it), and the promise rejects.
   */
  send(message: SendMailOptions, signal: AbortSignal): Promise<SMTPTransport.SentMessageInfo>;
  /** Cuts every exchange still running (worker shutdown). */
  close(): void;
}

interface Lane {
  transport: nodemailer.Transporter<SMTPTransport.SentMessageInfo>;
  socket: net.Socket | null;
  /** The signal of the message on the lane now, if any. */
  signal: AbortSignal | null;
}

export function createTransport(config: Config): MailTransport {
  const { smtp } = config;
  const security = mailSecurity(smtp, config.allowPlaintext);
  const options = {
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

  const lanes: Lane[] = [];
  const free: Lane[] = [];
  const waiting: Array<(lane: Lane) => void> = [];
  // A lane's transport, new when the lane is made and again when an exchange on it was cut:
  // a pool whose connection died under a message may never settle it, and must not hold the
  // lane (an SMTP outage otherwise left every later send waiting for a lane for good).
  const connect = (lane: Lane) =>
    nodemailer.createTransport({
      ...options,
      pool: true,
      maxConnections: 1,
      // A message whose connection closed under it fails: nodemailer would otherwise send it
      // again on a new connection, after we cut it because its attempt's time was up.
      maxRequeues: 0,
      // nodemailer upgrades an open socket itself (smtps at once, STARTTLS when offered).
      getSocket: (_opts, callback) => {
        const s = net.connect({ host: smtp.host, port: smtp.port });
        lane.socket = s;
        // Cut while the lane was still connecting for it: the message never goes.
        if (lane.signal?.aborted) s.destroy(new Error('SMTP exchange aborted: attempt deadline'));
        s.once('close', () => {
          if (lane.socket === s) lane.socket = null;
        });
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
      },
    } as SMTPTransport.Options);
  for (let i = 0; i < smtp.poolSize; i++) {
    const lane: Lane = {
      transport: null as unknown as Lane['transport'],
      socket: null,
      signal: null,
    };
    lane.transport = connect(lane);
    lanes.push(lane);
    free.push(lane);
  }
  // Waiting for a free lane ends with the attempt: a send past its deadline stops waiting.
  const take = (signal: AbortSignal) =>
    new Promise<Lane>((resolve, reject) => {
      const lane = free.pop();
      if (lane) return resolve(lane);
      const waiter = (l: Lane) => {
        signal.removeEventListener('abort', giveUp);
        resolve(l);
      };
      const giveUp = () => {
        const i = waiting.indexOf(waiter);
        if (i >= 0) waiting.splice(i, 1);
        reject(new Error('SMTP exchange aborted: attempt deadline, no free connection'));
      };
      signal.addEventListener('abort', giveUp, { once: true });
      waiting.push(waiter);
    });
  const give = (lane: Lane) => {
    const next = waiting.shift();
    if (next) next(lane);
    else free.push(lane);
  };

  return {
    async send(message, signal) {
      if (signal.aborted) throw new Error('SMTP exchange aborted before it began');
      const lane = await take(signal);
      // Only this message is on the lane's connection until it is given back. A cut ends
      // the exchange at once, whether or not the pool ever settles it.
      let cutOff: (error: Error) => void = () => undefined;
      const cut = new Promise<never>((_, reject) => {
        cutOff = reject;
      });
      const abort = () => {
        const error = new Error('SMTP exchange aborted: attempt deadline');
        lane.socket?.destroy(error);
        cutOff(error);
      };
      lane.signal = signal;
      signal.addEventListener('abort', abort, { once: true });
      try {
        if (signal.aborted) throw new Error('SMTP exchange aborted before it began');
        return await Promise.race([lane.transport.sendMail(message), cut]);
      } catch (error) {
        // The connection is gone or suspect: the next message on this lane gets a new one.
        const old = lane.transport;
        lane.transport = connect(lane);
        old.close();
        throw explainTransportError('SMTP', smtp, security, error);
      } finally {
        signal.removeEventListener('abort', abort);
        lane.signal = null;
        give(lane);
      }
    },
    close() {
      for (const lane of lanes) {
        lane.socket?.destroy();
        lane.transport.close();
      }
    },
  };
}
