// nettverk preview TEMPLATE, nettverk parse FILE.eml
/* eslint-disable @typescript-eslint/no-require-imports -- templates and reply reading load on demand: other commands need neither */
import fs from 'node:fs';
import type { Command } from 'commander';
import { loadCampaignFile } from '../../platform/files/campaign-file';
import { loadMunicipalitiesFile } from '../../platform/files/roster-file';
import { readFileBytes } from '../../platform/files/read-file';
import { describeBinary } from '../../domain/text-file';
import { JOURNEY_TEMPLATES, NOTICE_TEMPLATES } from '../../mail/outgoing/types';
import { OperationError } from '../../operations/errors';
import { colour, line, printJson } from '../output';
import { previewNow } from '../preview-clock';

export function mailCommands(program: Command): void {
  program
    .command('preview <template>')
    .description('render a mail as it would go out, to the terminal and optionally to an HTML file')
    .option('--campaign-file <file>', 'use this campaign file (default: sample data)')
    .option('--municipalities <csv>', 'the municipality list to take --municipality from')
    .option('--municipality <id>', 'render for this municipality')
    .option('--language <nb|nn>', 'bokmål or nynorsk, whatever the municipality writes')
    .option('--network <id>', 'the network for gathering mails (default A)')
    .option('--gathering <n>', 'which gathering (1–3) for gathering and follow-up mails')
    .option('--out <file.html>', 'also write the mail as a web page')
    .addHelpText(
      'after',
      `
Templates: ${[...JOURNEY_TEMPLATES, ...NOTICE_TEMPLATES].join(', ')}

Examples:
  $ nettverk preview invitation --language nn
  $ nettverk preview gathering-announcement --campaign-file campaigns/ks-ti-2013.yaml \\
      --municipalities campaigns/demo/municipalities.csv --municipality 4621 --out /tmp/samling.html`,
    )
    .action(
      (
        template: string,
        o: {
          campaignFile?: string;
          municipalities?: string;
          municipality?: string;
          language?: string;
          network?: string;
          gathering?: string;
          out?: string;
        },
      ) => {
        // Loaded here, not at startup: every other command would pay for the templates.
        const { isTemplateName, loadTemplates, previewMail } =
          require('../../mail/outgoing') as typeof import('../../mail/outgoing');
        const { sampleContext } =
          require('../../mail/outgoing/samples') as typeof import('../../mail/outgoing/samples');
        if (!isTemplateName(template)) {
          throw new OperationError(
            `There is no template "${template}". Templates: ${[...JOURNEY_TEMPLATES, ...NOTICE_TEMPLATES].join(', ')}.`,
          );
        }
        if (o.language && o.language !== 'nb' && o.language !== 'nn')
          throw new OperationError('--language is nb (bokmål) or nn (nynorsk).');
        if (o.municipality && !o.municipalities)
          throw new OperationError('--municipality needs --municipalities CSV to look it up in.');
        const municipality = o.municipality
          ? loadMunicipalitiesFile(o.municipalities!).find((m) => m.id === o.municipality)
          : undefined;
        if (o.municipality && !municipality)
          throw new OperationError(`Municipality ${o.municipality} is not in ${o.municipalities}.`);
        const gathering = o.gathering ? Number(o.gathering) : undefined;
        if (gathering !== undefined && ![1, 2, 3].includes(gathering))
          throw new OperationError('--gathering is 1, 2 or 3.');
        const ctx = sampleContext(template, {
          municipality,
          language: o.language as 'nb' | 'nn' | undefined,
          network: o.network?.toUpperCase(),
          gathering: gathering as 1 | 2 | 3 | undefined,
        });
        if (o.campaignFile) {
          const sample = ctx.campaign;
          ctx.campaign = loadCampaignFile(o.campaignFile);
          // The mail's own date moves too, or a 2015 file shows 2013 (and 2014 deadlines).
          ctx.now = previewNow(ctx, sample, ctx.campaign);
          if (ctx.network)
            ctx.network =
              ctx.campaign.networks.find((n) => n.id === ctx.network!.id) ?? ctx.network;
        }
        const preview = previewMail(template, ctx, loadTemplates());
        line(preview.terminal);
        if (o.out) {
          fs.writeFileSync(o.out, preview.html);
          line(colour.dim(`Written to ${o.out}`));
        }
      },
    );

  program
    .command('parse <file>')
    .description(
      'what the system reads in a saved mail (.eml): kind, fresh text, participants, anchoring, network wish',
    )
    .option('--json', 'print one JSON object')
    .addHelpText(
      'after',
      '\nExamples:\n  $ nettverk parse svar.eml\n  $ nettverk parse svar.eml --json | jq .participants',
    )
    .action(async (file: string, o: { json?: boolean }) => {
      // A saved mail may well hold Latin-1 bytes (its charset says so), so only what is plainly
      // not a mail is refused: no file, a folder, an image, an Outlook .msg.
      const read = readFileBytes(file);
      if (!read.ok) throw new OperationError(`${file}: ${read.message}`);
      const binary = describeBinary(read.bytes);
      if (binary) {
        throw new OperationError(
          `${file}: ${binary.what}, not a saved mail (.eml; in Outlook: drag the mail to a folder)`,
        );
      }
      const { describeReply } =
        require('../../mail/incoming/understand') as typeof import('../../mail/incoming/understand');
      const { readReply } =
        require('../../mail/incoming/read') as typeof import('../../mail/incoming/read');
      // The bounded signal the inbox sends the journey: what parse --json prints.
      const { toParsedReply } =
        require('../../mail/reply-signal') as typeof import('../../mail/reply-signal');
      const understood = await readReply(read.bytes);
      if (o.json) printJson(toParsedReply(understood));
      else line(describeReply(understood));
    });
}
