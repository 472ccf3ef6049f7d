// `nettverk`: the coordinator's command line. Talks to Temporal through the client only
// (queries, updates, visibility); every change goes through a workflow update.
import { Command, CommanderError } from 'commander';
import { CampaignFileError } from '../domain/campaign/errors';
import { RosterError } from '../domain/roster/errors';
import { ConfigError } from '../platform/config';
import { OperationError } from '../operations/errors';
import { StackError } from '../scripts/services';
import { CliContext } from './context';
import { campaignCommands } from './commands/campaign';
import { journeyCommands } from './commands/journeys';
import { flagCommands } from './commands/flags';
import { assignmentCommands } from './commands/assignment';
import { reviewCommands } from './commands/review';
import { mailCommands } from './commands/mail';
import { reportCommands } from './commands/reports';
import { systemCommands } from './commands/system';
import { codecCommands } from './commands/codec';
import { colour } from './output';
import { packageVersion } from './version';

/** Errors a coordinator can act on are told in their own words, without a stack trace. */
const EXPECTED = [OperationError, ConfigError, CampaignFileError, RosterError, StackError];

export function buildProgram(ctx: CliContext): Command {
  const program = new Command('nettverk')
    .description("KS and TI Norge's anti-corruption learning networks, run by email on Temporal")
    .version(packageVersion(), '-V, --version', 'print the version and exit')
    .option('--verbose', 'show the full error when something fails')
    .showHelpAfterError('(add --help for usage)')
    .configureOutput({ outputError: (text, write) => write(colour.red(text)) })
    .exitOverride();
  program.addHelpText(
    'after',
    `
Examples:
  $ nettverk dev up
  $ nettverk worker &
  $ nettverk campaign start campaigns/ks-ti-2013.yaml --municipalities kommuner.csv
  $ nettverk campaign status
  $ nettverk show 4621`,
  );
  campaignCommands(program, ctx);
  journeyCommands(program, ctx);
  flagCommands(program, ctx);
  assignmentCommands(program, ctx);
  reviewCommands(program, ctx);
  mailCommands(program);
  reportCommands(program, ctx);
  systemCommands(program, ctx);
  codecCommands(program, ctx);
  for (const command of program.commands) command.exitOverride();
  return program;
}

export async function main(argv: string[]): Promise<number> {
  const ctx = new CliContext();
  const program = buildProgram(ctx);
  const verbose = argv.includes('--verbose');
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end here too, with code 0; usage errors with 2.
      return error.exitCode === 0 ? 0 : 2;
    }
    const expected = EXPECTED.some((type) => error instanceof type);
    if (verbose || !expected) {
      process.stderr.write(`${colour.red((error as Error).stack ?? String(error))}\n`);
    } else {
      process.stderr.write(`${colour.red((error as Error).message)}\n`);
    }
    return 1;
  } finally {
    await ctx.close();
  }
}

if (require.main === module) {
  // `worker` resolves only when the worker stops; everything else when its work is done.
  main(process.argv.slice(2)).then((code) => process.exit(code));
}
