// The simulated municipalities at work: watch their GreenMail mailboxes, read what the
// journey sends (by its X-Nettverk-Step header), and answer through real SMTP to the TI
// address after a persona's delay in campaign days, the way real municipalities do. What each
// persona answers is in answers.ts and the files it calls; here are the mailboxes and timers.
import nodemailer, { type Transporter } from 'nodemailer';
import { toCampaignTime, toRealTime } from '../../domain/campaign/clock';
import { instantMs } from '../../domain/time';
import type { Instant } from '../../domain/types';
import {
  headerValue,
  parseHeaderBlock,
  parseMime,
  type MimeHeader,
} from '../../mail/incoming/mime';
import type { Original } from './clients';
import { ANSWERED, react } from './answers';
import { composeIntent, originalOf, type Intent, type Reply } from './compose';
import { expectedOutcome } from './expected';
import { MailboxWatcher, type Arrived } from './mailbox';
import type { Municipal, Owner, Reactor } from './municipal';
import { planAll } from './plan';
import type { ExpectedOutcome, Simulator, SimulatorOptions, SimulatorStats } from './types';

export function createSimulator(o: SimulatorOptions): Simulator {
  const { campaign } = o;
  const clock = campaign.clock;
  const plans = planAll(o.municipalities, o.personaFor);
  const byId = new Map<string, Municipal>();
  const owners = new Map<string, Owner>();
  const watchers = new Map<string, MailboxWatcher>();
  const seen = new Set<string>();
  const timers = new Set<NodeJS.Timeout>();
  let transport: Transporter | null = null;
  let stopped = false;
  let since = 0;
  let retiredReconnects = 0;
  const retiring = new Set<Promise<void>>();
  const stats: SimulatorStats = {
    mailboxes: 0,
    connected: 0,
    received: 0,
    ignored: 0,
    scheduled: 0,
    sent: 0,
    sendErrors: 0,
    imapErrors: 0,
    reconnects: 0,
    byKind: {},
    lastError: null,
  };

  for (const plan of plans) {
    const m: Municipal = {
      plan,
      current: plan.participants.map((p) => ({ ...p })),
      invitation: null,
      registering: false,
      fallback: null,
      answered: new Set(),
    };
    byId.set(plan.municipality.id, m);
    owners.set(plan.municipality.email.toLowerCase(), { m, person: null });
    for (const p of [
      plan.contact,
      ...plan.participants,
      ...(plan.substitute ? [plan.substitute.in] : []),
    ]) {
      if (!owners.has(p.email)) owners.set(p.email, { m, person: p });
    }
  }

  const now = (): Instant => toCampaignTime(clock, Date.now());
  const log = (m: Municipal, what: string) => {
    try {
      o.log?.({ at: now(), municipalityId: m.plan.municipality.id, what });
    } catch {
      // A failing logger must not stop the municipalities.
    }
  };
  const fail = (error: Error) => {
    stats.lastError = error.message;
  };

  function watch(address: string): void {
    const key = address.toLowerCase();
    if (stopped || watchers.has(key)) return;
    const w = new MailboxWatcher({
      address: key,
      host: o.imap.host,
      port: o.imap.port,
      since,
      wants: (_a, head) => wanted(parseHeaderBlock(head)),
      onSkipped: () => {
        stats.ignored += 1;
      },
      onMessage: (a, message) => {
        try {
          onMail(a, message);
        } catch (error) {
          fail(error as Error);
        }
      },
      onError: (_a, error) => {
        stats.imapErrors += 1;
        fail(error);
      },
      onConnected: (_a, connected) => {
        stats.connected += connected ? 1 : -1;
      },
    });
    watchers.set(key, w);
    stats.mailboxes = watchers.size;
    w.start();
  }

  /** Stops watching a mailbox that has nothing more to answer. */
  function unwatch(address: string): void {
    const key = address.toLowerCase();
    const w = watchers.get(key);
    if (!w) return;
    watchers.delete(key);
    stats.mailboxes = watchers.size;
    const stopping = w
      .stop()
      .catch(() => undefined)
      .then(() => {
        retiredReconnects += w.reconnects;
        retiring.delete(stopping);
      });
    retiring.add(stopping);
  }

  /**
   * The mailboxes that answer once a municipality is registered: the first participant (who
   * answers for everyone) or, where each answers for themself, every participant.
   */
  function watchParticipants(m: Municipal): void {
    const people = m.plan.attendanceMode === 'each' ? m.current : m.current.slice(0, 1);
    for (const q of people) watch(q.email);
  }

  /** The municipality's own address has done its part (registered, declined, bounced). */
  const postmottakDone = (m: Municipal) => unwatch(m.plan.municipality.email);

  /** Sends what `build` composes at `at` (campaign time), or at once if that has passed. */
  function schedule(
    m: Municipal,
    at: Instant,
    kind: string,
    build: (date: Instant) => Reply | null,
    after?: (r: Reply) => void,
  ): NodeJS.Timeout {
    const wait = Math.max(0, toRealTime(clock, at) - Date.now());
    stats.scheduled += 1;
    const timer = setTimeout(() => {
      timers.delete(timer);
      stats.scheduled -= 1;
      if (stopped) return;
      let reply: Reply | null;
      try {
        reply = build(now());
      } catch (error) {
        fail(error as Error);
        return;
      }
      if (!reply) return;
      void send(reply).then((ok) => {
        if (!ok) {
          log(m, `${kind}: could not be sent (${stats.lastError ?? 'SMTP error'})`);
          return;
        }
        stats.sent += 1;
        stats.byKind[kind] = (stats.byKind[kind] ?? 0) + 1;
        try {
          after?.(reply);
        } catch (error) {
          fail(error as Error);
        }
      });
    }, wait);
    timers.add(timer);
    return timer;
  }

  async function send(reply: Reply): Promise<boolean> {
    for (let attempt = 1; attempt <= 3 && !stopped; attempt++) {
      try {
        transport ??= nodemailer.createTransport({
          host: o.smtp.host,
          port: o.smtp.port,
          secure: false,
          ignoreTLS: true,
          pool: true,
          maxConnections: 4,
        });
        await transport.sendMail({ envelope: reply.envelope, raw: reply.raw });
        return true;
      } catch (error) {
        fail(error as Error);
        await pause(300 * attempt);
      }
    }
    stats.sendErrors += 1;
    return false;
  }

  const compose = (m: Municipal, intent: Intent, original: Original) => (date: Instant) =>
    composeIntent(m.plan, intent, { campaign, tiAddress: o.tiAddress, original, date });

  /** Mail of this campaign to a municipality, at a step some persona answers. */
  function wanted(headers: MimeHeader[]): boolean {
    const journey = headerValue(headers, 'x-nettverk-journey');
    const step = headerValue(headers, 'x-nettverk-step') ?? '';
    if (!journey || journey.split('/')[0] !== campaign.id) return false;
    if (headerValue(headers, 'x-nettverk-audience') === 'coordinator') return false;
    return ANSWERED.test(step);
  }

  function onMail(address: string, arrived: Arrived): void {
    if (stopped) return;
    const mime = parseMime(arrived.source);
    const header = (name: string) => headerValue(mime.headers, name);
    const journey = header('x-nettverk-journey');
    const step = header('x-nettverk-step');
    const key = `${address}|${mime.messageId}`;
    if (seen.has(key)) return;
    seen.add(key);
    const [campaignId, municipalityId] = (journey ?? '').split('/');
    const owner = owners.get(address);
    const m = byId.get(municipalityId) ?? owner?.m;
    if (
      !journey ||
      !step ||
      campaignId !== campaign.id ||
      header('x-nettverk-audience') === 'coordinator' ||
      !m ||
      !owner
    ) {
      stats.ignored += 1;
      return;
    }
    stats.received += 1;
    const original = originalOf(mime, (real) => toCampaignTime(clock, instantMs(real)), now());
    react(reactor, m, owner.person, step, mime, original, arrived);
  }

  /** A registration is under way: the unprompted one planned in case nothing came stands down. */
  function cancelFallback(m: Municipal): void {
    if (!m.fallback) return;
    clearTimeout(m.fallback);
    if (timers.delete(m.fallback)) stats.scheduled -= 1;
    m.fallback = null;
  }

  const reactor: Reactor = {
    campaign,
    now,
    log,
    ignored: () => {
      stats.ignored += 1;
    },
    schedule,
    compose,
    watch,
    unwatch,
    watchParticipants,
    postmottakDone,
    cancelFallback,
  };

  return {
    async start() {
      if (stopped) throw new Error('the simulator was stopped; create a new one');
      const invitationReal = toRealTime(clock, campaign.schedule.invitationAt);
      // Mail from an earlier run of the demo lies in the same mailboxes: skip what arrived
      // before this run (the server dates arrivals to the second).
      since = Math.min(Date.now(), Math.max(invitationReal, Date.now() - 60_000)) - 2000;
      for (const plan of plans) watch(plan.municipality.email);
    },

    async stop() {
      stopped = true;
      for (const t of timers) clearTimeout(t);
      timers.clear();
      stats.scheduled = 0;
      await Promise.race([
        Promise.all([...[...watchers.values()].map((w) => w.stop()), ...retiring]),
        pause(1500),
      ]);
      stats.reconnects =
        retiredReconnects + [...watchers.values()].reduce((n, w) => n + w.reconnects, 0);
      transport?.close();
      transport = null;
    },

    expected(): ExpectedOutcome {
      return expectedOutcome(plans, campaign);
    },

    stats(): SimulatorStats {
      stats.reconnects =
        retiredReconnects + [...watchers.values()].reduce((n, w) => n + w.reconnects, 0);
      return { ...stats, byKind: { ...stats.byKind } };
    },
  };
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());
