// The worker's native connection to Temporal and the runtime it logs through; apart from the
// client connection so that only processes that run workers load the SDK's native bridge.
import { DefaultLogger, NativeConnection, Runtime } from '@temporalio/worker';
import type { Config } from './config';
import { connectionOptions } from './temporal';

const LEVELS = { debug: 'DEBUG', info: 'INFO', warn: 'WARN', error: 'ERROR' } as const;
let runtimeInstalled = false;

/**
 * The worker runtime logs at NETTVERK_LOG_LEVEL; the SDK core one level quieter (its
 * warnings about tasks it lost a race for are routine). Once per process, before the
 * first connection.
 */
export function installRuntime(config: Config): void {
  if (runtimeInstalled) return;
  runtimeInstalled = true;
  const level = LEVELS[config.logLevel];
  const core = config.logLevel === 'debug' || config.logLevel === 'info' ? 'WARN' : 'ERROR';
  Runtime.install({
    logger: new DefaultLogger(level),
    telemetryOptions: { logging: { filter: { core, other: 'ERROR' } } },
  });
}

export async function connectWorker(config: Config): Promise<NativeConnection> {
  installRuntime(config);
  const { address, tls } = connectionOptions(config);
  return NativeConnection.connect({ address, tls, apiKey: config.temporal.apiKey ?? undefined });
}
