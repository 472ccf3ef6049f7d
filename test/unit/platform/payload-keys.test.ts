// Which payload key the configuration gives: a public development key only with Temporal on
// this machine, a real key (or an explicit off) anywhere else; problems name the variable,
// never a key.
import crypto from 'node:crypto';
import { ConfigError, loadConfig } from '../../../platform/config';
import {
  EMBEDDED_PAYLOAD_KEY,
  defaultKeyId,
  parseKeyMaterial,
} from '../../../platform/payload-keys';

const REMOTE = {
  TEMPORAL_ADDRESS: 'temporal.ti.example:7233',
  // Real mail servers also need a message key and an IMAP password.
  SMTP_URL: 'smtp://smtp.ti.example:587',
  IMAP_URL: 'imaps://imap.ti.example:993',
  IMAP_PASSWORD: 'x',
  NETTVERK_MESSAGE_KEY: 'm'.repeat(40),
};
const problemsOf = (env: Record<string, string>): string[] => {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
};

describe('payload keys from configuration', () => {
  const hex = crypto.randomBytes(32).toString('hex');

  it('uses the public development key with Temporal on loopback and none set', () => {
    const { payloadKeys } = loadConfig({});
    expect(payloadKeys.current).toEqual(EMBEDDED_PAYLOAD_KEY);
  });

  it('refuses to start off loopback without a key, naming the variable and the way out', () => {
    const problems = problemsOf(REMOTE);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      /^NETTVERK_PAYLOAD_KEY: required when Temporal is not on this machine/,
    );
    expect(problems[0]).toContain('NETTVERK_PAYLOAD_ENCRYPTION=off');
  });

  it('stores in clear off loopback only when told to', () => {
    const { payloadKeys } = loadConfig({ ...REMOTE, NETTVERK_PAYLOAD_ENCRYPTION: 'off' });
    expect(payloadKeys.current).toBeNull();
    expect(problemsOf({ ...REMOTE, NETTVERK_PAYLOAD_ENCRYPTION: 'maybe' })[0]).toMatch(
      /^NETTVERK_PAYLOAD_ENCRYPTION: expected on or off/,
    );
  });

  it('takes a key as hex or base64, with a given id or a fingerprint', () => {
    const key = Buffer.from(hex, 'hex');
    expect(parseKeyMaterial(hex)).toEqual(key);
    expect(parseKeyMaterial(key.toString('base64'))).toEqual(key);
    expect(parseKeyMaterial(key.toString('base64url'))).toEqual(key);
    const named = loadConfig({
      ...REMOTE,
      NETTVERK_PAYLOAD_KEY: hex,
      NETTVERK_PAYLOAD_KEY_ID: '2025-1',
    });
    expect(named.payloadKeys.current).toEqual({ id: '2025-1', key });
    const unnamed = loadConfig({ ...REMOTE, NETTVERK_PAYLOAD_KEY: key.toString('base64') });
    expect(unnamed.payloadKeys.current!.id).toBe(defaultKeyId(key));
    expect(defaultKeyId(key)).not.toContain(hex.slice(0, 8));
  });

  it('names the variable, never the value, for a bad key', () => {
    const bad = 'not-a-key-' + hex.slice(0, 20);
    const problems = problemsOf({ ...REMOTE, NETTVERK_PAYLOAD_KEY: bad });
    expect(problems[0]).toMatch(/^NETTVERK_PAYLOAD_KEY: expected 32 random bytes/);
    expect(problems.join('\n')).not.toContain(bad);
    const short = crypto.randomBytes(16).toString('hex');
    expect(problemsOf({ ...REMOTE, NETTVERK_PAYLOAD_KEY: short }).join('\n')).not.toContain(short);
  });

  it('refuses the development key for a real server', () => {
    const problems = problemsOf({
      ...REMOTE,
      NETTVERK_PAYLOAD_KEY: EMBEDDED_PAYLOAD_KEY.key.toString('hex'),
    });
    expect(problems[0]).toMatch(/public key cannot protect/);
  });

  it('keeps old keys for reading after a rotation', () => {
    const old1 = crypto.randomBytes(32);
    const old2 = crypto.randomBytes(32);
    const { payloadKeys } = loadConfig({
      ...REMOTE,
      NETTVERK_PAYLOAD_KEY: hex,
      NETTVERK_PAYLOAD_KEY_ID: '2025-1',
      NETTVERK_PAYLOAD_KEYS_OLD: `2024-2:${old1.toString('hex')}, ${old2.toString('base64')}`,
    });
    expect(payloadKeys.current!.id).toBe('2025-1');
    expect(payloadKeys.decrypt.map((k) => k.id)).toEqual(['2025-1', '2024-2', defaultKeyId(old2)]);
    const problems = problemsOf({
      ...REMOTE,
      NETTVERK_PAYLOAD_KEY: hex,
      NETTVERK_PAYLOAD_KEYS_OLD: 'a:b',
    });
    expect(problems[0]).toMatch(/^NETTVERK_PAYLOAD_KEYS_OLD: entry 1 is not/);
    expect(problems[0]).not.toContain('a:b');
  });

  it('on loopback, still reads what the development key wrote after a real key is set', () => {
    const { payloadKeys } = loadConfig({ NETTVERK_PAYLOAD_KEY: hex });
    expect(payloadKeys.current!.id).toBe(defaultKeyId(Buffer.from(hex, 'hex')));
    expect(payloadKeys.decrypt.map((k) => k.id)).toContain(EMBEDDED_PAYLOAD_KEY.id);
    expect(loadConfig({ ...REMOTE, NETTVERK_PAYLOAD_KEY: hex }).payloadKeys.decrypt).toHaveLength(
      1,
    );
  });
});
