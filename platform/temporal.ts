// Client connections to Temporal from configuration: the embedded dev server by default, a
// production cluster (mTLS or API key) when configured. The worker's native connection is in
// worker-connection.ts, so the CLI never loads the worker runtime (0.7 s of every command).
import fs from 'node:fs';
import { Client, Connection, type ConnectionOptions } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { encodeSearchAttributeIndexedValueType } from '@temporalio/common/lib/search-attributes';
import type { DataConverter } from '@temporalio/common';
import type { Config } from './config';
import { EncryptionCodec } from './payload-codec';
import { SEARCH_ATTRIBUTE_KEYS } from './search-attributes';

export function connectionOptions(config: Config): ConnectionOptions {
  const { tls, apiKey, address } = config.temporal;
  return {
    address,
    apiKey: apiKey ?? undefined,
    tls: tls
      ? {
          serverNameOverride: tls.serverName ?? undefined,
          serverRootCACertificate: tls.caPath ? fs.readFileSync(tls.caPath) : undefined,
          clientCertPair:
            tls.certPath && tls.keyPath
              ? { crt: fs.readFileSync(tls.certPath), key: fs.readFileSync(tls.keyPath) }
              : undefined,
        }
      : undefined,
  };
}

/**
 * What every client and worker converts payloads with: encrypted (platform/payload-codec.ts),
 * failure messages inside the encrypted part. Both sides must agree, so there is one. The
 * failure converter goes by path because the worker's workflow sandbox loads it from its bundle.
 */
export function dataConverter(config: Config): DataConverter {
  return {
    payloadCodecs: [new EncryptionCodec(config.payloadKeys)],
    failureConverterPath: require.resolve('./failure-converter'),
  };
}

/** A client over an open connection, with the project's data converter. */
export function createClient(connection: Connection, config: Config): Client {
  return new Client({
    connection,
    namespace: config.temporal.namespace,
    dataConverter: dataConverter(config),
  });
}

export async function connectClient(config: Config): Promise<Client> {
  const connection = await Connection.connect({
    ...connectionOptions(config),
    connectTimeout: '10s',
  });
  return createClient(connection, config);
}

/**
 * Registers the project's search attributes where they are missing. The dev server gets
 * them from its start flags; a production cluster or the time-skipping server gets them here.
 */
export async function ensureSearchAttributes(
  connection: Pick<Connection, 'operatorService'>,
  namespace: string,
): Promise<string[]> {
  const existing = await connection.operatorService.listSearchAttributes({ namespace });
  const known = new Set(Object.keys(existing.customAttributes ?? {}));
  const missing = SEARCH_ATTRIBUTE_KEYS.filter((key) => !known.has(key.name));
  if (missing.length === 0) return [];
  await addSearchAttributes(
    connection,
    namespace,
    missing.map((k) => k.name),
  );
  return missing.map((key) => key.name);
}

/** Registers search attributes without asking first (the time-skipping server cannot list). */
export async function addSearchAttributes(
  connection: Pick<Connection, 'operatorService'>,
  namespace: string,
  names: string[] = SEARCH_ATTRIBUTE_KEYS.map((k) => k.name),
): Promise<void> {
  const searchAttributes: Record<string, temporal.api.enums.v1.IndexedValueType> = {};
  for (const key of SEARCH_ATTRIBUTE_KEYS) {
    if (names.includes(key.name))
      searchAttributes[key.name] = encodeSearchAttributeIndexedValueType(key.type)!;
  }
  await connection.operatorService.addSearchAttributes({ namespace, searchAttributes });
}
