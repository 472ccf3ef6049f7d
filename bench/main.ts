// `npm run bench [-- options]`: every benchmark, as ratios against baselines measured in the
// same run, written to BENCHMARKS.md and bench/results/<name>.json (bench/report.ts).
//   --quick           tiny sizes: shows that every benchmark runs; the figures say nothing
//   --scale N         journeys in the fan-out benchmark (1,000; quick 20)
//   --journeys N      open journeys in the scale benchmark (2,000; quick 20)
//   --cache N         the worker's cache there (NETTVERK_WORKER_CACHED_WORKFLOWS' default)
//   --replies N       replies in the ingestion benchmark (200; quick 10), plus 30 one at a
//                     time and 10 pairs for the latency (quick 3 and 2)
//   --only a,b        only these parts: cli, pure, bundle, system, scale, ingest, corpus
//   --name NAME       bench/results/NAME.json (latest; quick: quick)
//   --out FILE        the Markdown file (BENCHMARKS.md at the root; quick: bench/results/quick.md)
import path from 'node:path';
import {
  classificationAvailable,
  scoreClassification,
  scoreTrimming,
  TRIMMING_SETS,
  trimmingAvailable,
} from './corpus';
import { bundleBenchmarks } from './bundle';
import { cliStartBenchmarks } from './cli-start';
import { printRows, type Row } from './measure';
import { closingNotes } from './notes';
import { pureBenchmarks } from './pure';
import { describeMachine, writeResults, type Results } from './report';
import { scaleBenchmark } from './scale';
import { fanOutBenchmark, rateLimitBenchmark } from './system';
import { ingestionBenchmark } from './ingestion';
import { loadConfig } from '../platform/config';

const root = path.resolve(__dirname, '..');
const PARTS = ['cli', 'pure', 'bundle', 'system', 'scale', 'ingest', 'corpus'] as const;

function option(name: string): string | null {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? (process.argv[i + 1] ?? null) : null;
}

function count(name: string, fallback: number): number {
  const raw = option(name);
  if (raw === null) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1)
    throw new Error(`--${name}: expected a whole number, got ${raw}`);
  return n;
}

async function corpusRows(): Promise<Row[]> {
  const rows: Row[] = [];
  for (const set of TRIMMING_SETS) {
    if (!trimmingAvailable(set)) continue;
    const s = scoreTrimming(set);
    rows.push({
      benchmark: `trimming, ${set}`,
      ours: `${s.passed} right`,
      baseline: `${s.total} messages`,
      ratio: s.passed / Math.max(1, s.total),
      note: 'share trimmed as the corpus says',
    });
  }
  if (classificationAvailable()) {
    const c = await scoreClassification();
    for (const [label, v] of Object.entries(c.byClass))
      rows.push({
        benchmark: `classification, ${label}`,
        ours: `${v.passed} right`,
        baseline: `${v.total} messages`,
        ratio: v.passed / Math.max(1, v.total),
        note: 'share classified as the corpus says',
      });
    rows.push({
      benchmark: 'bounces or auto-replies read as a person',
      ours: String(c.machineAsHuman.length),
      baseline: `${Object.values(c.byClass).reduce((n, v) => n + v.total, 0)} messages`,
      ratio:
        c.machineAsHuman.length /
        Math.max(
          1,
          Object.values(c.byClass).reduce((n, v) => n + v.total, 0),
        ),
      note: 'should be 0',
    });
  }
  return rows;
}

async function main(): Promise<void> {
  const t0 = Date.now();
  const quick = process.argv.includes('--quick');
  const only = option('only')?.split(',') ?? [...PARTS];
  for (const p of only)
    if (!(PARTS as readonly string[]).includes(p))
      throw new Error(`--only: unknown part ${p} (${PARTS.join(', ')})`);
  const fanOut = count('scale', quick ? 20 : 1000);
  const journeys = count('journeys', quick ? 20 : 2000);
  const replies = count('replies', quick ? 10 : 200);
  const cache = count(
    'cache',
    loadConfig({ NETTVERK_ENV_FILE: '/dev/null' }).worker.cachedWorkflows,
  );
  const name = option('name') ?? (quick ? 'quick' : 'latest');
  const sections: Results['sections'] = [];
  const part = async (key: (typeof PARTS)[number], title: string, run: () => Promise<Row[]>) => {
    if (!only.includes(key)) return;
    console.log(`${title} …`);
    const rows = await run();
    printRows(rows);
    console.log();
    sections.push({ title, rows });
  };

  await part('cli', 'CLI start-up, whole processes', cliStartBenchmarks);
  await part('pure', 'Pure code', pureBenchmarks);
  await part('bundle', 'Workflow bundle', bundleBenchmarks);
  await part('system', 'Mail rate limit and fan-out on the dev server and GreenMail', async () => [
    ...(await rateLimitBenchmark(quick ? 5 : 21)),
    ...(await fanOutBenchmark(fanOut)),
  ]);
  await part('scale', `Scale: ${journeys} open journeys, worker in its own process`, () =>
    scaleBenchmark(journeys, cache),
  );
  await part(
    'ingest',
    `Reply ingestion: ${replies} replies into the TI mailbox, watcher in this process`,
    () => ingestionBenchmark(replies, quick ? 3 : 30, quick ? 2 : 10),
  );
  await part('corpus', 'Reply reader on the public corpora (test/fixtures/corpus)', async () =>
    corpusRows(),
  );

  const results: Results = {
    name,
    quick,
    options: { scale: fanOut, journeys, cache, replies, only: only.join(',') },
    machine: describeMachine(),
    seconds: (Date.now() - t0) / 1000,
    sections,
    notes: [],
  };
  results.notes = closingNotes(results);
  // A quick run says nothing worth keeping: it never takes BENCHMARKS.md's place.
  const out =
    option('out') ??
    (quick ? path.join(root, 'bench', 'results', 'quick.md') : path.join(root, 'BENCHMARKS.md'));
  for (const file of writeResults(results, path.resolve(out)))
    console.log(`Wrote ${path.relative(root, file)}`);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
