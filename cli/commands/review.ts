// nettverk review list|show|accept|assign|dismiss
import type { Command } from 'commander';
import type * as ReviewOperations from '../../operations/review';
import { OperationError } from '../../operations/errors';
import type { CliContext } from '../context';
import { colour, line, printJson, table, when } from '../output';
import type * as Understand from '../../mail/incoming/understand';
import type { Correction } from '../../operations/review';
import { parseParticipantArg } from '../../operations/changes';

interface AcceptOptions {
  as?: string;
  participant?: string[];
  anchored?: string;
  network?: string;
  to?: string;
  campaign?: string;
  by?: string;
}

const KINDS = ['registration', 'decline', 'question', 'other'] as const;

/** What the coordinator corrected, checked: a wrong word is an error, never a guess. */
function correctionOf(o: AcceptOptions): Correction {
  const c: Correction = {};
  if (o.as !== undefined) {
    const kind = KINDS.find((k) => k === o.as);
    if (!kind) throw new OperationError(`--as ${o.as}: say one of ${KINDS.join(', ')}.`);
    c.kind = kind;
  }
  if (o.participant) c.participants = o.participant.map(parseParticipantArg);
  if (o.anchored !== undefined) {
    if (!/^(?:yes|ja|no|nei)$/i.test(o.anchored))
      throw new OperationError(`--anchored ${o.anchored}: say yes or no.`);
    c.anchored = /^(?:yes|ja)$/i.test(o.anchored);
  }
  if (o.network !== undefined) c.networkPreference = o.network.toUpperCase();
  return c;
}

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
          i.note ? `[${i.note}] ${i.reason}` : i.reason,
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
    .command('show')
    .argument('<number>', 'the message number from `nettverk review list`')
    .description('the reading the inbox proposes for a message, with its evidence and doubts')
    .option('--json', 'print as JSON')
    .addHelpText('after', '\nExample:\n  $ nettverk review show 3')
    .action(async (number: string, o: { json?: boolean }) => {
      const shown = await reviewOps().showReview(await ctx.client(), ctx.config, uidOf(number));
      if (o.json) return printJson(shown);
      line(`Message ${number}: ${shown.reason}`);
      line(`Journey: ${shown.journey ?? 'none matched (use review assign)'}`);
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { describeReply } = require('../../mail/incoming/understand') as typeof Understand;
      line(describeReply(shown.reply));
    });
  review
    .command('accept')
    .argument('<number>', 'the message number from `nettverk review list`')
    .description(
      "apply the proposed reading to the message's journey, or a corrected one (--as, --participant …)",
    )
    .option('--as <kind>', 'read it as registration, decline, question or other')
    .option(
      '--participant <text...>',
      'a participant, "Name; title; email[; phone]" (repeatable; replaces the proposed ones)',
    )
    .option('--anchored <yes|no>', 'anchored in the administrative leadership')
    .option('--network <id>', 'the network the municipality wishes')
    .option('--to <municipality>', 'the journey, when the message matched none')
    .option('--campaign <id>', 'the campaign (default: the only one)')
    .option('--by <name>', 'who accepts')
    .addHelpText(
      'after',
      '\nExamples:\n  $ nettverk review accept 3\n  $ nettverk review accept 4 --as decline\n' +
        '  $ nettverk review accept 5 --as registration --participant "Kari Nordmann; rådgiver; kari@voss.kommune.no"',
    )
    .action(async (number: string, o: AcceptOptions) => {
      const client = await ctx.client();
      let target = null;
      if (o.to) {
        const campaignId = await ctx.campaignId(o.campaign);
        target = { campaignId, municipalityId: await ctx.municipalityId(campaignId, o.to) };
      }
      const done = await reviewOps().acceptReview(
        client,
        ctx.config,
        uidOf(number),
        correctionOf(o),
        ctx.by(o.by),
        target,
      );
      line(
        `${colour.green('✓')} Message ${number} applied to ${done.journey} as ${done.reply.kind}.`,
      );
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
