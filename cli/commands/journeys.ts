// nettverk list|show|cancel|register|participants|flags
import type { Command } from 'commander';
import { STAGES } from '../../domain/types';
import { journeyState, listJourneys } from '../../operations/journeys';
import {
  cancelJourney,
  changeParticipants,
  parseParticipantArg,
  registerByHand,
} from '../../operations/changes';
import type { JourneyState } from '../../workflows/definitions';
import type { CliContext } from '../context';
import { colour, heading, line, printJson, stage, table, when } from '../output';
import { count } from '../words';

export const MUNICIPALITY =
  'a municipality: its number, or its name (Hamar, "Nord-Odal", sor-odal)';

/** The client, campaign and municipality id a journey command is about. */
export async function target(ctx: CliContext, campaign: string | undefined, municipality: string) {
  const client = await ctx.client();
  const campaignId = await ctx.campaignId(campaign);
  return { client, campaignId, id: await ctx.municipalityId(campaignId, municipality) };
}

/** The JSON shape of one journey: the state, with the essentials on top. */
export function journeyJson(s: JourneyState) {
  return {
    id: s.municipality.id,
    name: s.municipality.name,
    campaignId: s.campaignId,
    stage: s.stage,
    network: s.network?.id ?? null,
    participants: s.participants,
    flags: s.flags,
    state: s,
  };
}

function printJourney(s: JourneyState): void {
  heading(`${s.municipality.name} (${s.municipality.id}) — ${s.campaignId}`);
  line(
    `Stage ${stage(s.stage)}   Network ${s.network?.id ?? '–'}${s.waitingListPosition ? `   Waiting list #${s.waitingListPosition}` : ''}`,
  );
  line(
    `Registered ${when(s.registeredAt)}${s.registeredVia ? ` (${s.registeredVia})` : ''}${s.lateRegistration ? colour.yellow(' late') : ''}   Anchored ${s.anchored === null ? '–' : s.anchored ? 'yes' : 'no'}   Wish ${s.networkPreference ?? '–'}`,
  );
  if (s.missing.length) line(colour.yellow(`Missing: ${s.missing.join(', ')}`));
  if (s.cancellation)
    line(
      colour.red(
        `Cancelled by ${s.cancellation.by} ${when(s.cancellation.at)}: ${s.cancellation.reason}`,
      ),
    );
  line();
  heading('Participants');
  table(
    ['name', 'title', 'email', 'phone'],
    s.participants.map((p) => [p.name, p.title, p.email, p.phone]),
  );
  if (s.network) {
    line();
    heading(`Gatherings (network ${s.network.id})`);
    table(
      ['#', 'when', 'venue', 'attending', 'overnight', 'dietary'],
      s.network.gatherings.map((g) => {
        const rows = s.gatherings[g.number - 1]?.attendance ?? [];
        return [
          g.number,
          g.startsAt ? when(g.startsAt) : g.month,
          g.venue?.name ?? null,
          rows.length ? `${rows.filter((r) => r.attending).length}/${rows.length}` : null,
          rows.filter((r) => r.overnight).length || null,
          rows
            .filter((r) => r.dietary)
            .map((r) => `${r.name}: ${r.dietary}`)
            .join('; ') || null,
        ];
      }),
    );
  }
  line();
  heading('Mails sent');
  table(
    ['when', 'step', 'status', 'recipients'],
    s.mails.map((m) => [when(m.at), m.step, m.status, m.recipients]),
  );
  line();
  heading('Replies received');
  table(
    ['when', 'kind', 'from', 'what happened'],
    s.replies.map((r) => [when(r.at), r.kind, r.fromDomain, r.outcome]),
  );
  if (s.reports.length) {
    line();
    heading('Reports');
    for (const r of s.reports)
      line(
        `${colour.dim(`${when(r.at)} ${r.kind}:`)} ${r.text.replace(/\s+/g, ' ').slice(0, 200)}`,
      );
  }
  line();
  heading('Flags');
  table(
    ['id', 'raised', 'message', 'resolved'],
    s.flags.map((f) => [
      f.id,
      when(f.raisedAt),
      f.message,
      f.resolved ? `${f.resolved.by} ${when(f.resolved.at)}` : colour.yellow('open'),
    ]),
  );
  if (s.pendingEffects) line(colour.dim(`${s.pendingEffects} mail(s) waiting to go out`));
}

export function journeyCommands(program: Command, ctx: CliContext): void {
  program
    .command('list')
    .description('the journeys, filtered by campaign, stage, network or open flags')
    .option('--campaign <id>', 'only this campaign')
    .option('--stage <stage>', `only this stage (${STAGES.join(', ')})`)
    .option('--network <id>', 'only this network')
    .option('--flagged', 'only journeys with open flags')
    .option('--json', 'print as JSON')
    .addHelpText(
      'after',
      '\nExamples:\n  $ nettverk list --stage registered\n  $ nettverk list --network A --json\n  $ nettverk list --flagged',
    )
    .action(
      async (o: {
        campaign?: string;
        stage?: string;
        network?: string;
        flagged?: boolean;
        json?: boolean;
      }) => {
        const rows = await listJourneys(await ctx.client(), {
          campaignId: o.campaign,
          stage: o.stage,
          network: o.network,
          flagged: o.flagged,
        });
        if (o.json) return printJson(rows);
        table(
          ['campaign', 'id', 'stage', 'network', 'flags', 'workflow'],
          rows.map((r) => [
            r.campaignId,
            r.municipalityId,
            stage(r.stage),
            r.network,
            r.flagged ? colour.yellow('open') : '',
            r.status.toLowerCase(),
          ]),
        );
        line(colour.dim(count(rows.length, 'journey')));
      },
    );

  program
    .command('show')
    .argument('<municipality>', MUNICIPALITY)
    .description(
      "one municipality's whole journey: stage, participants, network, gatherings, mails, replies, flags",
    )
    .option('--campaign <id>', 'the campaign (default: the only one)')
    .option('--json', 'print as JSON')
    .addHelpText(
      'after',
      '\nExamples:\n  $ nettverk show 4621\n  $ nettverk show voss\n  $ nettverk show 4621 --json | jq .participants',
    )
    .action(async (id: string, o: { campaign?: string; json?: boolean }) => {
      const t = await target(ctx, o.campaign, id);
      const s = await journeyState(t.client, t.campaignId, t.id);
      if (o.json) printJson(journeyJson(s));
      else printJourney(s);
    });

  program
    .command('cancel')
    .argument('<municipality>', MUNICIPALITY)
    .description("cancel one municipality's journey (a registered one gets a withdrawal note)")
    .requiredOption('--reason <text>', 'why (recorded and shown)')
    .option('--campaign <id>', 'the campaign (default: the only one)')
    .option('--by <name>', 'who cancels')
    .option('--json', 'print the journey as JSON')
    .addHelpText(
      'after',
      '\nExample:\n  $ nettverk cancel 4621 --reason "Trakk seg etter vedtak i formannskapet"',
    )
    .action(
      async (id: string, o: { reason: string; campaign?: string; by?: string; json?: boolean }) => {
        const t = await target(ctx, o.campaign, id);
        const s = await cancelJourney(t.client, t.campaignId, t.id, ctx.by(o.by), o.reason);
        if (o.json) return printJson(journeyJson(s));
        line(`${colour.green('✓')} ${s.municipality.name} cancelled.`);
      },
    );

  const participantsOption = (cmd: Command) =>
    cmd.requiredOption(
      '--participant <text...>',
      'a participant as "Name; title; email[; phone]" (repeat for each)',
    );

  participantsOption(
    program
      .command('register')
      .argument('<municipality>', MUNICIPALITY)
      .description(
        'register a municipality by hand (it phoned in); a confirmation mail goes to the participants',
      ),
  )
    .option('--not-anchored', 'the administrative leadership has not yet decided')
    .option('--network <id>', 'the network they wish for')
    .option('--campaign <id>', 'the campaign (default: the only one)')
    .option('--by <name>', 'who registers')
    .option('--json', 'print the journey as JSON')
    .addHelpText(
      'after',
      '\nExample:\n  $ nettverk register 4621 --participant "Kari Nordmann; kommunalsjef; kari@voss.kommune.no" \\\n      --participant "Ola Hansen; rådgiver; ola@voss.kommune.no; 99 88 77 66" --network A',
    )
    .action(
      async (
        id: string,
        o: {
          participant: string[];
          notAnchored?: boolean;
          network?: string;
          campaign?: string;
          by?: string;
          json?: boolean;
        },
      ) => {
        const participants = o.participant.map(parseParticipantArg);
        const t = await target(ctx, o.campaign, id);
        const s = await registerByHand(t.client, t.campaignId, t.id, {
          participants,
          anchored: !o.notAnchored,
          networkPreference: o.network?.toUpperCase() ?? null,
          by: ctx.by(o.by),
        });
        if (o.json) return printJson(journeyJson(s));
        line(
          `${colour.green('✓')} ${s.municipality.name} registered with ${count(s.participants.length, 'participant')}.`,
        );
      },
    );

  participantsOption(
    program
      .command('participants')
      .argument('<municipality>', MUNICIPALITY)
      .description("replace a registered municipality's participants"),
  )
    .option('--campaign <id>', 'the campaign (default: the only one)')
    .option('--by <name>', 'who changes')
    .option('--json', 'print the journey as JSON')
    .addHelpText(
      'after',
      '\nExample:\n  $ nettverk participants 4621 --participant "Per Berg; økonomisjef; per@voss.kommune.no"',
    )
    .action(
      async (
        id: string,
        o: { participant: string[]; campaign?: string; by?: string; json?: boolean },
      ) => {
        const t = await target(ctx, o.campaign, id);
        const s = await changeParticipants(
          t.client,
          t.campaignId,
          t.id,
          o.participant.map(parseParticipantArg),
          ctx.by(o.by),
        );
        if (o.json) return printJson(journeyJson(s));
        line(
          `${colour.green('✓')} ${s.municipality.name} now has ${count(s.participants.length, 'participant')}.`,
        );
      },
    );
}
