// The closing note of BENCHMARKS.md: each goal of issue 13 with the figure this run measured
// for it (met, missed, or not measured by this bench), and what changed the figures.
import type { Row } from './measure';
import type { Results } from './report';

const GB = 1024;

function find(r: Results, prefix: string): Row | undefined {
  for (const s of r.sections) {
    const row = s.rows.find((x) => x.benchmark.startsWith(prefix));
    if (row) return row;
  }
  return undefined;
}

/** The leading number of a figure such as "631.8 MB" or "233.44 ms". */
const value = (text: string) => Number.parseFloat(text.replace(/,/g, ''));

function verdict(met: boolean): string {
  return met ? '**met**' : '**missed**';
}

export function closingNotes(r: Results): string[] {
  const journeys = Number(r.options.journeys);
  const cache = Number(r.options.cache);
  const notes: string[] = [];
  if (r.quick) notes.push('Quick mode: no goal is judged on these sizes.', '');

  const memory = find(r, 'worker memory, ');
  if (memory && !r.quick) {
    const mbs = value(memory.ours);
    const full = journeys > cache;
    notes.push(
      `- Worker memory, open journeys waiting on timers (goal < 1 GB at 10,000, bounded by configuration): ` +
        `${memory.ours} at ${journeys} with a cache of ${cache} (${memory.baseline}). ` +
        (full
          ? `The cache was full, so more journeys add nothing until they wake: ${verdict(mbs < GB)} as long as the plateau holds; ` +
            'the scale benchmark at 10,000 (`--journeys 10000`) confirms it on a machine that can spare the time.'
          : `The cache was not full at this size: run with \`--journeys\` above ${cache} to judge the goal.`),
    );
  }
  const counts = find(r, 'stage counts (campaign status)');
  const status = find(r, 'campaign status (operation)');
  if (counts && status && !r.quick) {
    notes.push(
      `- \`campaign status\` (goal < 1 s at 10,000, from visibility counts): ${status.ours} at ${journeys}, ` +
        `its stage counts ${counts.ours} against ${counts.baseline.replace(/^walking every journey: /, '')} walking every journey ` +
        `(${counts.ratio.toFixed(2)}×). ${verdict(value(status.ours) < 1000)} at ${journeys}; the counts are ` +
        `one query per stage on the dev server (it cannot group by a custom search attribute), each growing with the namespace's rows in SQLite.`,
    );
  }
  const bundle = find(r, 'workflow bundle without zod');
  if (bundle) notes.push(`- Workflow bundle: ${bundle.ours} (${bundle.baseline}).`);
  notes.push(
    '- Not measured by this bench yet: worker memory during a 500-invitation fan-out, fan-out against raw ' +
      'nodemailer, reply ingestion against raw imapflow + parser and bare signals, reply → journey latency, ' +
      'and sending under a 30/min limit in every 60 s window (issue 13, the mail and inbox parts).',
    '',
    'What changed the figures (issue 13):',
    '',
    '- zod out of the workflow bundle: `domain/campaign/resolve.ts` took two helpers from `file-format.ts`, ' +
      'which pulled zod and its schemas into every workflow context (3.2 MB → 2.1 MB bundle).',
    '- The worker cache from configuration (`NETTVERK_WORKER_CACHED_WORKFLOWS`, default 250): the SDK sized ' +
      'it from the heap, about 2,300 workflows on a machine like this, and memory grew with the journeys up to it.',
    '- `campaign status` counts stages with visibility counts (one per stage and one of the whole, at once) ' +
      'instead of listing every journey; counts that do not add up are taken again, then walked as before.',
  );
  return notes;
}
