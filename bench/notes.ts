// The closing note of BENCHMARKS.md: each goal of issue 13 with the figure this run measured
// for it (met, missed, or not measured by this bench), and what changed the figures.
import type { Row } from './measure';
import type { Results } from './report';

const GB = 1024;

/** The first row whose name starts with `prefix` (or holds it, past a leading count). */
function find(r: Results, prefix: string): Row | undefined {
  const rows = r.sections.flatMap((s) => s.rows);
  return (
    rows.find((x) => x.benchmark.startsWith(prefix)) ??
    rows.find((x) => x.benchmark.replace(/^\d+\s+/, '').startsWith(prefix))
  );
}

/** The leading number of a figure such as "631.8 MB" or "233.44 ms". */
const value = (text: string) => Number.parseFloat(text.replace(/,/g, ''));

function verdict(met: boolean): string {
  return met ? '**met**' : '**missed**';
}

/** The goals of the mail and inbox rows: each figure beside its goal, met or missed. */
function mailAndInboxNotes(r: Results): string[] {
  const out: string[] = [];
  const fanOut = find(r, 'invitations through journeys, rate limit lifted');
  if (fanOut)
    out.push(
      `- Invitation fan-out against raw pooled nodemailer (goal ≥ 0.5×): ${fanOut.ours} against ${fanOut.baseline}, ` +
        `${fanOut.ratio.toFixed(2)}× ${verdict(fanOut.ratio >= 0.5)}. Per send the archive check takes 130–160 ms and ` +
        'SMTP 50–95 ms; the journeys schedule their first sends over several seconds while the workers could carry them ' +
        "faster, so the bound is now the journeys' first workflow tasks on the dev server, not the send path.",
    );
  const rss = find(r, 'worker peak RSS, ');
  if (rss)
    out.push(
      `- Worker memory during a 500-invitation fan-out (goal < 500 MB): ${rss.ours} (${rss.baseline}) ` +
        `${verdict(value(rss.ours) < 500)}.`,
    );
  const most = find(r, 'invitations at R = ');
  const waited = r.sections
    .flatMap((x) => x.rows)
    .find((x) => x.benchmark.includes('rate while mail waited'));
  if (most && waited)
    out.push(
      `- Sending under the limit (goal ≤ R in any 60 s and ≥ 0.9 R while mail waits): ${most.ours} in the busiest ` +
        `60 s (${most.ratio.toFixed(2)}× R), ${waited.ours} while mail waited (${waited.ratio.toFixed(2)}× R) ` +
        `${verdict(most.ratio <= 1 && waited.ratio >= 0.9)}.`,
    );
  const ingest = find(r, 'reply ingestion, ');
  if (ingest)
    out.push(
      `- Reply ingestion (goal ≥ 0.5× the slower of fetch + parse and bare signals): ${ingest.ours}, ` +
        `${ingest.ratio.toFixed(2)}× ${verdict(ingest.ratio >= 0.5)}. More lanes do not help (32 gave no more than 8): the ` +
        "inbox now waits on the dev server, which also carries each registration's own work (its confirmation mail " +
        "with the archive check, the campaign's signal, search attributes), work neither baseline does. " +
        "It runs after the scale part, on a dev server still deleting that part's workflows: on a quieter server the " +
        'same code measured 37–55 replies a second (0.08–0.13×).',
    );
  const single = find(r, 'reply → journey state, ');
  const pairs = r.sections
    .flatMap((x) => x.rows)
    .find((x) => x.benchmark.startsWith('reply → journey state') && x.benchmark.includes('pairs'));
  if (single)
    out.push(
      `- Reply → journey state (goal p95 < 1 s, max < 3 s): ${single.ours}` +
        (pairs ? `; in pairs ${pairs.ours}` : '') +
        ` ${verdict(single.ratio < 1 && (!pairs || pairs.ratio < 1))}.`,
    );
  return out;
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
          ? `The cache was full, so more journeys add nothing until they wake: ${verdict(mbs < GB)}` +
            (journeys >= 10_000
              ? ` at ${journeys}.`
              : ' as long as the plateau holds; `--journeys 10000` measures it at 10,000.')
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
  if (!r.quick) notes.push(...mailAndInboxNotes(r));
  notes.push(
    '',
    'What changed the figures (issue 13):',
    '',
    '- zod out of the workflow bundle: `domain/campaign/resolve.ts` took two helpers from `file-format.ts`, ' +
      'which pulled zod and its schemas into every workflow context (3.2 MB → 2.1 MB bundle).',
    '- The worker cache from configuration (`NETTVERK_WORKER_CACHED_WORKFLOWS`, default 250): the SDK sized ' +
      'it from the heap, about 2,300 workflows on a machine like this, and memory grew with the journeys up to it.',
    '- `campaign status` counts stages with visibility counts (one per stage and one of the whole, at once) ' +
      'instead of listing every journey; counts that do not add up are taken again, then walked as before.',
    '- The mail rate is a sliding 60 s window in the send path (`activities/mail/rate-window.ts`), not the ' +
      "task queue's limit, which the server split over four partitions (16/min at 30/min, 24 in a window).",
    '- Archive checks asked together go in one IMAP search; SMTP connections stay open (one message each at a ' +
      'time, so a send can still be cut); four sends at once per connection (fan-out 0.22× → about 0.40× of ' +
      'pooled nodemailer).',
    '- The inbox fetches the waiting replies with one command and moves them with one per folder, applies ' +
      'replies to different journeys side by side, and asks `describe` only when a fixed domain key does not ' +
      'vouch for the sender (ingestion 8.7/s → about 55/s); a sweep that moved anything looks again (the 17 s stall).',
  );
  return notes;
}
