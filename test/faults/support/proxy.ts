// A TCP relay in front of one of our private mail servers that can be cut and restored.
// Cut, it closes every open connection and stops listening, so a client sees exactly what
// a stopped server gives it: connection refused. Restored, it listens again on the same
// port. Why a relay and not stopping GreenMail itself: GreenMail keeps mail in memory only
// (scripts/stack.ts, GREENMAIL_FORGETS), so a stopped GreenMail would take with it the
// mail the test counts and the copies the exactly-once check looks for; the relay takes
// the server away from the workers while the test still sees everything delivered.
import net from 'node:net';

export class FaultProxy {
  private server: net.Server | null = null;
  private readonly sockets = new Set<net.Socket>();

  private constructor(
    readonly port: number,
    private readonly target: { host: string; port: number },
  ) {}

  static async start(port: number, target: { host: string; port: number }): Promise<FaultProxy> {
    const proxy = new FaultProxy(port, target);
    await proxy.restore();
    return proxy;
  }

  get up(): boolean {
    return this.server !== null;
  }

  /** Listens again (no-op when already up). */
  async restore(): Promise<void> {
    if (this.server) return;
    const server = net.createServer((client) => {
      const upstream = net.connect(this.target);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.once('close', () => this.sockets.delete(s));
        s.on('error', () => undefined);
      }
      client.pipe(upstream);
      upstream.pipe(client);
      client.once('close', () => upstream.destroy());
      upstream.once('close', () => client.destroy());
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.server = server;
  }

  /** Refuses new connections and drops the open ones, as a server that went away. */
  async cut(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = null;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    for (const s of this.sockets) s.destroy();
    await closed;
  }
}
