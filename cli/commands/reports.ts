// nettverk export registrations|logistics|lessons, nettverk report
/* eslint-disable @typescript-eslint/no-require-imports -- XLSX and the map load on demand: most commands need neither */
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { collectCampaignData } from '../../operations/collect';
import { OperationError } from '../../operations/errors';
import type { ExportFormat, ExportKind } from '../../reporting/exports';
import type { CliContext } from '../context';
import { colour, line } from '../output';
import { count } from '../words';

const KINDS: ExportKind[] = ['registrations', 'logistics', 'lessons'];
const FORMATS: ExportFormat[] = ['csv', 'xlsx', 'json'];

export function reportCommands(program: Command, ctx: CliContext): void {
  program
    .command('export <kind>')
    .description(
      'registrations, logistics (what a hotel needs per gathering) or lessons learned, as CSV, XLSX or JSON',
    )
    .option(
      '--format <format>',
      'csv (Norwegian Excel: semicolons, UTF-8 BOM), xlsx or json',
      'csv',
    )
    .option('--campaign <id>', 'the campaign (default: the only one)')
    .option(
      '--out <file>',
      'where to write (default: out/<campaign>-<kind>.<format>; "-" for stdout)',
    )
    .addHelpText(
      'after',
      '\nExamples:\n  $ nettverk export registrations\n  $ nettverk export logistics --format xlsx --out hotell.xlsx\n  $ nettverk export lessons --format json --out - | jq .',
    )
    .action(async (kind: string, o: { format: string; campaign?: string; out?: string }) => {
      if (!KINDS.includes(kind as ExportKind))
        throw new OperationError(`Export registrations, logistics or lessons, not "${kind}".`);
      if (!FORMATS.includes(o.format as ExportFormat))
        throw new OperationError(`--format is csv, xlsx or json, not "${o.format}".`);
      const campaignId = await ctx.campaignId(o.campaign);
      const data = await collectCampaignData(await ctx.client(), campaignId);
      // Loaded on demand: XLSX and the map are heavy, and most commands need neither.
      const { exportTable } =
        require('../../reporting/exports') as typeof import('../../reporting/exports');
      const file = await exportTable(kind as ExportKind, data, o.format as ExportFormat);
      if (o.out === '-') {
        process.stdout.write(file.content);
        return;
      }
      const out = o.out ?? path.join('out', `${campaignId}-${file.filename}`);
      fs.mkdirSync(path.dirname(out), { recursive: true });
      fs.writeFileSync(out, file.content);
      line(`${colour.green('✓')} ${out} (${count(data.journeys.length, 'journey')})`);
    });

  program
    .command('report [id]')
    .description(
      'one self-contained HTML page: the funnel, a map of Norway, the networks, logistics, lessons learned',
    )
    .option('--campaign <id>', 'the campaign, instead of the argument (default: the only one)')
    .option('--out <file>', 'where to write (default: out/<campaign>-rapport.html)')
    .addHelpText('after', '\nExample:\n  $ nettverk report ks-ti-2013 --out rapport.html')
    .action(async (id: string | undefined, o: { campaign?: string; out?: string }) => {
      const campaignId = await ctx.campaignId(o.campaign, id);
      const data = await collectCampaignData(await ctx.client(), campaignId);
      const out = o.out ?? path.join('out', `${campaignId}-rapport.html`);
      fs.mkdirSync(path.dirname(out), { recursive: true });
      const { renderReport } =
        require('../../reporting/report') as typeof import('../../reporting/report');
      fs.writeFileSync(out, renderReport(data));
      line(`${colour.green('✓')} ${out}`);
    });
}
