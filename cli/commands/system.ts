// nettverk worker, nettverk dev up|down|status
/* eslint-disable @typescript-eslint/no-require-imports -- the worker loads on demand: it pulls in everything */
import type { Command } from 'commander';
import { describeStack, stackDown, stackStatus, stackUp } from '../../scripts/stack';
import type { CliContext } from '../context';
import { line, printJson, table } from '../output';

export function systemCommands(program: Command, ctx: CliContext): void {
  program
    .command('worker')
    .description('run the workers and the inbox watcher until stopped (Ctrl-C)')
    .option('--no-inbox', 'do not watch the TI mailbox from this process')
    .addHelpText(
      'after',
      '\nExamples:\n  $ nettverk worker\n  $ NETTVERK_LOG_LEVEL=debug nettverk worker --no-inbox',
    )
    .action(async (o: { inbox: boolean }) => {
      // Loaded on demand: the worker pulls in everything.
      const { runWorker } = require('../../worker/main') as typeof import('../../worker/main');
      await runWorker({ inbox: o.inbox });
    });

  const dev = program
    .command('dev')
    .description('the embedded stack: Temporal dev server and GreenMail on this machine');
  dev
    .command('up')
    .description('install what is missing and start what is not running (idempotent)')
    .addHelpText('after', '\nExample:\n  $ nettverk dev up')
    .action(async () => {
      await stackUp(ctx.config, line);
    });
  dev
    .command('down')
    .description('stop the embedded servers (workflow state stays in .tools/state/temporal.db)')
    .action(async () => {
      await stackDown(ctx.config, line);
    });
  dev
    .command('status')
    .description('which embedded servers run, and where')
    .option('--json', 'print as JSON')
    .action(async (o: { json?: boolean }) => {
      const rows = await stackStatus(ctx.config);
      if (o.json) return printJson({ services: rows, addresses: describeStack(ctx.config) });
      table(
        ['service', 'state'],
        rows.map((r) => [r.label, r.state]),
      );
      for (const l of describeStack(ctx.config)) line(`  ${l}`);
    });
}
