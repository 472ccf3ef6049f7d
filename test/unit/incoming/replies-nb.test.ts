// The Norwegian reply corpus (test/fixtures/replies-nb, written independently of the reader,
// expectations fixed first): no reading may be harmful, i.e. wrong and not sent to review in
// a way that would move a journey, file a person's mail as a machine's, or put a person on
// the wrong side of the hotel list. Accuracy is measured, not asserted: `npm run score:replies`.
import type { Participant } from '../../../domain/types';
import { readReply } from '../../../mail/incoming/read';
import { loadReplyCases, replySet } from '../../../bench/replies/cases';
import { scoreCase, summarise } from '../../../bench/replies/score';

const cases = [
  ...loadReplyCases(),
  ...loadReplyCases(replySet('cases-2')).map((c) => ({ ...c, file: `cases-2/${c.file}` })),
  ...loadReplyCases(replySet('cases-3')).map((c) => ({ ...c, file: `cases-3/${c.file}` })),
];
// The held-out replies (unseen/): never tuned on, but no reading of them may be harmful either.
const unseen = loadReplyCases(replySet('unseen'));

const contextOf = (c: (typeof cases)[number]): Participant[] =>
  (c.context?.participants ?? []).map((p) => ({
    name: p.name,
    title: null,
    email: p.email ?? null,
    phone: null,
  }));

it('holds at least 150 replies across every step of the journey', () => {
  expect(cases.length).toBeGreaterThanOrEqual(150);
  expect(new Set(cases.map((c) => c.step))).toEqual(
    new Set(['invitation', 'incomplete', 'attendance', 'status', 'lessons']),
  );
});

describe.each([
  ...cases.map((c) => [c.file, c] as const),
  ...unseen.map((c) => [`unseen/${c.file}`, c] as const),
])('%s', (_file, c) => {
  it('is not read harmfully', async () => {
    const reply = await readReply(c.raw, { participants: contextOf(c) });
    const score = scoreCase(c, reply);
    // The evidence is in the message, so a failure says why the reader read it so.
    expect({ harmful: score.harmful, evidence: score.evidence }).toEqual({
      harmful: null,
      evidence: score.evidence,
    });
    expect(typeof reply.needsReview).toBe('boolean');
  });
});

it('meets the targets on the corpus: under 15% to review, at least 90% fully right', async () => {
  const scores = await Promise.all(
    cases.map(async (c) => scoreCase(c, await readReply(c.raw, { participants: contextOf(c) }))),
  );
  const summary = summarise(scores, cases);
  // The targets over the tuned sets (today 93.6%, 91.4%, 90.0%; 2.3%, 4.3%, 7.5% to review).
  expect(summary.reviewed / summary.cases).toBeLessThan(0.15);
  expect(summary.fullyRight / summary.cases).toBeGreaterThanOrEqual(0.9);
});
