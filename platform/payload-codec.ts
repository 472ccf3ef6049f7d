// Encrypts every payload Temporal stores (workflow input, signals, updates, queries'
// answers, activity input and results, memo, failure details) with AES-256-GCM, so the
// names, addresses, phones, dietary needs and reply text in a journey are not in clear in
// the server's database. Client and worker both use it (platform/temporal.ts,
// worker/workers.ts). The shape follows Temporal's encryption sample: encoding
// `binary/encrypted`, the key id in the metadata, the whole original payload (its own
// metadata included) encrypted as one protobuf.
import crypto from 'node:crypto';
import { METADATA_ENCODING_KEY, type Payload, type PayloadCodec } from '@temporalio/common';
import { temporal } from '@temporalio/proto';

export const ENCRYPTED_ENCODING = 'binary/encrypted';
export const METADATA_KEY_ID = 'encryption-key-id';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;

export interface PayloadKey {
  id: string;
  /** 32 bytes. Never log it. */
  key: Buffer;
}

export interface PayloadKeys {
  /** The key new payloads are encrypted with; null when encryption is switched off. */
  current: PayloadKey | null;
  /** Every key a payload may have been encrypted with (current and earlier ones). */
  decrypt: PayloadKey[];
}

export type DecryptionFailure = 'unknown-key' | 'tampered' | 'malformed';

/** A stored payload that cannot be decrypted. Names the key id, never a key. */
export class PayloadDecryptionError extends Error {
  constructor(
    readonly reason: DecryptionFailure,
    readonly keyId: string | null,
    detail: string,
  ) {
    super(detail);
    this.name = 'PayloadDecryptionError';
  }
}

const utf8 = (text: string) => new TextEncoder().encode(text);
const text = (bytes: Uint8Array | null | undefined) =>
  bytes ? Buffer.from(bytes).toString('utf8') : null;

/**
 * Binds the ciphertext to its key id: a payload whose metadata was edited to name another
 * key fails authentication instead of decrypting under a key it was not written with.
 */
const additionalData = (keyId: string) => Buffer.from(`nettverk-payload-v1\0${keyId}`, 'utf8');

export class EncryptionCodec implements PayloadCodec {
  private readonly keys = new Map<string, Buffer>();

  constructor(private readonly config: PayloadKeys) {
    for (const k of [...(config.current ? [config.current] : []), ...config.decrypt]) {
      if (k.key.length !== KEY_BYTES) {
        throw new Error(`Payload key "${k.id}" must be ${KEY_BYTES} bytes`);
      }
      if (!this.keys.has(k.id)) this.keys.set(k.id, k.key);
    }
  }

  async encode(payloads: Payload[]): Promise<Payload[]> {
    const current = this.config.current;
    if (!current) return payloads;
    return payloads.map((payload) => {
      const plain = temporal.api.common.v1.Payload.encode(payload).finish();
      const iv = crypto.randomBytes(IV_BYTES);
      const cipher = crypto.createCipheriv('aes-256-gcm', current.key, iv, {
        authTagLength: TAG_BYTES,
      });
      cipher.setAAD(additionalData(current.id));
      const body = Buffer.concat([cipher.update(plain), cipher.final()]);
      return {
        metadata: {
          [METADATA_ENCODING_KEY]: utf8(ENCRYPTED_ENCODING),
          [METADATA_KEY_ID]: utf8(current.id),
        },
        // iv | ciphertext | tag, as WebCrypto lays it out (and the other SDKs' samples).
        data: new Uint8Array(Buffer.concat([iv, body, cipher.getAuthTag()])),
      };
    });
  }

  async decode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => this.decodeOne(payload));
  }

  private decodeOne(payload: Payload): Payload {
    // Histories written before encryption (and replay fixtures) hold plain payloads: they
    // pass unchanged, so running journeys and old histories keep working.
    if (text(payload.metadata?.[METADATA_ENCODING_KEY]) !== ENCRYPTED_ENCODING) return payload;
    const keyId = text(payload.metadata?.[METADATA_KEY_ID]);
    if (!keyId) {
      throw new PayloadDecryptionError(
        'malformed',
        null,
        `An encrypted payload has no ${METADATA_KEY_ID} in its metadata`,
      );
    }
    const key = this.keys.get(keyId);
    if (!key) {
      throw new PayloadDecryptionError(
        'unknown-key',
        keyId,
        `A payload is encrypted with key id "${keyId}", which is not configured: set NETTVERK_PAYLOAD_KEY or add it to NETTVERK_PAYLOAD_KEYS_OLD as ${keyId}:<key>`,
      );
    }
    const data = Buffer.from(payload.data ?? new Uint8Array());
    if (data.length < IV_BYTES + TAG_BYTES) {
      throw new PayloadDecryptionError(
        'malformed',
        keyId,
        `An encrypted payload (key id "${keyId}") is too short to hold an IV and a tag`,
      );
    }
    const iv = data.subarray(0, IV_BYTES);
    const tag = data.subarray(data.length - TAG_BYTES);
    const body = data.subarray(IV_BYTES, data.length - TAG_BYTES);
    let plain: Buffer;
    try {
      const decipher = crypto.createDecipheriv('aes-256-gcm', key, iv, {
        authTagLength: TAG_BYTES,
      });
      decipher.setAAD(additionalData(keyId));
      decipher.setAuthTag(tag);
      plain = Buffer.concat([decipher.update(body), decipher.final()]);
    } catch {
      throw new PayloadDecryptionError(
        'tampered',
        keyId,
        `An encrypted payload (key id "${keyId}") failed authentication: it was altered, or written under another key with the same id`,
      );
    }
    try {
      return temporal.api.common.v1.Payload.decode(plain);
    } catch {
      throw new PayloadDecryptionError(
        'malformed',
        keyId,
        `An encrypted payload (key id "${keyId}") decrypted to something that is not a payload`,
      );
    }
  }
}
