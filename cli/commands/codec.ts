// nettverk codec-server: decrypts payloads for the Temporal UI on the coordinator's machine
// (platform/codec-server.ts).
import type { Command } from 'commander';
import type * as CodecServer from '../../platform/codec-server';
import type * as PayloadCodec from '../../platform/payload-codec';
import type { CliContext } from '../context';
import { line } from '../output';

export function codecCommands(program: Command, ctx: CliContext): void {
  program
    .command('codec-server')
    .description('decrypt payloads for the Temporal UI (its Remote Codec Endpoint) until stopped')
    .option('--port <port>', 'port to listen on', '8888')
    .option('--host <host>', 'address to listen on (loopback: only this machine)', '127.0.0.1')
    .option('--origin <url...>', 'UI origins allowed to call it (default: TEMPORAL_UI_URL)')
    .addHelpText(
      'after',
      '\nIn the UI: Settings (the gear, bottom left) > Codec Server > http://127.0.0.1:8888' +
        '\nOr: temporal workflow show -w ID --codec-endpoint http://127.0.0.1:8888' +
        '\n\nExamples:\n  $ nettverk codec-server\n  $ nettverk codec-server --port 8081 --origin https://temporal.ti.example',
    )
    .action(async (o: { port: string; host: string; origin?: string[] }) => {
      const port = Number(o.port);
      if (!Number.isInteger(port) || port < 1 || port > 65535) {
        throw new Error(`--port: expected a port number, got "${o.port}"`);
      }
      const origins = o.origin ?? [ctx.config.temporal.uiUrl];
      // Loaded here, not for `--help`: the codec loads Temporal's protobufs.
      /* eslint-disable @typescript-eslint/no-require-imports */
      const { createCodecServer } = require('../../platform/codec-server') as typeof CodecServer;
      const { EncryptionCodec } = require('../../platform/payload-codec') as typeof PayloadCodec;
      /* eslint-enable @typescript-eslint/no-require-imports */
      const server = createCodecServer(new EncryptionCodec(ctx.config.payloadKeys), { origins });
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, o.host, resolve);
      });
      const url = `http://${o.host.includes(':') ? `[${o.host}]` : o.host}:${port}`;
      line(`Codec server at ${url} for ${origins.join(', ')} (Ctrl-C stops it).`);
      line(`Temporal UI: Settings > Codec Server > ${url}`);
      await new Promise<void>((resolve) => {
        const stop = () => server.close(() => resolve());
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });
}
