// A TCP pass-through in front of GreenMail's SMTP that notes when each message's final dot
// went by and when the server answered it: the arrival times of sends, measured outside
// the code that paces them (GreenMail's INTERNALDATE has whole seconds only). Used by the
// rate benchmark and the rate integration test. Loopback only.
import net from 'node:net';

export interface SmtpTap {
  port: number;
  /** When the server accepted each message (its answer to the final dot), in order. */
  accepted: number[];
  close(): Promise<void>;
}

export async function smtpTap(upstreamPort = 3025, upstreamHost = '127.0.0.1'): Promise<SmtpTap> {
  const accepted: number[] = [];
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect({ host: upstreamHost, port: upstreamPort });
    sockets.add(client).add(upstream);
    // Dots sent whose answer has not come yet; the tail of the last chunk, since the
    // terminator can straddle two chunks.
    let awaiting = 0;
    let tail = '';
    client.on('data', (chunk) => {
      const text = tail + chunk.toString('latin1');
      awaiting += text.split('\r\n.\r\n').length - 1;
      tail = text.slice(-4);
      upstream.write(chunk);
    });
    upstream.on('data', (chunk) => {
      // One reply line per dot (no pipelining of DATA in nodemailer).
      if (awaiting > 0 && /^250[ -]/m.test(chunk.toString('latin1'))) {
        awaiting -= 1;
        accepted.push(Date.now());
      }
      client.write(chunk);
    });
    const end = () => {
      upstream.destroy();
      client.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('close', end).on('error', end);
    upstream.on('close', end).on('error', end);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    port: (server.address() as net.AddressInfo).port,
    accepted,
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}

/** Most sends in any `windowMs` (a window opening at each send). */
export function windowMax(times: number[], windowMs = 60_000): number {
  const t = [...times].sort((a, b) => a - b);
  let best = 0;
  let j = 0;
  for (let i = 0; i < t.length; i++) {
    while (t[i] - t[j] >= windowMs) j++;
    best = Math.max(best, i - j + 1);
  }
  return best;
}

/**
 * Sends a minute while mail was waiting: over the whole windows from the first send that
 * end before the last send (mail was still queued throughout them), sends / windows.
 * Null when the sends span less than one window.
 */
export function rateWhileWaiting(times: number[], windowMs = 60_000): number | null {
  const t = [...times].sort((a, b) => a - b);
  if (t.length < 2) return null;
  const windows = Math.floor((t[t.length - 1] - t[0]) / windowMs);
  if (windows < 1) return null;
  const end = t[0] + windows * windowMs;
  return t.filter((x) => x < end).length / windows;
}
