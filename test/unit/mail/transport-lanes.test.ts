// The SMTP lanes (activities/mail/transport.ts) against a tiny SMTP server on loopback that
// can be told to hang: an exchange cut at its deadline frees its lane for the next message,
// and a message waiting for a lane stops waiting when its attempt's time is up. Before, a
// pool whose connection died under a message could hold its lane for good (the fault
// suite's SMTP outage: the last invitations never went).
import net from 'node:net';
import { createTransport } from '../../../activities/mail/transport';
import { loadConfig } from '../../../platform/config';

function smtpServer() {
  const state = { hang: false, received: 0 };
  const sockets = new Set<net.Socket>();
  const server = net.createServer((s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
    s.on('error', () => undefined);
    s.write('220 test ESMTP\r\n');
    let data = false;
    let buffer = '';
    s.on('data', (chunk) => {
      buffer += chunk.toString('latin1');
      let i: number;
      while ((i = buffer.indexOf('\r\n')) >= 0) {
        const line = buffer.slice(0, i);
        buffer = buffer.slice(i + 2);
        if (data) {
          if (line === '.') {
            data = false;
            if (state.hang) continue; // never answers: the message hangs
            state.received += 1;
            s.write('250 queued\r\n');
          }
          continue;
        }
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO' || verb === 'HELO') s.write('250 test\r\n');
        else if (verb === 'DATA') {
          data = true;
          s.write('354 go on\r\n');
        } else if (verb === 'QUIT') s.end('221 bye\r\n');
        else s.write('250 ok\r\n');
      }
    });
  });
  return {
    state,
    listen: () =>
      new Promise<number>((resolve) =>
        server.listen(0, '127.0.0.1', () => resolve((server.address() as net.AddressInfo).port)),
      ),
    close: () => {
      for (const s of sockets) s.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const message = (n: number) => ({
  from: 'dolvik@ti.example',
  to: `kari${n}@vik.kommune.example`,
  subject: `Test ${n}`,
  text: 'Hei',
});

describe('SMTP lanes', () => {
  const server = smtpServer();
  let transport: ReturnType<typeof createTransport>;
  beforeAll(async () => {
    const port = await server.listen();
    transport = createTransport(
      loadConfig({
        NETTVERK_ENV_FILE: '/dev/null',
        SMTP_URL: `smtp://127.0.0.1:${port}`,
        SMTP_POOL_SIZE: '1',
      }),
    );
  });
  afterAll(async () => {
    transport.close();
    await server.close();
  });

  it('an exchange cut at its deadline frees the lane; a message waiting for it gives up with its own deadline', async () => {
    server.state.hang = true;
    const first = new AbortController();
    const hanging = transport.send(message(1), first.signal);
    // The only lane is taken: a second message waits for it, and its attempt ends first.
    const second = new AbortController();
    const waiting = transport.send(message(2), second.signal);
    second.abort();
    await expect(waiting).rejects.toThrow(/no free connection/);
    first.abort();
    await expect(hanging).rejects.toThrow(/aborted/);

    // The server answers again: the lane carries the next message on a new connection.
    server.state.hang = false;
    const third = new AbortController();
    const timer = setTimeout(() => third.abort(), 10_000);
    await expect(transport.send(message(3), third.signal)).resolves.toHaveProperty('accepted');
    clearTimeout(timer);
    expect(server.state.received).toBe(1);
  }, 30_000);
});
