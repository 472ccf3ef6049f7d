// A simulated municipality while the simulation runs, and what its answers may do (the
// Reactor the simulator hands them): the answers read like the personas, the simulator
// keeps the mailboxes, timers and SMTP.
import type { Campaign, Instant } from '../../domain/types';
import type { Original } from './clients';
import type { Intent, Reply } from './compose';
import type { MunicipalityPlan, Person } from './types';

export interface Municipal {
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

export interface Owner {
  m: Municipal;
  /** Null: the municipality's own address (postmottak). */
  person: Person | null;
}

export interface Reactor {
  readonly campaign: Campaign;
  /** Campaign time now. */
  now(): Instant;
  log(m: Municipal, what: string): void;
  /** Counts a mail left unanswered. */
  ignored(): void;
  /** Sends what `build` composes at `at` (campaign time), or at once if that has passed. */
  schedule(
    m: Municipal,
    at: Instant,
    kind: string,
    build: (date: Instant) => Reply | null,
    after?: (r: Reply) => void,
  ): NodeJS.Timeout;
  compose(m: Municipal, intent: Intent, original: Original): (date: Instant) => Reply;
  watch(address: string): void;
  unwatch(address: string): void;
  /** Watches whoever answers for the municipality once it is registered. */
  watchParticipants(m: Municipal): void;
  /** The municipality's own address has done its part (registered, declined, bounced). */
  postmottakDone(m: Municipal): void;
  /** A registration is under way: the unprompted one planned in case nothing came stands down. */
  cancelFallback(m: Municipal): void;
}

/** At most one municipality-level answer per request. */
export function once(m: Municipal, original: Original, what: string): boolean {
  const key = `${what}|${original.messageId}`;
  if (m.answered.has(key)) return false;
  m.answered.add(key);
  return true;
}

/** The participant who answers for the municipality: the first one the mail went to. */
export function responderFor(m: Municipal, original: Original): Person | null {
  const to = new Set([...original.to, ...original.cc].map((a) => a.address.toLowerCase()));
  return m.current.find((q) => to.has(q.email)) ?? null;
}

/** Nothing to answer; `notable` says it in the log (once per municipality and request). */
export const ignorer =
  (r: Reactor, m: Municipal, original: Original) =>
  (why: string, notable = false): void => {
    r.ignored();
    if (notable && once(m, original, 'log')) r.log(m, why);
  };
