// How each persona answers the invitation: registers (in its mail program's habit), asks
// first, declines, bounces, sends an out-of-office, waits for a reminder, or answers late.
import type { Instant } from '../../domain/types';
import type { Original } from './clients';
import type { Intent } from './compose';
import type { Arrived } from './mailbox';
import { ignorer, type Municipal, type Reactor } from './municipal';
import type { RegistrationVariant } from './texts/common';
import {
  LATE_AFTER_DAYS,
  clampOnTime,
  plusDays,
  registrationAt,
  reminderFallback,
  returnDate,
} from './timing';
import type { Person } from './types';

const CLIENT_LABEL: Record<string, string> = {
  'outlook-list': 'Outlook list',
  'outlook-list-1252': 'Outlook 2010 list, windows-1252',
  'owa-table': 'Outlook web table',
  'gmail-form': 'Gmail form',
  'ipad-prose': 'iPad prose',
  'thunderbird-blocks': 'Thunderbird blocks',
  'over-limit': 'Outlook numbered list, four',
};

/** A registration that counts: afterwards the participants' mailboxes are watched. */
export function register(
  r: Reactor,
  m: Municipal,
  at: Instant,
  original: Original,
  variant: RegistrationVariant,
  label: string,
): void {
  m.registering = true;
  r.cancelFallback(m);
  r.schedule(
    m,
    at,
    'registration',
    r.compose(m, { kind: 'registration', variant }, original),
    () => {
      r.log(m, label);
      r.watchParticipants(m);
      r.postmottakDone(m);
    },
  );
}

export function answerInvitation(
  r: Reactor,
  m: Municipal,
  person: Person | null,
  original: Original,
  arrived: Arrived,
): void {
  const { campaign } = r;
  const p = m.plan;
  const received = r.now();
  const ignore = ignorer(r, m, original);
  if (person) return ignore('invitation to a person');
  m.invitation = original;
  // Days count from when the campaign sent its invitations, not from when this copy
  // arrived: a municipality reached late (the system was slow) answers at once.
  const sentAt = campaign.schedule.invitationAt;
  const at = (days: number) => clampOnTime(campaign, plusDays(sentAt, days));
  switch (p.persona) {
    case 'silent':
      ignore('invitation received: stays silent', true);
      return r.postmottakDone(m);
    case 'bounce': {
      const returnedHeaders = arrived.source.toString('latin1').split(/\r?\n\r?\n/)[0];
      const intent: Intent = {
        kind: 'bounce',
        returnedHeaders,
        recipient: p.municipality.email,
        arrived: received,
      };
      r.schedule(m, plusDays(received, 0.002), 'bounce', r.compose(m, intent, original), () => {
        r.log(m, 'invitation returned (RFC 3464 bounce)');
        r.postmottakDone(m);
      });
      return;
    }
    case 'decline':
      r.schedule(
        m,
        at(p.answerAfterDays),
        'decline',
        r.compose(m, { kind: 'decline' }, original),
        () => {
          r.log(m, 'declined');
          r.postmottakDone(m);
        },
      );
      return;
    case 'question-then-register':
      r.schedule(
        m,
        at(p.answerAfterDays),
        'question',
        r.compose(m, { kind: 'question' }, original),
        () => r.log(m, 'asked two questions'),
      );
      register(
        r,
        m,
        registrationAt(p, campaign, sentAt)!,
        original,
        'after-question',
        `registered after asking (${p.participants.length} participants)`,
      );
      return;
    case 'out-of-office-then-register': {
      const back = returnDate(sentAt);
      r.schedule(
        m,
        plusDays(received, 0.003),
        'out-of-office',
        r.compose(m, { kind: 'out-of-office', back }, original),
        () => r.log(m, `out-of-office (back ${back})`),
      );
      register(
        r,
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
      m.fallback = r.schedule(
        m,
        reminderFallback(campaign),
        'registration',
        (date) => {
          m.fallback = null;
          m.registering = true;
          return r.compose(m, { kind: 'registration', variant: 'first' }, original)(date);
        },
        () => {
          r.log(m, 'registered without a reminder');
          r.watchParticipants(m);
          r.postmottakDone(m);
        },
      );
      return ignore('invitation received: waits for a reminder', true);
    case 'late': {
      const fallbackAt = plusDays(campaign.schedule.registrationDeadline, LATE_AFTER_DAYS + 2);
      m.fallback = r.schedule(
        m,
        fallbackAt,
        'registration',
        (date) => {
          m.fallback = null;
          if (m.registering) return null;
          m.registering = true;
          return r.compose(m, { kind: 'registration', variant: 'late' }, original)(date);
        },
        () => {
          r.log(m, 'registered late (no closing mail came)');
          r.watchParticipants(m);
          r.postmottakDone(m);
        },
      );
      return ignore('invitation received: will answer after the deadline', true);
    }
    case 'incomplete-then-complete':
      r.schedule(
        m,
        at(p.answerAfterDays),
        'registration-incomplete',
        r.compose(m, { kind: 'registration', variant: 'incomplete-first' }, original),
        () => {
          r.log(m, 'registered incompletely (one participant, no anchoring)');
          r.watch(p.contact.email);
        },
      );
      return;
    default:
      register(
        r,
        m,
        registrationAt(p, campaign, sentAt)!,
        original,
        'first',
        `registered (${CLIENT_LABEL[p.persona] ?? p.client}, ${p.participants.length} participants${p.networkWish ? `, wish ${p.networkWish}` : ''})`,
      );
      return;
  }
}
