// The recorded histories (written before payloads were encrypted) replay through the
// worker's own data converter, and so do the same histories with every payload encrypted:
// journeys running when encryption was switched on keep working, and new ones read back.
import fs from 'node:fs';
import path from 'node:path';
import type { Payload } from '@temporalio/common';
import { Worker } from '@temporalio/worker';
import { loadConfig } from '../../platform/config';
import { EncryptionCodec } from '../../platform/payload-codec';
import { dataConverter } from '../../platform/temporal';
import { quietRuntime } from '../support/time-skipping';

jest.setTimeout(60_000);

const dir = path.resolve(__dirname, '../histories');
const files = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort();
const config = loadConfig({});
const codec = new EncryptionCodec(config.payloadKeys);

type Json = unknown;
const isPayload = (v: Json): v is { metadata: Record<string, string>; data?: string } =>
  typeof v === 'object' &&
  v !== null &&
  'metadata' in v &&
  typeof (v as { metadata: unknown }).metadata === 'object' &&
  typeof (v as { metadata: Record<string, unknown> }).metadata.encoding === 'string';

/** Every payload in a history (protobuf JSON, bytes as base64) encrypted, as a worker with
 * the codec would have written it. Search attributes are never encoded by codecs. */
async function encryptHistory(value: Json, key = ''): Promise<Json> {
  if (key === 'searchAttributes') return value;
  if (isPayload(value)) {
    const payload: Payload = {
      metadata: Object.fromEntries(
        Object.entries(value.metadata).map(([k, v]) => [k, Buffer.from(v, 'base64')]),
      ),
      data: Buffer.from(value.data ?? '', 'base64'),
    };
    const [encrypted] = await codec.encode([payload]);
    return {
      metadata: Object.fromEntries(
        Object.entries(encrypted.metadata!).map(([k, v]) => [
          k,
          Buffer.from(v!).toString('base64'),
        ]),
      ),
      data: Buffer.from(encrypted.data!).toString('base64'),
    };
  }
  if (Array.isArray(value)) return Promise.all(value.map((v) => encryptHistory(v)));
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, Json> = {};
    for (const [k, v] of Object.entries(value)) out[k] = await encryptHistory(v, k);
    return out;
  }
  return value;
}

async function replay(histories: { workflowId: string; history: unknown }[]) {
  quietRuntime();
  const results = [];
  for await (const result of Worker.runReplayHistories(
    { workflowsPath: require.resolve('../../workflows'), dataConverter: dataConverter(config) },
    histories,
  )) {
    results.push({ workflowId: result.workflowId, error: result.error?.message ?? null });
  }
  return results;
}

const read = (f: string) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as unknown;

test('histories recorded in clear replay through the payload codec', async () => {
  const histories = files.map((f) => ({ workflowId: f, history: read(f) }));
  expect(await replay(histories)).toEqual(files.map((f) => ({ workflowId: f, error: null })));
});

test('the same histories, every payload encrypted, replay too', async () => {
  const histories = [];
  for (const f of files) {
    const history = await encryptHistory(read(f));
    expect(JSON.stringify(history).includes('"encryption-key-id"')).toBe(true);
    histories.push({ workflowId: `encrypted-${f}`, history });
  }
  expect(await replay(histories)).toEqual(
    files.map((f) => ({ workflowId: `encrypted-${f}`, error: null })),
  );
});
