// `npm run bench [-- --scale N] [-- --only cli]`: every benchmark, as ratios against
// baselines measured in the same run, plus the reply reader's scores on the public corpora.
import {
  classificationAvailable,
  scoreClassification,
  scoreTrimming,
  TRIMMING_SETS,
  trimmingAvailable,
} from './corpus';
import { cliStartBenchmarks } from './cli-start';
import { printRows, type Row } from './measure';
import { pureBenchmarks } from './pure';
import { fanOutBenchmark, rateLimitBenchmark } from './system';

async function main(): Promise<void> {
  const i = process.argv.indexOf('--scale');
  const scale = i > 0 ? Number(process.argv[i + 1]) : 1000;
  const only = process.argv.includes('--only')
    ? process.argv[process.argv.indexOf('--only') + 1]
    : null;
  const rows: Row[] = [];
  console.log('CLI start-up, whole processes …');
  rows.push(...(await cliStartBenchmarks()));
  if (only === 'cli') {
    printRows(rows);
    return;
  }
  console.log('Pure code …');
  rows.push(...(await pureBenchmarks()));
  console.log('Mail rate limit on the dev server and GreenMail …');
  rows.push(...(await rateLimitBenchmark()));
  console.log(`Fan-out of ${scale} journeys on the dev server …`);
  rows.push(...(await fanOutBenchmark(scale)));
  console.log();
  printRows(rows);

  console.log('\nReply reader on the public corpora (test/fixtures/corpus):');
  for (const set of TRIMMING_SETS) {
    if (!trimmingAvailable(set)) continue;
    const s = scoreTrimming(set);
    console.log(`  trimming ${set.padEnd(10)} ${s.passed}/${s.total}`);
  }
  if (classificationAvailable()) {
    const c = scoreClassification();
    for (const [label, v] of Object.entries(c.byClass))
      console.log(`  class ${label.padEnd(13)} ${v.passed}/${v.total}`);
    console.log(`  bounces or auto-replies read as a person: ${c.machineAsHuman.length}`);
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
