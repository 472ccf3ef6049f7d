// Our own mail as the journey sends it (the real templates, the real headers, built by
// nodemailer), so the simulated replies quote and thread on exactly what municipalities get.
import path from 'node:path';
import MailComposer from 'nodemailer/lib/mail-composer';
import { loadCampaignFile } from '../../../platform/files/campaign-file';
import { loadMunicipalitiesFile } from '../../../platform/files/roster-file';
import type { Address, Campaign, Instant, MissingItem, Municipality } from '../../../domain/types';
import { monthOf, osloDate } from '../../../domain/time';
import { composeMessage } from '../../../mail/outgoing/compose';
import { parseMime, type ParsedMime } from '../../../mail/incoming/mime';
import {
  loadTemplates,
  renderMail,
  sampleContext,
  type JourneyTemplate,
} from '../../../mail/outgoing';
import type { Original } from '../../../demo/simulator/clients';
import { originalOf } from '../../../demo/simulator/compose';
import type { MunicipalityPlan, Person } from '../../../demo/simulator/types';

const root = path.resolve(__dirname, '../../..');
export const campaign: Campaign = loadCampaignFile(path.join(root, 'campaigns', 'ks-ti-2013.yaml'));
export const demoMunicipalities: Municipality[] = loadMunicipalitiesFile(
  path.join(root, 'campaigns', 'demo', 'municipalities.csv'),
);
const templates = loadTemplates();

export interface OurMail {
  raw: Buffer;
  mime: ParsedMime;
  original: Original;
}

export interface OurMailOptions {
  step: string;
  gathering?: 1 | 2 | 3;
  /** Participants as the journey has them (default: the plan's). */
  participants?: Person[];
  to?: Address[];
  missing?: MissingItem[];
  /** When it is sent (the Date header). */
  date?: Instant;
  /** Another campaign (its id, sender and reply address). */
  campaign?: Campaign;
  /** Moves the gathering (lunch to lunch, starting at this instant) from its sample date. */
  gatheringStartsAt?: Instant;
}

/** One of our mails to a simulated municipality, as it lands in its mailbox. */
export async function ourMail(
  plan: MunicipalityPlan,
  template: JourneyTemplate,
  o: OurMailOptions,
): Promise<OurMail> {
  const m = plan.municipality;
  const c = o.campaign ?? campaign;
  const domain = c.sender.address.split('@')[1];
  const ctx = sampleContext(template, { municipality: m, gathering: o.gathering, network: 'A' });
  ctx.campaign = { ...ctx.campaign, id: c.id, sender: c.sender, replyTo: c.replyTo };
  const participants = o.participants ?? plan.participants;
  ctx.participants = participants.map((p) => ({ ...p }));
  ctx.contact = { name: plan.contact.name, address: plan.contact.email };
  if (o.missing) ctx.missing = o.missing;
  const startsAt = o.gatheringStartsAt;
  if (startsAt && ctx.network && ctx.gathering) {
    const number = ctx.gathering;
    const endsAt = new Date(Date.parse(startsAt) + 26 * 3600_000).toISOString();
    ctx.network = {
      ...ctx.network,
      gatherings: ctx.network.gatherings.map((g) =>
        g.number === number
          ? { ...g, date: osloDate(startsAt), month: monthOf(osloDate(startsAt)), startsAt, endsAt }
          : g,
      ),
    };
  }
  const rendered = renderMail(templates, template, ctx);
  const to =
    o.to ??
    (template === 'invitation' ||
    template.startsWith('registration-reminder') ||
    template === 'no-response-closing'
      ? [{ name: m.name, address: m.email }]
      : participants.map((p) => ({ name: p.name, address: p.email })));
  const message = composeMessage(
    {
      campaignId: c.id,
      municipalityId: m.id,
      step: o.step,
      template,
      context: ctx,
      to,
      cc: [],
      threadSteps: template === 'invitation' ? [] : ['invitation'],
      inReplyTo: null,
      audience: 'municipality',
    },
    rendered,
    {
      messageIdDomain: domain,
      messageKey: 'simulator-test-key',
      archiveAddress: c.replyTo,
      coordinatorAddress: c.replyTo,
      sender: c.sender,
      replyTo: c.replyTo,
    },
  );
  const date = o.date ?? '2013-04-23T07:00:00.000Z';
  const raw = await new MailComposer({
    messageId: message.messageId,
    from: { name: message.from.name ?? '', address: message.from.address },
    replyTo: message.replyTo,
    to: message.to.map((a) => ({ name: a.name ?? '', address: a.address })),
    subject: message.subject,
    text: message.text,
    html: message.html,
    headers: message.headers,
    date: new Date(date),
    attachments: message.attachments.map((a) => ({
      filename: a.filename,
      contentType: a.contentType,
      content: a.content,
    })),
  })
    .compile()
    .build();
  const mime = parseMime(raw);
  return { raw, mime, original: originalOf(mime, (d) => d, date) };
}
