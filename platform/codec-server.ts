// Temporal's codec-server pattern: the Temporal UI (and `temporal --codec-endpoint`) post
// payloads here to have them decoded for display, so the UI shows participants and replies
// instead of `binary/encrypted`. The browser calls it directly: it runs beside the person
// looking, on loopback by default, and answers only the UI's origin (CORS), because what it
// returns is the personal data the encryption protects.
import http from 'node:http';
import type { Payload, PayloadCodec } from '@temporalio/common';

interface JsonPayload {
  metadata?: Record<string, string>;
  data?: string;
}

const MAX_BODY_BYTES = 8 * 1024 * 1024;

const fromJson = (p: JsonPayload): Payload => ({
  metadata: Object.fromEntries(
    Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v, 'base64')]),
  ),
  data: Buffer.from(p.data ?? '', 'base64'),
});

const toJson = (p: Payload): JsonPayload => ({
  metadata: Object.fromEntries(
    Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v ?? []).toString('base64')]),
  ),
  data: Buffer.from(p.data ?? []).toString('base64'),
});

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new HttpError(413, 'payloads too large'));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function parsePayloads(body: Buffer): Payload[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    throw new HttpError(400, 'expected JSON {"payloads": [...]}');
  }
  const payloads = (parsed as { payloads?: unknown } | null)?.payloads;
  if (!Array.isArray(payloads)) throw new HttpError(400, 'expected JSON {"payloads": [...]}');
  return (payloads as JsonPayload[]).map(fromJson);
}

export interface CodecServerOptions {
  /** Origins whose pages may call the server (the Temporal UI's), e.g. http://127.0.0.1:8233. */
  origins: string[];
}

export function createCodecServer(codec: PayloadCodec, options: CodecServerOptions): http.Server {
  const origins = new Set(options.origins.map((o) => new URL(o).origin));
  return http.createServer((req, res) => {
    const origin = req.headers.origin;
    if (origin && origins.has(origin)) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Access-Control-Allow-Methods', 'POST, OPTIONS');
      res.setHeader('Access-Control-Allow-Headers', 'Content-Type, X-Namespace, Authorization');
      res.setHeader('Access-Control-Allow-Credentials', 'true');
      res.setHeader('Vary', 'Origin');
    }
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
      res.end(JSON.stringify(body));
    };
    if (origin && !origins.has(origin)) return send(403, { error: 'origin not allowed' });
    const route = new URL(req.url ?? '/', 'http://codec').pathname.replace(/\/+$/, '');
    if (route !== '/encode' && route !== '/decode') return send(404, { error: 'not found' });
    if (req.method === 'OPTIONS') {
      res.writeHead(204);
      return res.end();
    }
    if (req.method !== 'POST') return send(405, { error: 'use POST' });
    readBody(req)
      .then(async (body) => {
        const payloads = parsePayloads(body);
        const out =
          route === '/encode' ? await codec.encode(payloads) : await codec.decode(payloads);
        send(200, { payloads: out.map(toJson) });
      })
      .catch((error: unknown) => {
        // The message names a key id or what is malformed, never payload contents.
        const status = error instanceof HttpError ? error.status : 422;
        send(status, { error: (error as Error).message });
      });
  });
}
