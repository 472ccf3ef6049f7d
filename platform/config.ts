// Configuration from environment variables (and an optional .env), validated once at
// start-up. Defaults point at the embedded stack, so nothing leaves the machine unless
// someone configures a real server on purpose.
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseDotenv } from 'dotenv';
import type { PayloadKeys } from './payload-codec';
import { readPayloadKeys } from './payload-keys';
import { readPlaintextAllowance, redactUrl, type PlaintextAllowance } from './transport-security';

export interface Config {
  temporal: {
    address: string;
    namespace: string;
    apiKey: string | null;
    tls: null | {
      serverName: string | null;
      caPath: string | null;
      certPath: string | null;
      keyPath: string | null;
    };
    uiUrl: string;
    /** Workflows and most activities; sending runs on `<taskQueue>-mail`. */
    taskQueue: string;
  };
  smtp: {
    host: string;
    port: number;
    secure: boolean;
    user: string | null;
    password: string | null;
    /** Sends at once in each worker (the mail worker's activity slots, SMTP_POOL_SIZE). */
    poolSize: number;
    /** The provider's limit: at most this many messages in any 60 s, all workers together. */
    ratePerMinute: number;
    /**
     * How many worker processes poll the mail queue (MAIL_WORKERS): each sends at most
     * ratePerMinute / workers in any 60 s (activities/mail/rate-window.ts).
     */
    workers: number;
    /** How long a retried send waits for the copy of an earlier attempt before resending. */
    archiveGraceSeconds: number;
  };
  imap: {
    host: string;
    port: number;
    secure: boolean;
    user: string;
    password: string | null;
    accessToken: string | null;
    folder: string;
    folderPrefix: string;
    sweepSeconds: number;
    /**
     * The authserv-id our receiving server writes into Authentication-Results (RFC 8601);
     * only its results are read. Null: nobody's results are read.
     */
    authservId: string | null;
  };
  /** What bounds the worker's memory and load: see README, "Sizing the worker". */
  worker: {
    /** Workflows kept in memory between tasks (the SDK's maxCachedWorkflows); 0 replays each task. */
    cachedWorkflows: number;
    /** Workflow tasks run at once (maxConcurrentWorkflowTaskExecutions). */
    workflowTasks: number;
    /** Activities run at once on the main queue (the inbox watcher holds one slot). */
    activities: number;
  };
  /** The address municipalities reply to; the archive of sent mail lives in its mailbox. */
  tiAddress: string;
  /** Where notices for the coordinator go. */
  coordinatorAddress: string;
  messageIdDomain: string;
  /** HMAC key for the token in our Message-IDs (see mail/message-id.ts). Never log it. */
  messageKey: string;
  /** Keys for the payload codec (platform/payload-codec.ts). Never log them. */
  payloadKeys: PayloadKeys;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  /** NETTVERK_ALLOW_PLAINTEXT: where SMTP/IMAP may go without TLS (transport-security.ts). */
  allowPlaintext: PlaintextAllowance;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);
/**
 * The embedded stack's message key. Public, so it is accepted only while both mail servers
 * are on this machine (GreenMail on loopback: nobody else can put mail in that mailbox),
 * and refused for any real server. Fixed rather than generated, so the CLI, the workers,
 * the demo and the tests, each its own process, make and accept the same Message-IDs.
 */
const EMBEDDED_MESSAGE_KEY = 'nettverk-embedded-stack-only:not-a-secret:never-in-production';
const MIN_KEY_LENGTH = 32;

/** Reads .env (if any) under the real environment: variables already set win. */
export function readEnvironment(cwd = process.cwd()): NodeJS.ProcessEnv {
  const file = process.env.NETTVERK_ENV_FILE ?? path.join(cwd, '.env');
  const fromFile = fs.existsSync(file) ? parseDotenv(fs.readFileSync(file)) : {};
  return { ...fromFile, ...process.env };
}

export function loadConfig(env: NodeJS.ProcessEnv = readEnvironment()): Config {
  const problems: string[] = [];
  const str = (name: string, fallback: string): string => {
    const value = env[name]?.trim();
    return value ? value : fallback;
  };
  const optional = (name: string): string | null => env[name]?.trim() || null;
  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name]?.trim();
    if (!raw) return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(`${name}: expected a whole number from ${min} to ${max}, got "${raw}"`);
      return fallback;
    }
    return value;
  };
  const email = (name: string, fallback: string): string => {
    const value = str(name, fallback);
    if (!EMAIL.test(value)) problems.push(`${name}: "${value}" is not an email address`);
    return value.toLowerCase();
  };
  const mailUrl = (name: string, fallback: string, plain: string, tls: string) => {
    const raw = str(name, fallback);
    try {
      const url = new URL(raw);
      const scheme = url.protocol.replace(':', '');
      if (scheme !== plain && scheme !== tls) throw new Error(`use ${plain}:// or ${tls}://`);
      if (!url.port) throw new Error('a port is required');
      return {
        host: url.hostname.replace(/^\[|\]$/g, ''),
        port: Number(url.port),
        secure: scheme === tls,
      };
    } catch (error) {
      problems.push(
        `${name}: "${redactUrl(raw)}" is not a ${plain}:// or ${tls}:// URL with a port (${(error as Error).message})`,
      );
      return { host: '127.0.0.1', port: 0, secure: false };
    }
  };
  const file = (name: string): string | null => {
    const value = optional(name);
    if (value && !fs.existsSync(value)) problems.push(`${name}: file "${value}" does not exist`);
    return value;
  };

  // Problems name the variable, never its value: the key is a secret.
  const messageKey = (): string => {
    const value = optional('NETTVERK_MESSAGE_KEY');
    const embedded = LOOPBACK.has(smtp.host) && LOOPBACK.has(imap.host);
    if (!value) {
      if (embedded) return EMBEDDED_MESSAGE_KEY;
      problems.push(
        `NETTVERK_MESSAGE_KEY: required when mail goes through a real server (${MIN_KEY_LENGTH} or more random characters, e.g. openssl rand -hex 32); it signs our Message-IDs so nobody else can pass a message off as our copy`,
      );
    } else if (value.length < MIN_KEY_LENGTH) {
      problems.push(`NETTVERK_MESSAGE_KEY: use ${MIN_KEY_LENGTH} or more random characters`);
    } else if (value === EMBEDDED_MESSAGE_KEY && !embedded) {
      problems.push("NETTVERK_MESSAGE_KEY: the embedded stack's public key cannot sign real mail");
    }
    return value ?? '';
  };

  const address = str('TEMPORAL_ADDRESS', '127.0.0.1:7233');
  if (!/^[^\s:]+:\d{1,5}$/.test(address)) {
    problems.push(`TEMPORAL_ADDRESS: expected host:port, got "${address}"`);
  }
  const apiKey = optional('TEMPORAL_API_KEY');
  const certPath = file('TEMPORAL_TLS_CERT');
  const keyPath = file('TEMPORAL_TLS_KEY');
  if ((certPath === null) !== (keyPath === null)) {
    problems.push('TEMPORAL_TLS_CERT and TEMPORAL_TLS_KEY: give both (mTLS) or neither');
  }
  const tlsWanted = ['1', 'true', 'yes'].includes(str('TEMPORAL_TLS', 'false').toLowerCase());
  const tls =
    tlsWanted || apiKey || certPath
      ? {
          serverName: optional('TEMPORAL_TLS_SERVER_NAME'),
          caPath: file('TEMPORAL_TLS_CA'),
          certPath,
          keyPath,
        }
      : null;

  const tiAddress = email('TI_ADDRESS', 'dolvik@transparency.no');
  const smtp = mailUrl('SMTP_URL', 'smtp://127.0.0.1:3025', 'smtp', 'smtps');
  const imap = mailUrl('IMAP_URL', 'imap://127.0.0.1:3143', 'imap', 'imaps');
  const logLevel = str('NETTVERK_LOG_LEVEL', 'info');
  if (!['debug', 'info', 'warn', 'error'].includes(logLevel)) {
    problems.push(`NETTVERK_LOG_LEVEL: expected debug, info, warn or error, got "${logLevel}"`);
  }

  const config: Config = {
    temporal: {
      address,
      namespace: str('TEMPORAL_NAMESPACE', 'default'),
      apiKey,
      tls,
      uiUrl: str('TEMPORAL_UI_URL', 'http://127.0.0.1:8233'),
      taskQueue: str('NETTVERK_TASK_QUEUE', 'nettverk'),
    },
    smtp: {
      ...smtp,
      user: optional('SMTP_USER'),
      password: optional('SMTP_PASSWORD'),
      poolSize: int('SMTP_POOL_SIZE', 2, 1, 50),
      ratePerMinute: int('MAIL_RATE_PER_MINUTE', 30, 1, 100_000),
      workers: int('MAIL_WORKERS', 1, 1, 100),
      archiveGraceSeconds: int(
        'MAIL_ARCHIVE_GRACE_SECONDS',
        LOOPBACK.has(smtp.host) ? 0 : 60,
        0,
        3600,
      ),
    },
    imap: {
      ...imap,
      user: str('IMAP_USER', tiAddress),
      password: optional('IMAP_PASSWORD') ?? (LOOPBACK.has(imap.host) ? 'embedded' : null),
      accessToken: optional('IMAP_ACCESS_TOKEN'),
      folder: str('IMAP_FOLDER', 'INBOX'),
      folderPrefix: str('IMAP_FOLDER_PREFIX', 'Nettverk'),
      sweepSeconds: int('IMAP_SWEEP_SECONDS', 60, 1, 3600),
      authservId: optional('IMAP_AUTHSERV_ID')?.toLowerCase() ?? null,
    },
    // Defaults keep 10,000 open journeys under 1 GB of worker memory (BENCHMARKS.md): past
    // the cache, a journey costs nothing until its next timer or signal, which replays it.
    worker: {
      cachedWorkflows: int('NETTVERK_WORKER_CACHED_WORKFLOWS', 250, 0, 100_000),
      workflowTasks: int('NETTVERK_WORKER_WORKFLOW_TASKS', 20, 2, 1_000),
      activities: int('NETTVERK_WORKER_ACTIVITIES', 20, 2, 1_000),
    },
    tiAddress,
    coordinatorAddress: email('COORDINATOR_ADDRESS', tiAddress),
    messageIdDomain: str('MESSAGE_ID_DOMAIN', tiAddress.split('@')[1]),
    messageKey: messageKey(),
    payloadKeys: readPayloadKeys(env, LOOPBACK.has(address.split(':')[0]), problems),
    logLevel: logLevel as Config['logLevel'],
    allowPlaintext: readPlaintextAllowance(env, problems),
  };
  if (config.smtp.workers > config.smtp.ratePerMinute) {
    problems.push(
      `MAIL_WORKERS (${config.smtp.workers}) is more than MAIL_RATE_PER_MINUTE (${config.smtp.ratePerMinute}): each worker needs at least one mail a minute`,
    );
  }
  if (!config.imap.password && !config.imap.accessToken) {
    problems.push(
      'IMAP_PASSWORD or IMAP_ACCESS_TOKEN: one is required for a mailbox that is not the embedded one',
    );
  }
  if (problems.length) throw new ConfigError(problems);
  return config;
}

/** True when Temporal, SMTP and IMAP all point at this machine: the embedded stack. */
export function isEmbedded(config: Config): boolean {
  const temporalHost = config.temporal.address.split(':')[0];
  return [temporalHost, config.smtp.host, config.imap.host].every((h) => LOOPBACK.has(h));
}
