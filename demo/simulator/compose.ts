// From a municipality's plan and what it means to say to a finished message: the text, the
// person, the program they write with, and the mail they answer.
import type { Campaign, Instant, LocalDate } from '../../domain/types';
import type { ParsedMime } from '../../mail/incoming/mime';
import { composeReply, type Composed, type Original } from './clients';
import { composeBounce, composeOutOfOffice } from './machines';
import { spokenDate } from './norwegian';
import { attendanceText, type AttendanceSituation } from './texts/attendance';
import type { RegistrationVariant } from './texts/common';
import { registrationText } from './texts/registration';
import { archivist, declineText, outOfOfficeText, questionText } from './texts/short-answers';
import { lessonsText, statusText } from './texts/status-and-lessons';
import type { Client, MunicipalityPlan, Person } from './types';

export type Intent =
  | { kind: 'registration'; variant: RegistrationVariant }
  | { kind: 'question' }
  | { kind: 'decline' }
  | { kind: 'out-of-office'; back: LocalDate }
  | { kind: 'bounce'; returnedHeaders: string; recipient: string; arrived: Instant }
  | { kind: 'attendance'; responder: Person; situation: AttendanceSituation }
  | { kind: 'status'; n: 1 | 2; responder: Person }
  | { kind: 'lessons'; responder: Person };

export interface ReplyContext {
  campaign: Campaign;
  tiAddress: string;
  original: Original;
  /** Campaign time of writing. */
  date: Instant;
}

export interface Reply extends Composed {
  /** A participant who replaces another from now on (attendance with a substitute). */
  substituted: Person | null;
}

/** The message as the person's program shows it; `toCampaign` maps its Date to the campaign's. */
export function originalOf(
  mime: ParsedMime,
  toCampaign: (realIso: Instant) => Instant,
  now: Instant,
): Original {
  return {
    messageId: mime.messageId,
    references: mime.references,
    subject: mime.subject,
    from: mime.from ?? { name: null, address: '' },
    to: mime.to,
    cc: mime.cc,
    date: mime.date ? toCampaign(mime.date) : now,
    text: (mime.text ?? '').replace(/\r\n?/g, '\n'),
    html: mime.html,
  };
}

/** Which program a participant answers with: most use the municipality's, some their phone. */
export function clientFor(plan: MunicipalityPlan, who: Person): Client {
  const i = plan.participants.findIndex((q) => q.email === who.email);
  if (plan.attendanceMode === 'each' && i === 1 && plan.client !== 'gmail') return 'iphone';
  return plan.client;
}

const coordinatorFirstName = (c: Campaign) => c.contact.name.split(/\s+/)[0];

export function composeIntent(plan: MunicipalityPlan, intent: Intent, ctx: ReplyContext): Reply {
  const to = { name: ctx.campaign.contact.name, address: ctx.tiAddress };
  const base = { lang: plan.lang, to, original: ctx.original, date: ctx.date };
  const person = (p: Person) => ({ name: p.name, address: p.email });
  const done = (c: Composed, substituted: Person | null = null): Reply => ({ ...c, substituted });
  const coordinator = coordinatorFirstName(ctx.campaign);

  switch (intent.kind) {
    case 'registration': {
      const w = registrationText(plan, coordinator, intent.variant);
      return done(
        composeReply({
          ...base,
          client: w.client,
          from: person(w.from),
          body: w.body,
          html: w.html,
          english: w.english,
        }),
      );
    }
    case 'question': {
      const w = questionText(plan);
      return done(composeReply({ ...base, client: w.client, from: person(w.from), body: w.body }));
    }
    case 'decline': {
      const w = declineText(plan);
      return done(composeReply({ ...base, client: w.client, from: person(w.from), body: w.body }));
    }
    case 'out-of-office': {
      const a = archivist(plan);
      const switchboard = plan.contact.phone ?? '33 00 00 00';
      return done(
        composeOutOfOffice({
          from: { name: `Postmottak ${plan.municipality.name}`, address: a.email },
          to,
          original: ctx.original,
          body: outOfOfficeText(plan, spokenDate(intent.back, plan.lang), switchboard),
          date: ctx.date,
        }),
      );
    }
    case 'bounce':
      return done(
        composeBounce({
          domain: intent.recipient.split('@')[1],
          recipient: intent.recipient,
          to: ctx.tiAddress,
          returnedHeaders: intent.returnedHeaders,
          arrived: intent.arrived,
          date: ctx.date,
        }),
      );
    case 'attendance': {
      const client = clientFor(plan, intent.responder);
      const { body, substituted } = attendanceText(
        plan,
        intent.responder,
        intent.situation,
        client,
      );
      return done(
        composeReply({ ...base, client, from: person(intent.responder), body }),
        substituted,
      );
    }
    case 'status': {
      const client = clientFor(plan, intent.responder);
      const body = statusText(plan, intent.n, intent.responder, client, coordinator);
      return done(composeReply({ ...base, client, from: person(intent.responder), body }));
    }
    case 'lessons': {
      const client = clientFor(plan, intent.responder);
      return done(
        composeReply({
          ...base,
          client,
          from: person(intent.responder),
          body: lessonsText(plan, intent.responder, client),
        }),
      );
    }
  }
}
