// The key quality gate: every reply a simulated municipality writes, run through the same
// reader the TI inbox uses, means what the persona meant: the kind, the participants with
// name, title and address, anchoring, the network wish, attendance with overnight stay,
// dinner, diets and a substitute, a bounce with our Message-ID, an out-of-office.
import { applyAttendance, emptyAttendance } from '../../../domain/journey/attendance';
import type { Participant } from '../../../domain/types';
import type { UnderstoodReply } from '../../../mail/incoming/understand';
import { readReply } from '../../../mail/incoming/read';
import { composeIntent, type Intent } from '../../../demo/simulator/compose';
import { planAll, planMunicipality } from '../../../demo/simulator/plan';
import { PERSONAS } from '../../../demo/simulator/types';
import type { RegistrationVariant } from '../../../demo/simulator/texts/common';
import type { MunicipalityPlan, Person } from '../../../demo/simulator/types';
import { campaign, demoMunicipalities, ourMail, type OurMail } from './helpers';

const plans = planAll(demoMunicipalities);
const TI = 'dolvik@transparency.no';
const label = (p: MunicipalityPlan) =>
  `${p.index} ${p.municipality.name} (${p.persona}, ${p.lang})`;

async function reply(
  plan: MunicipalityPlan,
  intent: Intent,
  mail: OurMail,
  date = '2013-04-26T08:14:00.000Z',
) {
  const composed = composeIntent(plan, intent, {
    campaign,
    tiAddress: TI,
    original: mail.original,
    date,
  });
  const understood = await readReply(composed.raw);
  // The demo's municipalities write plainly: a reading sent to review would stall the demo.
  expect({ who: label(plan), review: understood.needsReview }).toEqual({
    who: label(plan),
    review: false,
  });
  return { composed, understood };
}

function expectPeople(found: Participant[] | null, wanted: Person[]) {
  expect(found).not.toBeNull();
  expect(
    found!.map((p) => ({
      name: p.name,
      title: p.title?.toLowerCase() ?? null,
      email: p.email,
      phone: p.phone,
    })),
  ).toEqual(
    wanted.map((p) => ({
      name: p.name,
      title: p.title.toLowerCase(),
      email: p.email,
      phone: p.phone,
    })),
  );
}

function expectThreaded(r: UnderstoodReply, mail: OurMail) {
  expect(r.inReplyTo).toBe(mail.mime.messageId);
  expect(r.references).toContain(mail.mime.messageId);
  expect(r.subject).toContain('[ref. ks-ti-2013/');
  expect(r.messageId.endsWith(`${r.from.address.split('@')[1]}>`)).toBe(true);
}

const invitation = (p: MunicipalityPlan) => ourMail(p, 'invitation', { step: 'invitation' });

const FIRST: Partial<
  Record<MunicipalityPlan['persona'], { variant: RegistrationVariant; answers: string }>
> = {
  'outlook-list': { variant: 'first', answers: 'invitation' },
  'outlook-list-1252': { variant: 'first', answers: 'invitation' },
  'owa-table': { variant: 'first', answers: 'invitation' },
  'gmail-form': { variant: 'first', answers: 'invitation' },
  'ipad-prose': { variant: 'first', answers: 'invitation' },
  'thunderbird-blocks': { variant: 'first', answers: 'invitation' },
  'over-limit': { variant: 'first', answers: 'invitation' },
  'question-then-register': { variant: 'after-question', answers: 'invitation' },
  'out-of-office-then-register': { variant: 'after-out-of-office', answers: 'invitation' },
  'reminder-then-register': { variant: 'after-reminder', answers: 'registration-reminder' },
  late: { variant: 'late', answers: 'no-response-closing' },
};

describe('complete registrations are read with every participant, anchoring and the wish', () => {
  const cases = plans.filter((p) => FIRST[p.persona]);
  it('covers the demo mix', () => expect(cases.length).toBe(31));
  test.each(cases.map((p) => [label(p), p] as const))('%s', async (_l, plan) => {
    const how = FIRST[plan.persona]!;
    const mail =
      how.answers === 'invitation'
        ? await invitation(plan)
        : await ourMail(plan, how.answers as 'registration-reminder' | 'no-response-closing', {
            step:
              how.answers === 'registration-reminder'
                ? 'registration-reminder-1'
                : 'no-response-closing-1',
            participants: [],
          });
    const { understood: r } = await reply(
      plan,
      { kind: 'registration', variant: how.variant },
      mail,
    );
    expect(r.kind).toBe('registration');
    expectPeople(r.participants, plan.participants);
    expect(r.anchored).toBe(true);
    expect(r.networkPreference).toBe(plan.networkWish);
    expect(r.questions).toEqual([]);
    expect(r.from.address).toBe(plan.contact.email);
    expectThreaded(r, mail);
  });
});

describe('the incomplete registration, then the rest', () => {
  const cases = plans.filter((p) => p.persona === 'incomplete-then-complete');
  test.each(cases.map((p) => [label(p), p] as const))('%s', async (_l, plan) => {
    const first = (
      await reply(
        plan,
        { kind: 'registration', variant: 'incomplete-first' },
        await invitation(plan),
      )
    ).understood;
    expect(first.kind).toBe('registration');
    expectPeople(first.participants, [plan.contact]);
    expect(first.anchored).toBeNull();

    const request = await ourMail(plan, 'registration-incomplete', {
      step: 'registration-incomplete-1',
      participants: [plan.contact],
      missing: ['participants', 'anchoring'],
      to: [{ name: plan.contact.name, address: plan.contact.email }],
    });
    const rest = (await reply(plan, { kind: 'registration', variant: 'incomplete-rest' }, request))
      .understood;
    expect(rest.kind).toBe('registration');
    expectPeople(
      rest.participants,
      plan.participants.filter((p) => p.email !== plan.contact.email),
    );
    expect(rest.anchored).toBe(true);
    expectThreaded(rest, request);
  });
});

describe('questions, declines and machines', () => {
  const byPersona = (persona: MunicipalityPlan['persona']) =>
    plans.filter((p) => p.persona === persona);

  test.each(byPersona('question-then-register').map((p) => [label(p), p] as const))(
    'a question: %s',
    async (_l, plan) => {
      const { understood: r } = await reply(plan, { kind: 'question' }, await invitation(plan));
      expect(r.kind).toBe('question');
      expect(r.questions).toHaveLength(2);
      expect(r.participants).toBeNull();
    },
  );

  test.each(byPersona('decline').map((p) => [label(p), p] as const))(
    'a decline: %s',
    async (_l, plan) => {
      const { understood: r } = await reply(plan, { kind: 'decline' }, await invitation(plan));
      expect(r.kind).toBe('decline');
      expect(r.text).toMatch(
        plan.lang === 'nn' ? /diverre ikkje kapasitet i år/ : /dessverre ikke kapasitet i år/,
      );
    },
  );

  test.each(byPersona('out-of-office-then-register').map((p) => [label(p), p] as const))(
    'an Exchange out-of-office: %s',
    async (_l, plan) => {
      const mail = await invitation(plan);
      const { understood: r, composed } = await reply(
        plan,
        { kind: 'out-of-office', back: '2013-05-06' },
        mail,
        '2013-04-23T07:00:05.000Z',
      );
      expect(r.kind).toBe('auto-reply');
      expect(r.autoReply?.returnDate).toBe('2013-05-06');
      expect(r.subject.startsWith('Automatisk svar: Invitasjon')).toBe(true);
      const head = composed.raw.toString('latin1').split('\r\n\r\n')[0];
      expect(head).toMatch(/^X-Auto-Response-Suppress: All$/m);
      expect(head).not.toMatch(/^Auto-Submitted:/im);
    },
  );

  test.each(byPersona('bounce').map((p) => [label(p), p] as const))(
    'a bounce of the invitation: %s',
    async (_l, plan) => {
      const mail = await invitation(plan);
      const returnedHeaders = mail.raw.toString('latin1').split(/\r?\n\r?\n/)[0];
      const { understood: r, composed } = await reply(
        plan,
        {
          kind: 'bounce',
          returnedHeaders,
          recipient: plan.municipality.email,
          arrived: mail.original.date,
        },
        mail,
        '2013-04-23T07:00:03.000Z',
      );
      expect(r.kind).toBe('bounce');
      expect(r.bounce).toEqual({
        recipients: [plan.municipality.email],
        status: '5.1.1',
        diagnostic: expect.stringContaining('User unknown'),
        originalMessageId: mail.mime.messageId,
        permanent: true,
      });
      expect(r.from.address.toLowerCase()).toBe(
        `mailer-daemon@${plan.municipality.email.split('@')[1]}`,
      );
      expect(composed.envelope.from.toLowerCase()).toBe(
        `mailer-daemon@${plan.municipality.email.split('@')[1]}`,
      );
    },
  );
});

/** What the journey records after applying the answers, per participant. */
function recorded(current: Person[], answers: NonNullable<UnderstoodReply['attendance']>) {
  const people: Participant[] = current.map((p) => ({ ...p }));
  return applyAttendance(people, emptyAttendance(people), answers, '2013-05-25T10:00:00.000Z');
}

describe('attendance answers', () => {
  const registered = plans.filter((p) => p.participants.length);
  const cases = registered.flatMap((p) =>
    ([1, 2, 3] as const).map((g) => [`${label(p)} gathering ${g}`, p, g] as const),
  );

  test.each(cases)('%s', async (_l, plan, gathering) => {
    // After a substitution the journey has the stand-in instead.
    const sub = plan.substitute;
    const current =
      sub && sub.gathering < gathering
        ? plan.participants.map((p) => (p.email === sub.out ? sub.in : p))
        : plan.participants;
    const mail = await ourMail(plan, 'attendance-request', {
      step: `g${gathering}-attendance-request-1`,
      gathering,
      participants: current,
      date: '2013-05-22T08:00:00.000Z',
    });
    const lunchToLunch = gathering === 1;
    const situation = { gathering, lunchToLunch, current };
    const responders = plan.attendanceMode === 'each' ? current : [current[0]];
    const answers: NonNullable<UnderstoodReply['attendance']> = [];
    for (const responder of responders) {
      const { understood: r } = await reply(
        plan,
        { kind: 'attendance', responder, situation },
        mail,
        '2013-05-24T09:30:00.000Z',
      );
      expect(r.kind).toBe('other');
      expect(r.attendance).not.toBeNull();
      expect(r.questions).toEqual([]);
      expectThreaded(r, mail);
      answers.push(...r.attendance!);
    }
    const update = recorded(current, answers);
    expect(update.unmatched).toEqual([]);
    const expectedPeople = current.map((p) =>
      sub && sub.gathering === gathering && p.email === sub.out ? sub.in : p,
    );
    expect(update.participants.map((p) => p.email)).toEqual(expectedPeople.map((p) => p.email));
    if (sub && sub.gathering === gathering) {
      expect(update.substitutions).toHaveLength(1);
      expect(update.substitutions[0].out.email).toBe(sub.out);
      expect({
        ...update.substitutions[0].in,
        title: update.substitutions[0].in.title?.toLowerCase(),
      }).toEqual({
        name: sub.in.name,
        title: sub.in.title,
        email: sub.in.email,
        phone: null,
      });
    } else expect(update.substitutions).toEqual([]);
    for (const p of expectedPeople) {
      const row = update.records.find((x) => x.key === p.email);
      const want = plan.attendance[p.email];
      const absent = plan.absent?.gathering === gathering && plan.absent.who === p.email;
      expect({ who: p.name, attending: row?.attending }).toEqual({
        who: p.name,
        attending: !absent,
      });
      if (absent) continue;
      if (lunchToLunch) {
        expect({ who: p.name, overnight: row?.overnight, dinner: row?.dinner }).toEqual({
          who: p.name,
          overnight: want.overnight,
          dinner: want.dinner,
        });
      }
      if (want.dietary)
        expect(row?.dietary ?? '').toMatch(new RegExp(want.dietary.slice(0, 6), 'i'));
      else expect(row?.dietary ?? null).toBeNull();
    }
  });
});

describe('status and lessons learned are reports, not attendance or questions', () => {
  const registered = plans.filter((p) => p.participants.length);
  test.each(registered.map((p) => [label(p), p] as const))('%s', async (_l, plan) => {
    const responder = plan.participants[0];
    for (const n of [1, 2] as const) {
      const mail = await ourMail(plan, 'status-request', {
        step: `g${n}-status-request-1`,
        gathering: n,
      });
      const { understood: r } = await reply(plan, { kind: 'status', n, responder }, mail);
      expect({ n, kind: r.kind, attendance: r.attendance, questions: r.questions }).toEqual({
        n,
        kind: 'other',
        attendance: null,
        questions: [],
      });
      expect(r.text.length).toBeGreaterThan(120);
      expect(r.text).not.toMatch(/Tor Dølvik|Vennlig hilsen\n/);
      expectThreaded(r, mail);
    }
    const mail = await ourMail(plan, 'lessons-request', {
      step: 'g3-lessons-request-1',
      gathering: 3,
    });
    const { understood: r } = await reply(plan, { kind: 'lessons', responder }, mail);
    expect({ kind: r.kind, attendance: r.attendance, questions: r.questions }).toEqual({
      kind: 'other',
      attendance: null,
      questions: [],
    });
    expect(r.text).toMatch(/Beskytt kommunen|[Hh]andboka|[Hh]åndboken/);
    expect(r.text).toMatch(/antikorrupsjonsprogram|kommunalt program/);
  });
});

describe('every persona reads right in both languages (for a runner that picks personas)', () => {
  const voss = demoMunicipalities.find((m) => m.id === '4621')!;
  const hamar = demoMunicipalities.find((m) => m.id === '3403')!;
  const cases = [voss, hamar].flatMap((m) =>
    PERSONAS.filter((persona) => FIRST[persona] || persona === 'incomplete-then-complete').map(
      (persona) => [`${m.name} as ${persona}`, planMunicipality(m, 7, persona)] as const,
    ),
  );
  test.each(cases)('%s', async (_l, plan) => {
    const mail = await invitation(plan);
    if (plan.persona === 'incomplete-then-complete') {
      const r = (await reply(plan, { kind: 'registration', variant: 'incomplete-first' }, mail))
        .understood;
      expectPeople(r.participants, [plan.contact]);
      expect(r.anchored).toBeNull();
      const rest = (await reply(plan, { kind: 'registration', variant: 'incomplete-rest' }, mail))
        .understood;
      expectPeople(rest.participants, plan.participants.slice(1));
      expect(rest.anchored).toBe(true);
      return;
    }
    const { understood: r } = await reply(
      plan,
      { kind: 'registration', variant: FIRST[plan.persona]!.variant },
      mail,
    );
    expect(r.kind).toBe('registration');
    expectPeople(r.participants, plan.participants);
    expect(r.anchored).toBe(true);
    for (const kind of ['question', 'decline'] as const) {
      expect((await reply(plan, { kind }, mail)).understood.kind).toBe(kind);
    }
  });
});
