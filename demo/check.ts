// The demo's own verdict. The funnel must come out as the simulated municipalities set out
// to make it: that decides the exit code. Each municipality's end, the flags and the lessons
// are compared too, and differences shown with «≠»: in a calendar where a day lasts half a
// second, a mail read a moment late is read days late, and a registration that arrives
// after another can cost a place or raise a flag the real calendar never would.
import type { Funnel } from '../operations/status';
import type { JourneyState } from '../workflows/definitions';
import type { ExpectedOutcome } from './simulator';

const mark = (ok: boolean) => (ok ? '✓' : '✗');

export function compareWithExpected(
  funnel: Funnel,
  states: JourneyState[],
  expected: ExpectedOutcome,
): boolean {
  console.log(
    '\nHow the campaign ended (expected from what the simulated municipalities set out to do):',
  );
  const e = expected.counts;
  const rows: [string, number, number][] = [
    ['completed', funnel.completed, e.completed ?? 0],
    ['declined', funnel.declined, e.declined ?? 0],
    ['no answer', funnel.noAnswer, e.no_response ?? 0],
    ['waiting list', funnel.waitingList, e.waiting_list ?? 0],
    ['cancelled', funnel.cancelled, e.cancelled ?? 0],
  ];
  let ok = true;
  for (const [label, got, want] of rows) {
    ok &&= got === want;
    console.log(
      `  ${label.padEnd(13)} ${String(got).padStart(3)}   expected ${want} ${mark(got === want)}`,
    );
  }

  const byId = new Map(states.map((s) => [s.municipality.id, s]));
  const astray = expected.municipalities.filter(
    (m) => byId.get(m.municipalityId)?.stage !== m.finalStage,
  );
  for (const m of astray) {
    const got = byId.get(m.municipalityId)?.stage ?? 'no journey';
    console.log(`  ≠ ${m.name} (${m.persona}) ended ${got}, expected ${m.finalStage}`);
  }

  const flags: Record<string, number> = {};
  for (const s of states) for (const f of s.flags) flags[f.kind] = (flags[f.kind] ?? 0) + 1;
  const kinds = [...new Set([...Object.keys(flags), ...Object.keys(expected.flags)])].sort();
  const flagLine = kinds.map((k) => {
    const got = flags[k] ?? 0;
    const want = expected.flags[k as keyof typeof expected.flags] ?? 0;
    return `${k} ${got}${got === want ? '' : ` ≠ expected ${want}`}`;
  });
  console.log(`  flags for the coordinator: ${flagLine.join(', ') || 'none'}`);

  const lessons = states.flatMap((s) => s.reports).filter((r) => r.kind === 'lessons').length;
  console.log(
    `  lessons learned received ${lessons}, expected ${expected.lessonsReports}${lessons === expected.lessonsReports ? '' : ' ≠'}`,
  );
  return ok;
}
