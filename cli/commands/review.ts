// nettverk review list|assign|dismiss
import type { Command } from 'commander';
import type * as ReviewOperations from '../../operations/review';
import { OperationError } from '../../operations/errors';
import type { CliContext } from '../context';
import { colour, line, printJson, table, when } from '../output';

// Loaded when a command runs: the review loads IMAP, the inbox and the Temporal client.
const reviewOps = () =>
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('../../operations/review') as typeof ReviewOperations;

const uidOf = (text: string) => {
  const uid = Number(text);
  if (!Number.isInteger(uid) || uid <= 0)
    throw new OperationError(`"${text}" is not a message number from \`nettverk review list\`.`);
  return uid;
};

export function reviewCommands(program: Command, ctx: CliContext): void {
  const review = program
    .command('review')
    .description(
      'mail the system would not apply by itself: unknown senders, ambiguous matches, strangers',
    );
  review
    .command('list')
    .description('the review queue, with why each message is there')
    .option('--json', 'print as JSON')
    .addHelpText('after', '\nExample:\n  $ nettverk review list')
    .action(async (o: { json?: boolean }) => {
      const items = await reviewOps().listReview(await ctx.client(), ctx.config);
      if (o.json) return printJson(items);
      table(
        ['#', 'received', 'from', 'kind', 'subject', 'why'],
        items.map((i) => [
          i.uid,
          when(i.receivedAt),
          i.fromDomain,
          i.kind,
          i.subject.slice(0, 50),
          i.reason,
        ]),
      );
    });
  review
    .command('assign')
    .argument('<number>', 'the message number from `nettverk review list`')
    .argument('<municipality>', 'its number, or its name (Hamar, "Nord-Odal")')
    .description("deliver a message to a municipality's journey (you vouch for the sender)")
    .option('--campaign <id>', 'the campaign (default: the only one)')
    .option('--by <name>', 'who assigns')
    .addHelpText('after', '\nExample:\n  $ nettverk review assign 3 4621')
    .action(async (number: string, municipality: string, o: { campaign?: string; by?: string }) => {
      const client = await ctx.client();
      const campaignId = await ctx.campaignId(o.campaign);
      const municipalityId = await ctx.municipalityId(campaignId, municipality);
      await reviewOps().assignReview(
        client,
        ctx.config,
        uidOf(number),
        { campaignId, municipalityId },
        ctx.by(o.by),
      );
      line(`${colour.green('✓')} Message ${number} delivered to ${campaignId}/${municipalityId}.`);
    });
  review
    .command('dismiss <number>')
    .description('file a message under «Avvist» without applying it')
    .addHelpText('after', '\nExample:\n  $ nettverk review dismiss 3')
    .action(async (number: string) => {
      await reviewOps().dismissReview(ctx.config, uidOf(number));
      line(`${colour.green('✓')} Message ${number} dismissed.`);
    });
}
