// How mail traffic is protected, and keeping secrets out of what we print.
//
// The mailbox password (or OAuth token) and every message cross the SMTP and IMAP
// connections. On this machine (the embedded GreenMail on loopback) plain text is fine;
// anywhere else it must be TLS: `smtps://`/`imaps://` from the first byte, or `smtp://`/
// `imap://` upgraded with STARTTLS, which is then *required* (a server or a man in the
// middle that offers no STARTTLS gets a refusal, not our password in clear). Plain text to
// another host only with NETTVERK_ALLOW_PLAINTEXT: `1` for any host, or a comma-separated
// list of hosts (the docker-compose staging GreenMail, `mail`), so pointing SMTP_URL at the
// real server later does not quietly keep the exception.
import type { Config } from './config';

export const ALLOW_PLAINTEXT = 'NETTVERK_ALLOW_PLAINTEXT';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

/** What NETTVERK_ALLOW_PLAINTEXT allows: nothing, any host, or these hosts. */
export type PlaintextAllowance = { any: boolean; hosts: string[] };

/**
 * Reads NETTVERK_ALLOW_PLAINTEXT: unset, `0`/`false`/`no` (nothing), `1`/`true`/`yes` (any
 * host) or host names separated by commas. A problem names the setting and what it takes.
 */
export function readPlaintextAllowance(
  env: NodeJS.ProcessEnv,
  problems: string[],
): PlaintextAllowance {
  const raw = env[ALLOW_PLAINTEXT]?.trim().toLowerCase() ?? '';
  if (['', '0', 'false', 'no'].includes(raw)) return { any: false, hosts: [] };
  if (['1', 'true', 'yes'].includes(raw)) return { any: true, hosts: [] };
  const hosts = raw.split(',').map((h) => h.trim());
  if (hosts.some((h) => !/^[a-z0-9.:[\]-]+$/.test(h))) {
    problems.push(
      `${ALLOW_PLAINTEXT}: expected 1 (any host), 0, or host names separated by commas, got "${raw}"`,
    );
    return { any: false, hosts: [] };
  }
  return { any: false, hosts: hosts.map((h) => h.replace(/^\[|\]$/g, '')) };
}

/**
 * - `tls`: implicit TLS (smtps://, imaps://);
 * - `starttls`: STARTTLS required, the connection refused without it;
 * - `opportunistic`: STARTTLS when offered, plain text otherwise (loopback, or allowed).
 */
export type MailSecurity = 'tls' | 'starttls' | 'opportunistic';

export function mailSecurity(
  server: { host: string; secure: boolean },
  allowance: PlaintextAllowance,
): MailSecurity {
  if (server.secure) return 'tls';
  const host = server.host.toLowerCase();
  if (LOOPBACK.has(host) || allowance.any || allowance.hosts.includes(host)) {
    return 'opportunistic';
  }
  return 'starttls';
}

/** The one line said when a server refused or lacked the STARTTLS we required. */
export function plaintextRefusal(kind: 'SMTP' | 'IMAP', server: { host: string; port: number }) {
  const url = kind === 'SMTP' ? 'SMTP_URL' : 'IMAP_URL';
  const tls = kind === 'SMTP' ? 'smtps:// (port 465)' : 'imaps:// (port 993)';
  return (
    `${kind} server ${server.host}:${server.port} did not upgrade to TLS (STARTTLS), so nothing ` +
    `was sent in plain text: use ${tls} or a server that offers STARTTLS in ${url}, or set ` +
    `${ALLOW_PLAINTEXT}=${server.host} to allow plain text to this host.`
  );
}

/**
 * The library's error when the required STARTTLS failed (nodemailer: code ETLS, or the
 * server refusing the STARTTLS command; imapflow: `tlsFailed`) as our one line; any other
 * error as it was.
 */
export function explainTransportError(
  kind: 'SMTP' | 'IMAP',
  server: { host: string; port: number; secure: boolean },
  security: MailSecurity,
  error: unknown,
): unknown {
  if (security !== 'starttls' || !(error instanceof Error)) return error;
  const e = error as Error & { code?: string; tlsFailed?: boolean; command?: string };
  const failed =
    e.tlsFailed === true ||
    e.code === 'ETLS' ||
    (e.command ?? '').toUpperCase() === 'STARTTLS' ||
    /STARTTLS/i.test(e.message);
  return failed ? new Error(plaintextRefusal(kind, server), { cause: error }) : error;
}

/** A URL as it may be shown: any user and password in it replaced. */
export function redactUrl(raw: string): string {
  return raw.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@\s]*@/i, '$1***@');
}

/** Every secret the configuration holds, for `redactSecrets`. */
function secretsOf(config: Config): string[] {
  const { current, decrypt } = config.payloadKeys;
  const payloadKeys = [...(current ? [current] : []), ...decrypt].flatMap((k) => [
    k.key.toString('hex'),
    k.key.toString('base64'),
    k.key.toString('base64url'),
  ]);
  return [
    config.smtp.password,
    config.imap.password,
    config.imap.accessToken,
    config.temporal.apiKey,
    config.messageKey,
    ...payloadKeys,
  ].filter((s): s is string => typeof s === 'string' && s.length >= 4);
}

/** Text (an error, a log line) with every configured secret in it replaced by `***`. */
export function redactSecrets(text: string, config: Config): string {
  let out = text;
  for (const secret of secretsOf(config).sort((a, b) => b.length - a.length)) {
    out = out.split(secret).join('***');
  }
  return out;
}

/**
 * The configuration as it may be printed or logged: passwords, tokens and keys replaced by
 * `***` (or null when unset), so a dump says *whether* a secret is set, never what it is.
 */
export function redactedConfig(config: Config): Record<string, unknown> {
  const mask = (v: string | null) => (v ? '***' : null);
  return {
    ...config,
    temporal: { ...config.temporal, apiKey: mask(config.temporal.apiKey) },
    smtp: { ...config.smtp, password: mask(config.smtp.password) },
    imap: {
      ...config.imap,
      password: mask(config.imap.password),
      accessToken: mask(config.imap.accessToken),
    },
    messageKey: mask(config.messageKey),
    // Key ids are fingerprints (payload-keys.ts): they name a key without revealing it.
    payloadKeys: {
      current: config.payloadKeys.current?.id ?? null,
      decrypt: config.payloadKeys.decrypt.map((k) => k.id),
    },
  };
}
