// nettverk campaign start|status|cancel|purge
/* eslint-disable @typescript-eslint/no-require-imports -- operations load on demand: the Temporal client and IMAP are not needed for --help */
import type { Command } from 'commander';
import { loadCampaignFile } from '../../platform/files/campaign-file';
import { compressCampaign } from '../../domain/campaign/clock';
import { loadMunicipalitiesFile } from '../../platform/files/roster-file';
import type * as StartOperations from '../../operations/start-campaign';
import type * as StatusOperations from '../../operations/status';
import { cancelCampaign } from '../../operations/changes';
import { OperationError } from '../../operations/errors';
import { invitationPace, paceText } from '../../operations/mail-pace';
import type { CliContext } from '../context';
import { colour, heading, line, printJson, progress, table } from '../output';
import { count } from '../words';

// Loaded when a command runs, not for `--help` or other commands: they load the Temporal client.
const start = () => require('../../operations/start-campaign') as typeof StartOperations;
const statusOps = () => require('../../operations/status') as typeof StatusOperations;

// A campaign is named as the argument (as always) or with --campaign, like every other command.
const CAMPAIGN_OPTION = ['--campaign <id>', 'the campaign, instead of the argument'] as const;

export function campaignCommands(program: Command, ctx: CliContext): void {
  const campaign = program
    .command('campaign')
    .description('start, watch, cancel and purge a campaign');

  campaign
    .command('start <file>')
    .description(
      'validate the campaign file and the municipality list, then start the campaign and one journey per municipality',
    )
    .requiredOption(
      '--municipalities <csv>',
      'the municipalities to invite (CSV: id, name, type, email, language_form, lat, lon)',
    )
    .option('--only <ids>', 'start only these municipality ids (comma-separated)')
    .option(
      '--allow-after-deadline',
      'start journeys although the registration deadline has passed',
    )
    .option('--dry-run', 'validate everything and say what would start, start nothing')
    .option(
      '--id <id>',
      "run under another id than the file's (a rehearsal beside the real campaign)",
    )
    .option(
      '--compress <per-day>',
      "rehearsal: one campaign day lasts this long (e.g. 1s, 500ms); the mails keep the file's dates",
    )
    .option('--json', 'print the result as JSON')
    .addHelpText(
      'after',
      `
Examples:
  $ nettverk campaign start campaigns/ks-ti-2013.yaml --municipalities kommuner.csv
  $ nettverk campaign start campaigns/ks-ti-2013.yaml --municipalities kommuner.csv --dry-run
  $ nettverk campaign start campaigns/ks-ti-2013.yaml --municipalities nye.csv   # adds only the new ones
  $ nettverk campaign start campaigns/ks-ti-2013.yaml --municipalities test.csv --id prove --compress 1s

Running it twice starts nothing new: journeys have fixed ids.`,
    )
    .action(
      async (
        file: string,
        o: {
          municipalities: string;
          only?: string;
          allowAfterDeadline?: boolean;
          dryRun?: boolean;
          json?: boolean;
          id?: string;
          compress?: string;
        },
      ) => {
        // Everything is read and checked before anything starts.
        let definition = loadCampaignFile(file);
        if (o.id) {
          if (!/^[a-z0-9][a-z0-9-]*$/.test(o.id))
            throw new OperationError(`--id "${o.id}": use lower-case letters, digits and hyphens.`);
          definition = { ...definition, id: o.id };
        }
        if (o.compress) {
          const m = /^(\d+(?:\.\d+)?)(ms|s|m)$/.exec(o.compress.trim());
          if (!m || Number(m[1]) <= 0)
            throw new OperationError(
              `--compress "${o.compress}" is not a duration such as 500ms, 1s or 2m.`,
            );
          const msPerDay = Number(m[1]) * { ms: 1, s: 1000, m: 60_000 }[m[2] as 'ms' | 's' | 'm'];
          definition = compressCampaign(definition, { start: new Date().toISOString(), msPerDay });
        }
        // Warnings go to stderr and do not stop the start: see domain/roster/overlaps.ts.
        let municipalities = loadMunicipalitiesFile(o.municipalities, (w) =>
          process.stderr.write(
            `${colour.yellow('warning')} ${o.municipalities}:${w.line}  ${w.field}: ${w.message}\n`,
          ),
        );
        if (o.only) {
          const wanted = new Set(o.only.split(',').map((s) => s.trim()));
          const unknown = [...wanted].filter((id) => !municipalities.some((m) => m.id === id));
          if (unknown.length)
            throw new OperationError(
              `--only names ids that are not in ${o.municipalities}: ${unknown.join(', ')}`,
            );
          municipalities = municipalities.filter((m) => wanted.has(m.id));
        }
        const options = {
          campaign: definition,
          municipalities,
          allowAfterDeadline: o.allowAfterDeadline,
        };
        start().checkStartable(options);
        // A compressed calendar with the workers' uncompressed mail rate: say how long the
        // invitations take in campaign days, and what to set when that is too long.
        const pace = o.compress
          ? invitationPace(definition, municipalities.length, mailRate(ctx))
          : null;
        if (pace) {
          const text = paceText(pace);
          process.stderr.write(
            pace.tooSlow ? `${colour.yellow('warning')} ${text}\n` : `${text}\n`,
          );
        }
        if (o.dryRun) {
          const result = {
            campaignId: definition.id,
            valid: true,
            municipalities: municipalities.length,
            started: 0,
          };
          if (o.json) printJson(result);
          else
            line(
              `${colour.green('✓')} ${file} and ${o.municipalities} are valid: ${count(municipalities.length, 'municipality', 'municipalities')} would be invited to ${definition.id}. Nothing started.`,
            );
          return;
        }
        const client = await ctx.client();
        const bar = progress('Starting journeys');
        const report = await start().startCampaign(client, ctx.config, {
          ...options,
          onProgress: (d, t) => bar.update(d, t),
        });
        bar.done();
        if (o.json) return printJson(report);
        line(
          `${colour.green('✓')} Campaign ${report.campaignId} ${report.campaignWorkflow === 'started' ? 'started' : 'was already running'}: ` +
            `${count(report.journeys.started, 'journey')} started, ${report.journeys.existing} already running (${report.journeys.total} in the list).`,
        );
        line(
          `  Watch it: nettverk campaign status ${report.campaignId}   ·   Temporal UI: ${ctx.config.temporal.uiUrl}`,
        );
      },
    );

  campaign
    .command('status [id]')
    .description('the funnel, the networks, open flags and the review queue')
    .option(...CAMPAIGN_OPTION)
    .option('--json', 'print as JSON')
    .addHelpText(
      'after',
      '\nExamples:\n  $ nettverk campaign status ks-ti-2013\n  $ nettverk campaign status --campaign ks-ti-2013\n  $ nettverk campaign status --json | jq .funnel',
    )
    .action(async (id: string | undefined, o: { campaign?: string; json?: boolean }) => {
      const client = await ctx.client();
      const status = await statusOps().campaignStatus(
        client,
        ctx.config,
        await ctx.campaignId(o.campaign, id),
      );
      if (o.json) return printJson(status);
      const f = status.funnel;
      heading(`${status.title} (${status.campaignId}) — ${status.phase}`);
      table(
        [
          'invited',
          'answered',
          'registered',
          'incomplete',
          'declined',
          'no answer',
          'waiting list',
          'placed',
          'completed',
          'cancelled',
        ],
        [
          [
            f.invited,
            f.answered,
            f.registered,
            f.incomplete,
            f.declined,
            f.noAnswer,
            f.waitingList,
            f.placed,
            f.completed,
            f.cancelled,
          ],
        ],
      );
      line();
      table(
        ['network', 'municipalities', 'participants', 'capacity', 'venue', 'gatherings'],
        status.networks.map((n) => [
          n.id,
          n.municipalities,
          n.participants,
          `${n.capacity.min}–${n.capacity.max}`,
          n.venue,
          n.gatherings.map((g) => `${g.number}: ${g.when}`).join(', '),
        ]),
      );
      line();
      line(
        `Open flags: ${status.openFlags ? colour.yellow(String(status.openFlags)) : 0}   Review queue: ${status.reviewQueue ?? 'unknown (mailbox not reachable)'}`,
      );
      for (const w of status.warnings) line(colour.yellow(`! ${w}`));
    });

  campaign
    .command('cancel [id]')
    .description(
      'cancel the whole campaign: every journey stops; registered municipalities get a withdrawal note',
    )
    .requiredOption('--reason <text>', 'why (recorded, and told to registered municipalities)')
    .option(...CAMPAIGN_OPTION)
    .option('--by <name>', 'who cancels (default: NETTVERK_COORDINATOR or your login)')
    .option('--json', 'print the campaign state as JSON')
    .addHelpText(
      'after',
      '\nExample:\n  $ nettverk campaign cancel ks-ti-2013 --reason "Prosjektet er avlyst"',
    )
    .action(
      async (
        positional: string | undefined,
        o: { reason: string; campaign?: string; by?: string; json?: boolean },
      ) => {
        // Never the "only campaign" by default: cancelling cannot be undone.
        const id = await ctx.namedCampaignId(
          o.campaign,
          positional,
          'nettverk campaign cancel ID --reason TEXT',
        );
        const state = await cancelCampaign(await ctx.client(), id, ctx.by(o.by), o.reason);
        if (o.json) return printJson(state);
        line(
          `${colour.green('✓')} Campaign ${id} cancelled. Its journeys are being cancelled (watch: nettverk list --campaign ${id}).`,
        );
      },
    );

  campaign
    .command('purge [id]')
    .description(
      "delete the campaign's personal data: workflow histories in Temporal, its mail in the TI mailbox folders, its exports and report in out/",
    )
    .option(...CAMPAIGN_OPTION)
    .option('--terminate-running', 'also end workflows still running')
    .option('--yes', 'do it (without this, nothing is deleted)')
    .option('--json', 'print the result as JSON')
    .addHelpText(
      'after',
      '\nExample (after the campaign is over):\n  $ nettverk campaign purge ks-ti-2013 --yes',
    )
    .action(
      async (
        positional: string | undefined,
        o: { campaign?: string; terminateRunning?: boolean; yes?: boolean; json?: boolean },
      ) => {
        const id = await ctx.namedCampaignId(
          o.campaign,
          positional,
          'nettverk campaign purge ID --yes',
        );
        if (!o.yes)
          throw new OperationError(
            `This deletes all personal data of campaign ${id} for good; add --yes to do it.`,
          );
        // Loaded here: IMAP is needed by purge alone.
        const { purgeCampaign } =
          require('../../operations/purge') as typeof import('../../operations/purge');
        const report = await purgeCampaign(await ctx.client(), ctx.config, id, {
          terminateRunning: Boolean(o.terminateRunning),
          exportsDir: 'out', // where `export` and `report` write by default
        });
        if (o.json) return printJson(report);
        line(
          `${colour.green('✓')} Deleted ${count(report.workflowsDeleted, 'workflow history', 'workflow histories')}, ${count(report.mailsDeleted, 'mail')} and ${count(report.exportsDeleted, 'export file')} in out/ of campaign ${id} (files written elsewhere with --out are yours to delete).`,
        );
      },
    );
}

/** This shell's MAIL_RATE_PER_MINUTE (the workers read the same variable), 30 if unset. */
function mailRate(ctx: CliContext): number {
  try {
    return ctx.config.smtp.ratePerMinute;
  } catch {
    return 30; // the configuration is incomplete here; the workers' default
  }
}
