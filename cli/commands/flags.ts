// nettverk flags list|resolve: what needs the coordinator's attention, and what was done.
import type { Command } from 'commander';
import { journeyState, listJourneys } from '../../operations/journeys';
import { resolveFlag } from '../../operations/changes';
import type { JourneyState } from '../../workflows/definitions';
import type { CliContext } from '../context';
import { colour, line, printJson, table, when } from '../output';
import { count } from '../words';
import { journeyJson, MUNICIPALITY, target } from './journeys';

export function flagCommands(program: Command, ctx: CliContext): void {
  const flags = program.command('flags').description("what needs the coordinator's attention");
  flags
    .command('list')
    .description('open flags across the campaign')
    .option('--campaign <id>', 'the campaign (default: the only one)')
    .option('--all', 'also resolved flags, with who resolved them, when, and the note')
    .option('--json', 'print as JSON')
    .addHelpText('after', '\nExample:\n  $ nettverk flags list')
    .action(async (o: { campaign?: string; all?: boolean; json?: boolean }) => {
      const client = await ctx.client();
      const campaignId = await ctx.campaignId(o.campaign);
      const rows = await listJourneys(client, { campaignId, flagged: !o.all });
      const out: { id: string; name: string; flag: JourneyState['flags'][number] }[] = [];
      for (const r of rows) {
        const s = await journeyState(client, campaignId, r.municipalityId);
        for (const f of s.flags)
          if (o.all || !f.resolved)
            out.push({ id: s.municipality.id, name: s.municipality.name, flag: f });
      }
      if (o.json) return printJson(out);
      if (!o.all)
        return table(
          ['municipality', 'flag', 'raised', 'message'],
          out.map((x) => [`${x.name} (${x.id})`, x.flag.id, when(x.flag.raisedAt), x.flag.message]),
        );
      // With --all the question is what was done about each: who resolved it, when, how.
      table(
        ['municipality', 'flag', 'raised', 'message', 'resolved'],
        out.map(({ name, id, flag: f }) => [
          `${name} (${id})`,
          f.id,
          when(f.raisedAt),
          f.message,
          f.resolved
            ? `by ${f.resolved.by} ${when(f.resolved.at)}${f.resolved.note ? `: ${f.resolved.note}` : ''}`
            : colour.yellow('open'),
        ]),
      );
      const open = out.filter((x) => !x.flag.resolved).length;
      line(colour.dim(`${count(out.length, 'flag')}, ${open} open`));
    });
  flags
    .command('resolve')
    .argument('<municipality>', MUNICIPALITY)
    .argument('<flag>', 'the flag id, as `nettverk flags list` shows it')
    .description('mark a flag as dealt with')
    .option('--note <text>', 'what was done')
    .option('--campaign <id>', 'the campaign (default: the only one)')
    .option('--by <name>', 'who resolves')
    .option('--json', 'print the journey as JSON')
    .addHelpText(
      'after',
      '\nExample:\n  $ nettverk flags resolve 4621 question-1 --note "Svart på telefon"',
    )
    .action(
      async (
        id: string,
        flag: string,
        o: { note?: string; campaign?: string; by?: string; json?: boolean },
      ) => {
        const t = await target(ctx, o.campaign, id);
        const s = await resolveFlag(
          t.client,
          t.campaignId,
          t.id,
          flag,
          ctx.by(o.by),
          o.note ?? null,
        );
        if (o.json) return printJson(journeyJson(s));
        line(`${colour.green('✓')} ${flag} resolved for ${s.municipality.name}.`);
      },
    );
}
