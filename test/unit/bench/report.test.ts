// BENCHMARKS.md as `npm run bench` writes it: the machine and versions, every figure beside
// its baseline and ratio, and a closing note that judges the goals only on real sizes.
import { closingNotes } from '../../../bench/notes';
import { markdown, type Results } from '../../../bench/report';

function results(quick: boolean, statusMs: number): Results {
  return {
    name: 'test',
    quick,
    options: { scale: 1000, journeys: 2000, cache: 250, only: 'scale' },
    machine: {
      date: '2026-12-01T12:00:00.000Z',
      cpu: 'Test CPU',
      cpus: 2,
      memory: '8.0 GiB',
      os: 'Linux',
      node: 'v20.19.0',
      temporalSdk: '1.24.0',
      temporalCli: '1.9.1 (Server 1.32.0)',
      greenmail: '2.1.8',
      commit: 'abc1234',
    },
    seconds: 200,
    sections: [
      {
        title: 'Scale',
        rows: [
          {
            benchmark: 'worker memory, 2000 open journeys, cache 250',
            ours: '512.0 MB',
            baseline: 'caching all: 1024.0 MB',
            ratio: 0.5,
            note: 'RSS | once idle',
          },
          {
            benchmark: 'stage counts (campaign status), 2000 journeys',
            ours: '200.00 ms',
            baseline: 'walking every journey: 1000.00 ms',
            ratio: 0.2,
            note: 'counts',
          },
          {
            benchmark: 'campaign status (operation), 2000 journeys',
            ours: `${statusMs.toFixed(2)} ms`,
            baseline: 'one visibility count: 5.00 ms',
            ratio: statusMs / 5,
            note: 'all of it',
          },
        ],
      },
    ],
    notes: [],
  };
}

test('machine, versions and every figure with its baseline and ratio', () => {
  const r = results(false, 300);
  const text = markdown({ ...r, notes: closingNotes(r) });
  expect(text).toContain('| CPU | Test CPU, 2 cores |');
  expect(text).toContain('| Temporal | SDK 1.24.0; CLI and dev server 1.9.1 (Server 1.32.0) |');
  expect(text).toContain('| GreenMail | 2.1.8 |');
  expect(text).toContain(
    '| worker memory, 2000 open journeys, cache 250 | 512.0 MB | caching all: 1024.0 MB | 0.50× | RSS \\| once idle |',
  );
  expect(text).toContain('bench/results/test.json');
  expect(text).not.toContain('Quick mode');
});

test('the closing note judges the goals on real sizes only', () => {
  const met = closingNotes(results(false, 300)).join('\n');
  expect(met).toMatch(/Worker memory[^\n]*\*\*met\*\*/);
  expect(met).toMatch(/campaign status[^\n]*\*\*met\*\*/);
  expect(closingNotes(results(false, 1500)).join('\n')).toMatch(
    /campaign status[^\n]*\*\*missed\*\*/,
  );
  const quick = closingNotes(results(true, 300)).join('\n');
  expect(quick).toContain('Quick mode');
  expect(quick).not.toMatch(/\*\*(met|missed)\*\*/);
});
