// Scores the reader against the Norwegian reply corpus (test/fixtures/replies-nb): kinds as a
// confusion matrix, field accuracy, the review rate, and harmful readings: a wrong reading that
// was not sent to review and would move a journey, drop a person's mail, or put a person on
// the wrong side of the hotel list. Pure: the cases and readings come in, numbers go out.
import type { AttendanceAnswer, Participant, ParsedReply, ReplyKind } from '../../domain/types';

export interface ExpectedAttendance {
  participant: string;
  attending: boolean | null;
  overnight: boolean | null;
  dinner: boolean | null;
  dietary: string | null;
  substituteFor?: string | null;
}

export interface ReplyCase {
  file: string;
  step: string;
  note?: string;
  language?: string;
  context?: { participants?: { name: string; email?: string | null }[] };
  expected: {
    kind: ReplyKind;
    participants: { name: string; title?: string | null; email?: string | null }[] | null;
    anchored: boolean | null;
    networkPreference: string | null;
    attendance: ExpectedAttendance[] | null;
    hasQuestion: boolean;
    thanksOnly?: boolean;
    reviewAcceptable?: boolean;
  };
}

export interface CaseScore {
  file: string;
  expectedKind: ReplyKind;
  kind: ReplyKind;
  review: boolean;
  fullyRight: boolean;
  harmful: string | null;
  wrong: string[];
  evidence: string[];
}

const norm = (s: string | null | undefined) =>
  (s ?? '')
    .toLowerCase()
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}@.]+/gu, ' ')
    .trim();

const MOVES: ReplyKind[] = ['registration', 'decline'];
const MACHINE: ReplyKind[] = ['auto-reply', 'bounce'];

function participantsWrong(exp: ReplyCase['expected'], got: Participant[] | null): string[] {
  if (exp.kind !== 'registration' || exp.participants === null) return [];
  const want = exp.participants;
  const have = got ?? [];
  const wrong: string[] = [];
  const names = (l: { name: string }[]) => l.map((p) => norm(p.name)).sort();
  if (names(want).join('|') !== names(have).join('|'))
    wrong.push(`participants ${names(have).join(', ') || 'none'} ≠ ${names(want).join(', ')}`);
  for (const w of want) {
    const h = have.find((p) => norm(p.name) === norm(w.name));
    if (h && w.email && norm(h.email) !== norm(w.email)) wrong.push(`email of ${w.name}`);
  }
  return wrong;
}

function findAnswer(list: AttendanceAnswer[], name: string): AttendanceAnswer | undefined {
  const n = norm(name);
  return list.find((a) => norm(a.participant) === n);
}

function attendanceWrong(
  exp: ExpectedAttendance[] | null,
  got: AttendanceAnswer[] | null,
): { wrong: string[]; flipped: string[] } {
  if (exp === null) return { wrong: [], flipped: [] };
  const have = got ?? [];
  const wrong: string[] = [];
  const flipped: string[] = [];
  for (const e of exp) {
    const a = findAnswer(have, e.participant);
    if (!a) {
      wrong.push(`no answer for ${e.participant}`);
      continue;
    }
    for (const f of ['attending', 'overnight', 'dinner'] as const) {
      if (e[f] !== a[f]) wrong.push(`${f} of ${e.participant}`);
    }
    if (!!e.dietary !== !!a.dietary) wrong.push(`diet of ${e.participant}`);
    if (e.attending !== null && a.attending !== null && e.attending !== a.attending)
      flipped.push(e.participant);
  }
  return { wrong, flipped };
}

/** How one reading compares with what a careful coordinator would conclude. */
export function scoreCase(c: ReplyCase, r: ParsedReply): CaseScore {
  const exp = c.expected;
  const review = r.needsReview === true;
  const wrong: string[] = [];
  if (r.kind !== exp.kind) wrong.push(`kind ${r.kind} ≠ ${exp.kind}`);
  wrong.push(...participantsWrong(exp, r.kind === 'registration' ? r.participants : null));
  if (exp.kind === 'registration' && r.anchored !== exp.anchored)
    wrong.push(`anchored ${r.anchored} ≠ ${exp.anchored}`);
  if (exp.kind === 'registration' && (r.networkPreference ?? null) !== exp.networkPreference)
    wrong.push(`network ${r.networkPreference} ≠ ${exp.networkPreference}`);
  const att = attendanceWrong(exp.attendance, r.attendance);
  wrong.push(...att.wrong);

  let harmful: string | null = null;
  if (!review) {
    if (r.kind !== exp.kind && MOVES.includes(r.kind))
      harmful = `read as ${r.kind}, was ${exp.kind}`;
    else if (r.kind !== exp.kind && MACHINE.includes(r.kind) && !MACHINE.includes(exp.kind))
      harmful = `a person's ${exp.kind} filed as ${r.kind}`;
    else if (att.flipped.length) harmful = `attendance reversed for ${att.flipped.join(', ')}`;
  }
  return {
    file: c.file,
    expectedKind: exp.kind,
    kind: r.kind,
    review,
    fullyRight: !review && wrong.length === 0,
    harmful,
    wrong,
    evidence: r.evidence ?? [],
  };
}

export interface Summary {
  cases: number;
  fullyRight: number;
  reviewed: number;
  harmful: CaseScore[];
  /** expected kind → read kind → count (reviewed readings included). */
  confusion: Record<string, Record<string, number>>;
  fields: Record<string, { right: number; of: number }>;
}

export function summarise(scores: CaseScore[], cases: ReplyCase[]): Summary {
  const confusion: Summary['confusion'] = {};
  for (const s of scores) {
    confusion[s.expectedKind] ??= {};
    confusion[s.expectedKind][s.kind] = (confusion[s.expectedKind][s.kind] ?? 0) + 1;
  }
  const fields: Summary['fields'] = {};
  const tally = (field: string, applies: boolean, right: boolean) => {
    if (!applies) return;
    fields[field] ??= { right: 0, of: 0 };
    fields[field].of++;
    if (right) fields[field].right++;
  };
  scores.forEach((s, i) => {
    const exp = cases[i].expected;
    const reg = exp.kind === 'registration';
    tally('kind', true, s.kind === exp.kind);
    tally(
      'participants',
      reg && exp.participants !== null,
      !s.wrong.some((w) => /^participants|^email/.test(w)),
    );
    tally('anchored', reg, !s.wrong.some((w) => w.startsWith('anchored')));
    tally('network', reg, !s.wrong.some((w) => w.startsWith('network')));
    tally(
      'attendance',
      exp.attendance !== null,
      !s.wrong.some((w) => /of |^no answer/.test(w) && !/^email/.test(w)),
    );
  });
  return {
    cases: scores.length,
    fullyRight: scores.filter((s) => s.fullyRight).length,
    reviewed: scores.filter((s) => s.review).length,
    harmful: scores.filter((s) => s.harmful),
    confusion,
    fields,
  };
}

const pct = (n: number, of: number) => (of ? `${((100 * n) / of).toFixed(1)}%` : '–');

/** The summary as a report a maintainer reads in a terminal or BENCHMARKS.md. */
export function formatSummary(s: Summary): string {
  const kinds: ReplyKind[] = [
    'registration',
    'decline',
    'question',
    'other',
    'auto-reply',
    'bounce',
  ];
  const lines = [
    `Replies: ${s.cases}; fully right without review: ${s.fullyRight} (${pct(s.fullyRight, s.cases)}); ` +
      `sent to review: ${s.reviewed} (${pct(s.reviewed, s.cases)}); harmful: ${s.harmful.length}`,
    '',
    `| expected \\ read | ${kinds.join(' | ')} |`,
    `|---|${kinds.map(() => '---:').join('|')}|`,
    ...kinds
      .filter((k) => s.confusion[k])
      .map((k) => `| ${k} | ${kinds.map((r) => s.confusion[k][r] ?? 0).join(' | ')} |`),
    '',
    ...Object.entries(s.fields).map(([f, v]) => `${f}: ${v.right}/${v.of} (${pct(v.right, v.of)})`),
  ];
  for (const h of s.harmful) lines.push(`HARMFUL ${h.file}: ${h.harmful}`);
  return lines.join('\n');
}
