// Histories of finished journeys and their campaign, recorded from the workflows as they
// were (test/histories/record.ts), replay against the workflows as they are. A change
// that would break journeys already running (a reordered command, a removed timer)
// fails here; guard such a change with patched() and re-record.
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from '@temporalio/worker';
import { quietRuntime } from '../support/time-skipping';

jest.setTimeout(60_000);

const dir = path.resolve(__dirname, '../histories');
const files = fs.readdirSync(dir).filter((f) => f.endsWith('.json'));

test('the recorded histories are there', () => {
  expect(files.sort()).toEqual([
    'campaign.json',
    'journey-cancelled.json',
    'journey-completes.json',
    'journey-declines.json',
    'journey-incomplete.json',
    'journey-silent.json',
  ]);
});

test('every recorded history replays without non-determinism', async () => {
  quietRuntime();
  const histories = files.map((f) => ({
    workflowId: f,
    // The worker converts the CLI's JSON itself (with its own protobuf instance).
    history: JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as unknown,
  }));
  const results = [];
  for await (const result of Worker.runReplayHistories(
    { workflowsPath: require.resolve('../../workflows') },
    histories,
  )) {
    results.push({ workflowId: result.workflowId, error: result.error?.message ?? null });
  }
  expect(results).toEqual(files.map((f) => ({ workflowId: f, error: null })));
});
