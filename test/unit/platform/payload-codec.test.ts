// The payload codec: what Temporal stores is encrypted, authenticated and readable only with
// a configured key; payloads written before encryption pass unchanged.
import crypto from 'node:crypto';
import { defaultPayloadConverter, METADATA_ENCODING_KEY, type Payload } from '@temporalio/common';
import {
  EncryptionCodec,
  ENCRYPTED_ENCODING,
  METADATA_KEY_ID,
  PayloadDecryptionError,
  type PayloadKey,
} from '../../../platform/payload-codec';

const key = (id: string): PayloadKey => ({ id, key: crypto.randomBytes(32) });
const person = {
  name: 'Ragnhild Kvitingen-Østerbø',
  email: 'ragnhild.kvitingen@voss.kommune.no',
  phone: '+47 915 55 123',
  diet: 'glutenfri og nøtteallergi',
};
const payload = (): Payload => defaultPayloadConverter.toPayload(person)!;
const meta = (p: Payload, k: string) => Buffer.from(p.metadata![k]!).toString('utf8');

async function expectDecryptionError(
  codec: EncryptionCodec,
  p: Payload,
  reason: PayloadDecryptionError['reason'],
): Promise<PayloadDecryptionError> {
  const error = await codec.decode([p]).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PayloadDecryptionError);
  expect((error as PayloadDecryptionError).reason).toBe(reason);
  return error as PayloadDecryptionError;
}

describe('EncryptionCodec', () => {
  const k1 = key('k1');
  const codec = new EncryptionCodec({ current: k1, decrypt: [k1] });

  it('round-trips a payload, metadata included', async () => {
    const [encoded] = await codec.encode([payload()]);
    const [decoded] = await codec.decode([encoded]);
    expect(defaultPayloadConverter.fromPayload(decoded)).toEqual(person);
    expect(meta(decoded, METADATA_ENCODING_KEY)).toBe('json/plain');
  });

  it('marks the payload binary/encrypted with the key id, a fresh IV each time', async () => {
    const [a, b] = await codec.encode([payload(), payload()]);
    expect(meta(a, METADATA_ENCODING_KEY)).toBe(ENCRYPTED_ENCODING);
    expect(meta(a, METADATA_KEY_ID)).toBe('k1');
    expect(Object.keys(a.metadata!).sort()).toEqual(
      [METADATA_KEY_ID, METADATA_ENCODING_KEY].sort(),
    );
    expect(Buffer.from(a.data!).subarray(0, 12)).not.toEqual(Buffer.from(b.data!).subarray(0, 12));
    expect(Buffer.from(a.data!)).not.toEqual(Buffer.from(b.data!));
  });

  it('never writes the plaintext bytes', async () => {
    const [encoded] = await codec.encode([payload()]);
    const stored = Buffer.concat([
      Buffer.from(encoded.data!),
      ...Object.values(encoded.metadata!).map((v) => Buffer.from(v!)),
    ]);
    for (const value of Object.values(person)) {
      expect(stored.includes(Buffer.from(value, 'utf8'))).toBe(false);
    }
    expect(stored.includes(Buffer.from('json/plain'))).toBe(false);
  });

  it.each([
    ['IV', (d: Buffer) => (d[0] ^= 1)],
    ['ciphertext', (d: Buffer) => (d[20] ^= 1)],
    ['tag', (d: Buffer) => (d[d.length - 1] ^= 1)],
  ])('rejects a payload whose %s was altered', async (_part, flip) => {
    const [encoded] = await codec.encode([payload()]);
    const data = Buffer.from(encoded.data!);
    flip(data);
    const error = await expectDecryptionError(codec, { ...encoded, data }, 'tampered');
    expect(error.keyId).toBe('k1');
    expect(error.message).toContain('failed authentication');
  });

  it('rejects a payload moved to another key id (the id is authenticated)', async () => {
    const k2 = { id: 'k2', key: k1.key };
    const both = new EncryptionCodec({ current: k1, decrypt: [k1, k2] });
    const [encoded] = await both.encode([payload()]);
    const relabelled = {
      ...encoded,
      metadata: { ...encoded.metadata, [METADATA_KEY_ID]: Buffer.from('k2') },
    };
    await expectDecryptionError(both, relabelled, 'tampered');
  });

  it('rejects a truncated payload as malformed', async () => {
    const [encoded] = await codec.encode([payload()]);
    await expectDecryptionError(
      codec,
      { ...encoded, data: encoded.data!.subarray(0, 20) },
      'malformed',
    );
  });

  it('names an unknown key id, and the variable to set, never a key', async () => {
    const other = key('2024-autumn');
    const [encoded] = await new EncryptionCodec({ current: other, decrypt: [other] }).encode([
      payload(),
    ]);
    const error = await expectDecryptionError(codec, encoded, 'unknown-key');
    expect(error.keyId).toBe('2024-autumn');
    expect(error.message).toContain('"2024-autumn"');
    expect(error.message).toContain('NETTVERK_PAYLOAD_KEYS_OLD');
    for (const k of [other.key, k1.key]) {
      expect(error.message).not.toContain(k.toString('hex'));
      expect(error.message).not.toContain(k.toString('base64'));
    }
  });

  it('reads payloads written under an old key after rotation, and writes under the new one', async () => {
    const [old] = await codec.encode([payload()]);
    const k2 = key('k2');
    const rotated = new EncryptionCodec({ current: k2, decrypt: [k2, k1] });
    expect(defaultPayloadConverter.fromPayload((await rotated.decode([old]))[0])).toEqual(person);
    const [fresh] = await rotated.encode([payload()]);
    expect(meta(fresh, METADATA_KEY_ID)).toBe('k2');
    await expectDecryptionError(codec, fresh, 'unknown-key');
  });

  it('passes plain payloads through unchanged (histories from before encryption)', async () => {
    const plain = [payload(), { metadata: {}, data: new Uint8Array([1, 2]) }, {}];
    const decoded = await codec.decode(plain);
    expect(decoded).toHaveLength(3);
    decoded.forEach((p, i) => expect(p).toBe(plain[i]));
  });

  it('with encryption off, writes in clear but still reads encrypted payloads', async () => {
    const [encoded] = await codec.encode([payload()]);
    const off = new EncryptionCodec({ current: null, decrypt: [k1] });
    const p = payload();
    expect((await off.encode([p]))[0]).toBe(p);
    expect(defaultPayloadConverter.fromPayload((await off.decode([encoded]))[0])).toEqual(person);
  });

  it('refuses a key of the wrong length', () => {
    expect(
      () => new EncryptionCodec({ current: null, decrypt: [{ id: 'x', key: Buffer.alloc(16) }] }),
    ).toThrow('must be 32 bytes');
  });
});
