// nettverk assignment show|approve|move, nettverk gathering set
import type { Command } from 'commander';
import { campaignState } from '../../operations/journeys';
import { approveAssignment, moveMunicipality, setGathering } from '../../operations/changes';
import { OperationError } from '../../operations/errors';
import { describeJourney, explainVenue } from '../../domain/assignment/explain';
import type { CampaignState } from '../../workflows/definitions';
import type { CliContext } from '../context';
import { colour, heading, line, printJson, table } from '../output';
import { count } from '../words';

function printProposal(s: CampaignState): void {
  const p = s.proposal;
  if (!p) {
    line('No proposal yet: it is made when the registration deadline has passed.');
    return;
  }
  heading(
    `Assignment for ${s.campaign.id} — ${s.approved ? colour.green(`approved by ${s.approved.by}`) : colour.yellow('awaiting approval')}`,
  );
  table(
    [
      'network',
      'municipalities',
      'participants',
      'capacity',
      'venue',
      'travel h (sum)',
      'longest h',
    ],
    p.networks.map((n) => [
      n.id,
      n.municipalityIds.length,
      n.participants,
      `${n.capacity.min}–${n.capacity.max}`,
      n.venue?.name ?? null,
      n.totalTravelHours === undefined ? null : n.totalTravelHours.toFixed(1),
      n.maxTravelHours === undefined ? null : n.maxTravelHours.toFixed(1),
    ]),
  );
  // Why each venue: its travel time against the next best candidate (older proposals: none).
  for (const n of p.networks) {
    const why = explainVenue(n, p.placements);
    if (why) line(why);
  }
  line();
  table(
    ['municipality', 'id', 'participants', 'network', 'travel to venue', 'km', 'wish'],
    p.placements.map((x) => [
      x.name,
      x.municipalityId,
      x.participants,
      x.networkId ?? colour.yellow('waiting list'),
      x.travel ? describeJourney(x.travel) : null,
      x.distanceKm === null ? null : Math.round(x.distanceKm),
      x.preference
        ? `${x.preference}${x.preferenceMet === false ? colour.yellow(' (not met)') : ''}`
        : null,
    ]),
  );
  for (const w of p.warnings) line(colour.yellow(`! ${w}`));
}

export function assignmentCommands(program: Command, ctx: CliContext): void {
  const assignment = program
    .command('assignment')
    .description('the proposed networks: look, correct, approve');
  assignment
    .command('show')
    .description('the proposal: networks, venues, who goes where, the waiting list')
    .option('--campaign <id>', 'the campaign (default: the only one)')
    .option('--json', 'print as JSON')
    .addHelpText('after', '\nExample:\n  $ nettverk assignment show')
    .action(async (o: { campaign?: string; json?: boolean }) => {
      const s = await campaignState(await ctx.client(), await ctx.campaignId(o.campaign));
      if (o.json)
        return printJson({
          phase: s.phase,
          approved: s.approved,
          proposal: s.proposal,
          moves: s.moves,
        });
      printProposal(s);
    });
  assignment
    .command('move')
    .argument('<municipality>', 'its number, or its name (Hamar, "Nord-Odal")')
    .description(
      'move a municipality to another network or to the waiting list (before or after approval)',
    )
    .requiredOption('--to <network>', 'a network id, or "waiting-list"')
    .option(
      '--over-capacity',
      'allow the move although the network then has more participants than its maximum (recorded with a warning)',
    )
    .option('--campaign <id>', 'the campaign (default: the only one)')
    .option('--by <name>', 'who moves')
    .option('--json', 'print as JSON')
    .addHelpText(
      'after',
      '\nExamples:\n  $ nettverk assignment move 4621 --to B\n  $ nettverk assignment move voss --to B\n  $ nettverk assignment move 1577 --to waiting-list\n  $ nettverk assignment move 4621 --to A --over-capacity   # one more than the maximum, knowingly',
    )
    .action(
      async (
        text: string,
        o: { to: string; overCapacity?: boolean; campaign?: string; by?: string; json?: boolean },
      ) => {
        const to = o.to.toLowerCase() === 'waiting-list' ? 'waiting-list' : o.to.toUpperCase();
        const client = await ctx.client();
        const campaignId = await ctx.campaignId(o.campaign);
        const id = await ctx.municipalityId(campaignId, text);
        const s = await moveMunicipality(
          client,
          campaignId,
          id,
          to,
          ctx.by(o.by),
          Boolean(o.overCapacity),
        );
        if (o.json) return printJson({ proposal: s.proposal, moves: s.moves });
        const name = s.proposal?.placements.find((p) => p.municipalityId === id)?.name;
        line(`${colour.green('✓')} ${name ? `${name} (${id})` : id} moved to ${to}.`);
        const last = s.moves[s.moves.length - 1];
        if (last?.municipalityId === id && last.warning)
          process.stderr.write(`${colour.yellow('warning')} ${last.warning} (recorded)\n`);
      },
    );
  assignment
    .command('approve')
    .description('approve the proposal: each journey is told its network, dates and venue')
    .option('--campaign <id>', 'the campaign (default: the only one)')
    .option('--by <name>', 'who approves')
    .option('--json', 'print as JSON')
    .addHelpText('after', '\nExample:\n  $ nettverk assignment approve')
    .action(async (o: { campaign?: string; by?: string; json?: boolean }) => {
      const s = await approveAssignment(
        await ctx.client(),
        await ctx.campaignId(o.campaign),
        ctx.by(o.by),
      );
      if (o.json) return printJson({ phase: s.phase, approved: s.approved, proposal: s.proposal });
      line(
        `${colour.green('✓')} Approved. ${count(s.proposal?.networks.reduce((n, x) => n + x.municipalityIds.length, 0) ?? 0, 'municipality is', 'municipalities are')} being told their network.`,
      );
    });

  const gathering = program.command('gathering').description("a gathering's date and venue");
  gathering
    .command('set <network> <number>')
    .description(
      "set (or move) a gathering's date and venue; the network's municipalities are told",
    )
    .option('--date <YYYY-MM-DD>', 'the first day')
    .option('--venue <venue>', 'a candidate venue id (e.g. gardermoen) or "Name, address"')
    .option('--starts <HH:MM>', 'start time (default: 10:00, or 11:30 for lunch to lunch)')
    .option('--ends <HH:MM>', 'end time (default: 16:00, or 13:30 the next day for lunch to lunch)')
    .option('--campaign <id>', 'the campaign (default: the only one)')
    .option('--by <name>', 'who sets it')
    .option('--json', 'print the network as JSON')
    .addHelpText(
      'after',
      '\nExamples:\n  $ nettverk gathering set A 2 --date 2013-10-15 --venue gardermoen\n  $ nettverk gathering set B 1 --date 2013-09-10 --venue "Scandic Bergen City, Håkonsgaten 2, Bergen"',
    )
    .action(
      async (
        network: string,
        number: string,
        o: {
          date?: string;
          venue?: string;
          starts?: string;
          ends?: string;
          campaign?: string;
          by?: string;
          json?: boolean;
        },
      ) => {
        const n = Number(number);
        if (![1, 2, 3].includes(n))
          throw new OperationError(`A network has gatherings 1, 2 and 3, not "${number}".`);
        if (!o.date && !o.venue && !o.starts && !o.ends)
          throw new OperationError('Give --date, --venue, --starts or --ends.');
        const client = await ctx.client();
        const campaignId = await ctx.campaignId(o.campaign);
        const current = await campaignState(client, campaignId);
        let venue:
          | string
          | { id: string; name: string; address: string | null; lat: null; lon: null }
          | undefined = o.venue;
        if (o.venue && !current.campaign.venues.some((v) => v.id === o.venue)) {
          const [name, ...rest] = o.venue.split(',').map((s) => s.trim());
          const id =
            name
              .toLowerCase()
              .normalize('NFKD')
              .replace(/[^a-z0-9]+/g, '-')
              .replace(/^-|-$/g, '') || 'venue';
          venue = { id, name, address: rest.join(', ') || null, lat: null, lon: null };
        }
        const s = await setGathering(client, campaignId, {
          network: network.toUpperCase(),
          number: n,
          date: o.date,
          starts: o.starts,
          ends: o.ends,
          venue,
          by: ctx.by(o.by),
        });
        const g = s.campaign.networks.find((x) => x.id === network.toUpperCase())!.gatherings[
          n - 1
        ];
        if (o.json) return printJson(g);
        const proposed = g.venueProposed
          ? ' (proposed: letters say «Sted kommer» until --venue)'
          : '';
        line(
          `${colour.green('✓')} Network ${network.toUpperCase()}, gathering ${n}: ${g.date ?? g.month}${g.venue ? `, ${g.venue.name}${proposed}` : ''}.`,
        );
        if (s.phase === 'running')
          line(
            '  Municipalities told another date or venue get a change letter now; the rest read it in the announcement.',
          );
      },
    );
}
