// nettverk worker, nettverk dev up|down|status
/* eslint-disable @typescript-eslint/no-require-imports -- the worker loads on demand: it pulls in everything */
import type { Command } from 'commander';
import type * as Stack from '../../scripts/stack';
import type { CliContext } from '../context';
import { line, printJson, table } from '../output';

// The stack's code loads the Temporal client: only `dev` needs it, not `--help`.
const stack = () => require('../../scripts/stack') as typeof Stack;

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
      await stack().stackUp(ctx.config, line);
    });
  dev
    .command('down')
    .description('stop the embedded servers (workflow state stays in .tools/state/temporal.db)')
    .action(async () => {
      await stack().stackDown(ctx.config, line);
    });
  dev
    .command('status')
    .description('which embedded servers run, and where')
    .option('--json', 'print as JSON')
    .action(async (o: { json?: boolean }) => {
      const rows = await stack().stackStatus(ctx.config);
      if (o.json)
        return printJson({ services: rows, addresses: stack().describeStack(ctx.config) });
      table(
        ['service', 'state'],
        rows.map((r) => [r.label, r.state]),
      );
      for (const l of stack().describeStack(ctx.config)) line(`  ${l}`);
    });
}
