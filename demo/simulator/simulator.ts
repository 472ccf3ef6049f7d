// The simulated municipalities at work: watch their GreenMail mailboxes, read what the
// journey sends (by its X-Nettverk-Step header), and answer through real SMTP to the TI
// address after a persona's delay in campaign days, the way real municipalities do.
import nodemailer, { type Transporter } from 'nodemailer';
import { toCampaignTime, toRealTime } from '../../domain/campaign/clock';
import { instantMs, osloInstant } from '../../domain/time';
import type { Instant } from '../../domain/types';
import {
  headerValue,
  parseHeaderBlock,
  parseMime,
  type MimeHeader,
  type MimePart,
  type ParsedMime,
} from '../../mail/incoming/mime';
import type { Original } from './clients';
import { composeIntent, originalOf, type Intent, type Reply } from './compose';
import { expectedOutcome } from './expected';
import { MailboxWatcher, type Arrived } from './mailbox';
import { planAll } from './plan';
import type { RegistrationVariant } from './texts';
import {
  ATTENDANCE_WINDOW,
  LATE_AFTER_DAYS,
  STATUS_WINDOW,
  beforeGathering,
  clampOnTime,
  firstDateIn,
  plusDays,
  registrationAt,
  reminderFallback,
  reminderReplyDays,
  returnDate,
} from './timing';
import type {
  ExpectedOutcome,
  MunicipalityPlan,
  Person,
  Simulator,
  SimulatorOptions,
  SimulatorStats,
} from './types';

interface Municipal {
  plan: MunicipalityPlan;
  /** Participants as the journey has them now (a substitute replaces for good). */
  current: Person[];
  invitation: Original | null;
  /** A registration that counts is planned or sent: fallbacks stand down. */
  registering: boolean;
  fallback: NodeJS.Timeout | null;
  /** Answers given at the municipality's level (one per request), by Message-ID. */
  answered: Set<string>;
}

interface Owner {
  m: Municipal;
  /** Null: the municipality's own address (postmottak). */
  person: Person | null;
}

const CLIENT_LABEL: Record<string, string> = {
  'outlook-list': 'Outlook list',
  'outlook-list-1252': 'Outlook 2010 list, windows-1252',
  'owa-table': 'Outlook web table',
  'gmail-form': 'Gmail form',
  'ipad-prose': 'iPad prose',
  'thunderbird-blocks': 'Thunderbird blocks',
  'over-limit': 'Outlook numbered list, four',
};

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

  /** A registration that counts: afterwards the participants' mailboxes are watched. */
  function register(
    m: Municipal,
    at: Instant,
    original: Original,
    variant: RegistrationVariant,
    label: string,
  ) {
    m.registering = true;
    cancelFallback(m);
    schedule(m, at, 'registration', compose(m, { kind: 'registration', variant }, original), () => {
      log(m, label);
      watchParticipants(m);
      postmottakDone(m);
    });
  }

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
    react(m, owner.person, step, mime, original, arrived);
  }

  function react(
    m: Municipal,
    person: Person | null,
    step: string,
    mime: ParsedMime,
    original: Original,
    arrived: Arrived,
  ): void {
    const parsed = /^(?:g([123])-)?(.+?)(?:-(\d+))?$/.exec(step);
    const gathering = parsed?.[1] ? (Number(parsed[1]) as 1 | 2 | 3) : null;
    const template = step === 'invitation' ? 'invitation' : (parsed?.[2] ?? step);
    const p = m.plan;
    const received = now();
    /** Nothing to answer; `notable` says it in the log (once per municipality and step). */
    const ignore = (why: string, notable = false) => {
      stats.ignored += 1;
      if (notable && once(m, original, 'log')) log(m, why);
    };

    switch (template) {
      case 'invitation': {
        if (person) return ignore('invitation to a person');
        m.invitation = original;
        // Days count from when the campaign sent its invitations, not from when this copy
        // arrived: a municipality reached late (the system was slow) answers at once.
        const sentAt = campaign.schedule.invitationAt;
        const at = (days: number) => clampOnTime(campaign, plusDays(sentAt, days));
        switch (p.persona) {
          case 'silent':
            ignore('invitation received: stays silent', true);
            return postmottakDone(m);
          case 'bounce': {
            const returnedHeaders = arrived.source.toString('latin1').split(/\r?\n\r?\n/)[0];
            const intent: Intent = {
              kind: 'bounce',
              returnedHeaders,
              recipient: p.municipality.email,
              arrived: received,
            };
            schedule(m, plusDays(received, 0.002), 'bounce', compose(m, intent, original), () => {
              log(m, 'invitation returned (RFC 3464 bounce)');
              postmottakDone(m);
            });
            return;
          }
          case 'decline':
            schedule(
              m,
              at(p.answerAfterDays),
              'decline',
              compose(m, { kind: 'decline' }, original),
              () => {
                log(m, 'declined');
                postmottakDone(m);
              },
            );
            return;
          case 'question-then-register':
            schedule(
              m,
              at(p.answerAfterDays),
              'question',
              compose(m, { kind: 'question' }, original),
              () => log(m, 'asked two questions'),
            );
            register(
              m,
              registrationAt(p, campaign, sentAt)!,
              original,
              'after-question',
              `registered after asking (${p.participants.length} participants)`,
            );
            return;
          case 'out-of-office-then-register': {
            const back = returnDate(sentAt);
            schedule(
              m,
              plusDays(received, 0.003),
              'out-of-office',
              compose(m, { kind: 'out-of-office', back }, original),
              () => log(m, `out-of-office (back ${back})`),
            );
            register(
              m,
              registrationAt(p, campaign, sentAt)!,
              original,
              'after-out-of-office',
              `registered after the out-of-office (${p.participants.length} participants)`,
            );
            return;
          }
          case 'reminder-then-register':
            // Waits for the reminder; registers unprompted a few days before the deadline if none comes.
            m.fallback = schedule(
              m,
              reminderFallback(campaign),
              'registration',
              (date) => {
                m.fallback = null;
                m.registering = true;
                return compose(m, { kind: 'registration', variant: 'first' }, original)(date);
              },
              () => {
                log(m, 'registered without a reminder');
                watchParticipants(m);
                postmottakDone(m);
              },
            );
            return ignore('invitation received: waits for a reminder', true);
          case 'late': {
            const fallbackAt = plusDays(
              campaign.schedule.registrationDeadline,
              LATE_AFTER_DAYS + 2,
            );
            m.fallback = schedule(
              m,
              fallbackAt,
              'registration',
              (date) => {
                m.fallback = null;
                if (m.registering) return null;
                m.registering = true;
                return compose(m, { kind: 'registration', variant: 'late' }, original)(date);
              },
              () => {
                log(m, 'registered late (no closing mail came)');
                watchParticipants(m);
                postmottakDone(m);
              },
            );
            return ignore('invitation received: will answer after the deadline', true);
          }
          case 'incomplete-then-complete':
            schedule(
              m,
              at(p.answerAfterDays),
              'registration-incomplete',
              compose(m, { kind: 'registration', variant: 'incomplete-first' }, original),
              () => {
                log(m, 'registered incompletely (one participant, no anchoring)');
                watch(p.contact.email);
              },
            );
            return;
          default:
            register(
              m,
              registrationAt(p, campaign, sentAt)!,
              original,
              'first',
              `registered (${CLIENT_LABEL[p.persona] ?? p.client}, ${p.participants.length} participants${p.networkWish ? `, wish ${p.networkWish}` : ''})`,
            );
            return;
        }
      }

      case 'registration-reminder':
        if (p.persona === 'reminder-then-register' && !m.registering && !person) {
          register(
            m,
            clampOnTime(campaign, plusDays(received, reminderReplyDays(p))),
            original,
            'after-reminder',
            `registered after the reminder (${p.participants.length} participants)`,
          );
          return;
        }
        return ignore('reminder');

      case 'registration-incomplete':
        if (
          p.persona === 'incomplete-then-complete' &&
          person?.email === p.contact.email &&
          !m.registering
        ) {
          register(
            m,
            clampOnTime(campaign, plusDays(received, p.followUpAfterDays)),
            original,
            'incomplete-rest',
            `completed the registration (${p.participants.length} participants, anchored)`,
          );
          return;
        }
        return ignore('request for more');

      case 'no-response-closing':
        if (p.persona === 'late' && !m.registering) {
          m.registering = true;
          const deadlineReal = toRealTime(clock, campaign.schedule.registrationDeadline);
          // The inbox dates a reply by the server's arrival time, to the second: keep clear of it.
          const earliest = toCampaignTime(clock, deadlineReal + 2000);
          const planned = plusDays(received, LATE_AFTER_DAYS);
          const at = instantMs(planned) > instantMs(earliest) ? planned : earliest;
          cancelFallback(m);
          schedule(
            m,
            at,
            'registration',
            compose(m, { kind: 'registration', variant: 'late' }, original),
            () => {
              log(m, `registered late (${p.participants.length} participants)`);
              watchParticipants(m);
              postmottakDone(m);
            },
          );
          return;
        }
        return ignore('closing mail');

      case 'attendance-request':
        return attendance(m, person, gathering ?? 1, mime, original, received);

      case 'status-request': {
        const n = gathering === 2 ? 2 : 1;
        const responder = responderFor(m, original);
        if (!person || !responder || person.email !== responder.email) return;
        if (!p.status[n - 1]) return ignore(`status request ${n} left unanswered`, true);
        if (!once(m, original, 'status')) return;
        // The status is for the next gathering (its date is in the request): before it starts.
        const at = beforeGathering(
          received,
          p.replyDelayDays.status,
          firstDateIn(original.text),
          STATUS_WINDOW,
        );
        if (!at)
          return ignore(`status request ${n} came too close to the gathering to answer`, true);
        schedule(m, at, 'status', compose(m, { kind: 'status', n, responder }, original), () =>
          log(m, `status before gathering ${n + 1}`),
        );
        return;
      }

      case 'lessons-request':
      case 'lessons-reminder': {
        const responder = responderFor(m, original);
        if (!person || !responder || person.email !== responder.email) return;
        const wanted = template === 'lessons-request' ? 'answer' : 'after-reminder';
        if (p.lessons !== wanted) {
          return ignore(
            p.lessons === 'never' && template === 'lessons-reminder'
              ? 'lessons learned left unanswered'
              : 'lessons request put aside',
            p.lessons === 'never' && template === 'lessons-reminder',
          );
        }
        if (!once(m, original, 'lessons')) return;
        const days = template === 'lessons-request' ? p.replyDelayDays.lessons : 2;
        schedule(
          m,
          plusDays(received, days),
          'lessons',
          compose(m, { kind: 'lessons', responder }, original),
          () => log(m, 'lessons learned'),
        );
        return;
      }

      default:
        return ignore('nothing to answer');
    }
  }

  /** A registration is under way: the unprompted one planned in case nothing came stands down. */
  function cancelFallback(m: Municipal): void {
    if (!m.fallback) return;
    clearTimeout(m.fallback);
    if (timers.delete(m.fallback)) stats.scheduled -= 1;
    m.fallback = null;
  }

  /** At most one municipality-level answer per request. */
  function once(m: Municipal, original: Original, what: string): boolean {
    const key = `${what}|${original.messageId}`;
    if (m.answered.has(key)) return false;
    m.answered.add(key);
    return true;
  }

  /** The participant who answers for the municipality: the first one the mail went to. */
  function responderFor(m: Municipal, original: Original): Person | null {
    const to = new Set([...original.to, ...original.cc].map((a) => a.address.toLowerCase()));
    return m.current.find((q) => to.has(q.email)) ?? null;
  }

  function attendance(
    m: Municipal,
    person: Person | null,
    gathering: 1 | 2 | 3,
    mime: ParsedMime,
    original: Original,
    received: Instant,
  ): void {
    const p = m.plan;
    if (!person || !m.current.some((q) => q.email === person.email)) return;
    const responder = p.attendanceMode === 'each' ? person : responderFor(m, original);
    if (!responder || responder.email !== person.email) return;
    if (p.attendanceMode === 'contact' && !once(m, original, 'attendance')) return;
    // Answer in time for the gathering, even when the request came late.
    const at = beforeGathering(
      received,
      p.replyDelayDays.attendance +
        (p.attendanceMode === 'each' ? m.current.indexOf(person) * 0.7 : 0),
      gatheringStart(mime),
      ATTENDANCE_WINDOW,
    );
    if (!at) {
      stats.ignored += 1;
      if (once(m, original, 'log'))
        log(m, `attendance request for gathering ${gathering} came after it began`);
      return;
    }
    const situation = {
      gathering,
      lunchToLunch: /overnatting/i.test(original.text),
      current: m.current.map((q) => ({ ...q })),
    };
    schedule(
      m,
      at,
      'attendance',
      compose(m, { kind: 'attendance', responder, situation }, original),
      (reply) => {
        const sub = p.substitute;
        if (reply.substituted && sub) {
          const out = m.current.find((q) => q.email === sub.out);
          m.current = m.current.map((q) => (q.email === sub.out ? reply.substituted! : q));
          if (out && out.email !== m.current[0]?.email) unwatch(out.email);
          watchParticipants(m);
          log(m, `attendance for gathering ${gathering}, with a substitute`);
        } else
          log(
            m,
            `attendance for gathering ${gathering}${p.attendanceMode === 'each' ? ' (one participant)' : ''}`,
          );
      },
    );
  }

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

/** The steps some persona answers; everything else is skipped unread. */
const ANSWERED =
  /^(?:invitation|registration-reminder-\d+|registration-incomplete-\d+|no-response-closing-\d+|g[123]-(?:attendance-request|status-request|lessons-request|lessons-reminder)-\d+)$/;

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

/** When the gathering starts, from the calendar invitation the request carries. */
export function gatheringStart(mime: ParsedMime): Instant | null {
  const parts: MimePart[] = [];
  const walk = (part: MimePart) => {
    parts.push(part);
    part.children.forEach(walk);
  };
  walk(mime.root);
  for (const part of parts) {
    if (part.contentType !== 'text/calendar' && !/\.ics$/i.test(part.filename ?? '')) continue;
    const ics = part.body.toString('utf8').replace(/\r?\n[ \t]/g, '');
    const event = ics.slice(Math.max(0, ics.indexOf('BEGIN:VEVENT')));
    const m =
      /^DTSTART(?:;TZID=[^:]*)?(?:;VALUE=DATE)?:(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2}))?/m.exec(
        event,
      );
    if (!m) continue;
    try {
      return osloInstant(`${m[1]}-${m[2]}-${m[3]}`, m[4] ? `${m[4]}:${m[5]}` : '00:00');
    } catch {
      return null;
    }
  }
  return null;
}
