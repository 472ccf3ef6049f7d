// npm run score:replies [-- --verbose] [-- --json] [-- --set cases-2|cases-3|unseen]: the reader against
// the Norwegian corpus (cases/, cases-2/, cases-3/, which it is tuned on) or the held-out set (unseen/).
import { readReply } from '../../mail/incoming/read';
import type { Participant } from '../../domain/types';
import { loadReplyCases, replySet } from './cases';
import { formatSummary, scoreCase, summarise } from './score';

const verbose = process.argv.includes('--verbose');
const json = process.argv.includes('--json');
const setIndex = process.argv.indexOf('--set');
const cases = loadReplyCases(replySet(setIndex > 0 ? process.argv[setIndex + 1] : 'cases'));
async function main(): Promise<void> {
  // The first reading compiles every pattern (about half a second): time it apart.
  const firstStart = process.hrtime.bigint();
  if (cases[0]) await readReply(cases[0].raw);
  const firstMs = Number(process.hrtime.bigint() - firstStart) / 1e6;
  const times: number[] = [];
  const scores = [];
  for (const c of cases) {
    const participants: Participant[] = (c.context?.participants ?? []).map((p) => ({
      name: p.name,
      title: null,
      email: p.email ?? null,
      phone: null,
    }));
    const t0 = process.hrtime.bigint();
    const reply = await readReply(c.raw, { participants });
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    scores.push(scoreCase(c, reply));
  }
  const summary = summarise(scores, cases);
  times.sort((a, b) => a - b);
  const timing = {
    firstMs,
    medianMs: times[Math.floor(times.length / 2)] ?? 0,
    maxMs: times[times.length - 1] ?? 0,
  };
  if (json) {
    process.stdout.write(`${JSON.stringify({ summary, timing, scores }, null, 2)}\n`);
  } else {
    if (verbose) {
      for (const s of scores.filter((x) => !x.fullyRight)) {
        const tag = s.harmful ? 'HARMFUL' : s.review ? 'review ' : 'wrong  ';
        process.stdout.write(
          `${tag} ${s.file}: ${s.wrong.join('; ') || 'right, but sent to review'}\n`,
        );
        for (const e of s.evidence) process.stdout.write(`          ${e}\n`);
      }
      process.stdout.write('\n');
    }
    process.stdout.write(`${formatSummary(summary)}\n`);
    process.stdout.write(
      `Parse time per reply: median ${timing.medianMs.toFixed(1)} ms, max ${timing.maxMs.toFixed(1)} ms ` +
        `(the first, compiling the patterns: ${timing.firstMs.toFixed(0)} ms)\n`,
    );
  }
  process.exitCode = summary.harmful.length ? 1 : 0;
}

void main().catch((e: unknown) => {
  process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
  process.exitCode = 2;
});
