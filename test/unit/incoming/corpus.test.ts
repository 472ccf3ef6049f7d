// Public corpora carried in test/fixtures/corpus with their licences (see bench/corpus.ts). Floors are
// set at what the reader achieves, a little below, so a regression fails here.
import {
  classificationAvailable,
  scoreClassification,
  scoreTrimming,
  CORPUS_ROOT,
  trimmingAvailable,
} from '../../../bench/corpus';

const FLOORS = { discourse: 62, crisp: 41 } as const;

describe('reply trimming corpora', () => {
  it.each(Object.entries(FLOORS))('%s passes at least %i files', (set, floor) => {
    if (!trimmingAvailable(set)) {
      throw new Error(`corpus ${set} not found under ${CORPUS_ROOT}`);
    }
    const score = scoreTrimming(set);
    expect(score.passed).toBeGreaterThanOrEqual(floor);
  });
});

describe('sisimai classification corpus', () => {
  let score: Awaited<ReturnType<typeof scoreClassification>> | null = null;
  beforeAll(async () => {
    score = classificationAvailable() ? await scoreClassification() : null;
  }, 120_000);

  it('is there', () => {
    expect(score).not.toBeNull();
  });

  it('never takes a bounce or an automatic reply for a person’s reply', () => {
    expect(score!.machineAsHuman).toEqual([]);
  });

  it('reads every bounce as a bounce and every automatic reply as one', () => {
    expect(score!.byClass.bounce.failed).toEqual([]);
    expect(score!.byClass['auto-reply'].failed).toEqual([]);
    expect(score!.byClass.bounce.total).toBe(187);
    expect(score!.byClass['auto-reply'].total).toBe(6);
  });

  it('leaves ordinary mail alone (rb-issue-368 is a postmaster’s mailbox-full notice: we call it a bounce)', () => {
    expect(score!.byClass.other.passed).toBeGreaterThanOrEqual(2);
    expect(score!.byClass.other.failed.filter((f) => f !== 'rb-issue-368-bug.eml')).toEqual([]);
  });
});
