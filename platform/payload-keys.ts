// The payload encryption keys from configuration (see payload-codec.ts). Problems name the
// variable, never a key's value.
import crypto from 'node:crypto';
import type { PayloadKey, PayloadKeys } from './payload-codec';

/**
 * The embedded stack's payload key: public (it is derived from this text, and written in the
 * README), so it protects nothing from someone who has this code; it is accepted only while
 * Temporal runs on this machine, and keeps the dev server's database free of personal data
 * in clear (a copied or backed-up .tools/state/temporal.db shows nothing to `strings`).
 * Fixed rather than generated so the CLI, the workers, the demo and the tests agree.
 */
export const EMBEDDED_PAYLOAD_KEY: PayloadKey = {
  id: 'embedded-dev',
  key: crypto
    .createHash('sha256')
    .update('nettverk-embedded-stack-only:not-a-secret:never-in-production')
    .digest(),
};

const KEY_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** 64 hex characters or base64 (standard or URL-safe) of exactly 32 bytes; null otherwise. */
export function parseKeyMaterial(raw: string): Buffer | null {
  const value = raw.trim();
  if (/^[0-9a-fA-F]{64}$/.test(value)) return Buffer.from(value, 'hex');
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(value)) return null;
  const bytes = Buffer.from(value.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  return bytes.length === 32 ? bytes : null;
}

/** A key's default id: a fingerprint, so it names the key without revealing it. */
export function defaultKeyId(key: Buffer): string {
  return `k-${crypto.createHmac('sha256', key).update('nettverk-payload-key-id').digest('hex').slice(0, 12)}`;
}

const KEY_FORMAT = '32 random bytes as 64 hex characters or base64, e.g. openssl rand -hex 32';

export function readPayloadKeys(
  env: NodeJS.ProcessEnv,
  temporalOnLoopback: boolean,
  problems: string[],
): PayloadKeys {
  const get = (name: string) => env[name]?.trim() || null;
  const mode = (get('NETTVERK_PAYLOAD_ENCRYPTION') ?? 'on').toLowerCase();
  if (mode !== 'on' && mode !== 'off') {
    problems.push(`NETTVERK_PAYLOAD_ENCRYPTION: expected on or off, got "${mode}"`);
  }

  const decrypt: PayloadKey[] = [];
  let current: PayloadKey | null = null;
  const raw = get('NETTVERK_PAYLOAD_KEY');
  const idRaw = get('NETTVERK_PAYLOAD_KEY_ID');
  if (idRaw && !KEY_ID.test(idRaw)) {
    problems.push(
      'NETTVERK_PAYLOAD_KEY_ID: use 1 to 64 letters, digits, dots, dashes or underscores',
    );
  }
  if (raw) {
    const key = parseKeyMaterial(raw);
    if (!key) {
      problems.push(`NETTVERK_PAYLOAD_KEY: expected ${KEY_FORMAT}`);
    } else if (key.equals(EMBEDDED_PAYLOAD_KEY.key) && !temporalOnLoopback) {
      problems.push(
        "NETTVERK_PAYLOAD_KEY: the embedded stack's public key cannot protect a real server's data",
      );
    } else {
      current = { id: idRaw ?? defaultKeyId(key), key };
    }
  } else if (idRaw) {
    problems.push('NETTVERK_PAYLOAD_KEY_ID: given without NETTVERK_PAYLOAD_KEY');
  }

  const old = get('NETTVERK_PAYLOAD_KEYS_OLD');
  for (const [i, entry] of (old ? old.split(/[\s,]+/).filter(Boolean) : []).entries()) {
    const colon = entry.indexOf(':');
    const id = colon >= 0 ? entry.slice(0, colon) : null;
    const key = parseKeyMaterial(colon >= 0 ? entry.slice(colon + 1) : entry);
    if (!key || (id !== null && !KEY_ID.test(id))) {
      problems.push(
        `NETTVERK_PAYLOAD_KEYS_OLD: entry ${i + 1} is not [id:]key (the key ${KEY_FORMAT}; entries separated by commas)`,
      );
      continue;
    }
    decrypt.push({ id: id ?? defaultKeyId(key), key });
  }

  if (!current && mode !== 'off') {
    if (temporalOnLoopback) current = EMBEDDED_PAYLOAD_KEY;
    else {
      problems.push(
        `NETTVERK_PAYLOAD_KEY: required when Temporal is not on this machine (${KEY_FORMAT}); it encrypts the personal data Temporal stores. Set NETTVERK_PAYLOAD_ENCRYPTION=off to store it in clear on purpose`,
      );
    }
  }
  if (current) decrypt.unshift(current);
  // On loopback the public key stays readable, so a dev database written before a real
  // key was set keeps working.
  if (temporalOnLoopback && !decrypt.some((k) => k.id === EMBEDDED_PAYLOAD_KEY.id)) {
    decrypt.push(EMBEDDED_PAYLOAD_KEY);
  }
  const ids = new Map<string, Buffer>();
  for (const k of decrypt) {
    const seen = ids.get(k.id);
    if (seen && !seen.equals(k.key)) {
      problems.push(`NETTVERK_PAYLOAD_KEYS_OLD: key id "${k.id}" is given for two different keys`);
    }
    ids.set(k.id, k.key);
  }
  return { current: mode === 'off' ? null : current, decrypt };
}
