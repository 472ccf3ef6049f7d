// The codec server the Temporal UI calls: decodes and encodes payloads in the UI's JSON
// shape, and answers only the UI's origin.
import crypto from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type http from 'node:http';
import { defaultPayloadConverter } from '@temporalio/common';
import { createCodecServer } from '../../../platform/codec-server';
import { EncryptionCodec } from '../../../platform/payload-codec';

const k = { id: 'k1', key: crypto.randomBytes(32) };
const codec = new EncryptionCodec({ current: k, decrypt: [k] });
const UI = 'http://127.0.0.1:8233';
let server: http.Server;
let base: string;

beforeAll(async () => {
  server = createCodecServer(codec, { origins: [UI] });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
});

const post = (path: string, body: unknown, origin = UI) =>
  fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: origin, 'X-Namespace': 'default' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

test('encodes and decodes in the UI’s JSON shape', async () => {
  const plain = defaultPayloadConverter.toPayload({ name: 'Kari Nordmann' })!;
  const json = {
    payloads: [
      {
        metadata: { encoding: Buffer.from(plain.metadata!.encoding!).toString('base64') },
        data: Buffer.from(plain.data!).toString('base64'),
      },
    ],
  };
  const encoded = await post('/encode', json);
  expect(encoded.status).toBe(200);
  expect(encoded.headers.get('access-control-allow-origin')).toBe(UI);
  const encrypted = (await encoded.json()) as typeof json;
  expect(Buffer.from(encrypted.payloads[0].metadata.encoding, 'base64').toString()).toBe(
    'binary/encrypted',
  );
  expect(Buffer.from(encrypted.payloads[0].data, 'base64').includes('Kari')).toBe(false);

  const decoded = await post('/decode', encrypted);
  expect(decoded.status).toBe(200);
  expect(await decoded.json()).toEqual(json);
});

test('answers the UI’s preflight, and nobody else’s page', async () => {
  const preflight = await fetch(`${base}/decode`, {
    method: 'OPTIONS',
    headers: { Origin: UI, 'Access-Control-Request-Headers': 'content-type,x-namespace' },
  });
  expect(preflight.status).toBe(204);
  expect(preflight.headers.get('access-control-allow-headers')).toMatch(/X-Namespace/i);
  const other = await post('/decode', { payloads: [] }, 'https://evil.example');
  expect(other.status).toBe(403);
  expect(other.headers.get('access-control-allow-origin')).toBeNull();
});

test('refuses what is not payloads, and names a key it lacks without failing open', async () => {
  expect((await post('/decode', 'not json')).status).toBe(400);
  expect((await post('/elsewhere', { payloads: [] })).status).toBe(404);
  const other = { id: 'other-key', key: crypto.randomBytes(32) };
  const [foreign] = await new EncryptionCodec({ current: other, decrypt: [other] }).encode([
    defaultPayloadConverter.toPayload('x')!,
  ]);
  const res = await post('/decode', {
    payloads: [
      {
        metadata: Object.fromEntries(
          Object.entries(foreign.metadata!).map(([key, v]) => [
            key,
            Buffer.from(v!).toString('base64'),
          ]),
        ),
        data: Buffer.from(foreign.data!).toString('base64'),
      },
    ],
  });
  expect(res.status).toBe(422);
  expect(((await res.json()) as { error: string }).error).toContain('"other-key"');
});
