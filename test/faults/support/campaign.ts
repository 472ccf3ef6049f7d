// A campaign for a fault test: the 2013 campaign from now, N municipalities of the demo
// roster started the way the CLI starts them (operations/start-campaign.ts: campaign
// workflow, journeys, search attributes), and registrations as municipalities send them.
import crypto from 'node:crypto';
import type { Client } from '@temporalio/client';
import type { Config } from '../../../platform/config';
import type { Campaign, Municipality } from '../../../domain/types';
import { startCampaign } from '../../../operations/start-campaign';
import { journeyMessageId } from '../../../mail/message-id';
import {
  journeyStateQuery,
  journeyWorkflowId,
  type JourneyState,
} from '../../../workflows/definitions';
import { demoMunicipalities } from '../../support/scenario';
import { testCampaign } from '../../support/integration';

/** `count` municipalities of the demo roster, from `offset` (different ones per test). */
export function roster(count: number, offset = 0): Municipality[] {
  const list = demoMunicipalities.slice(offset, offset + count);
  if (list.length < count) throw new Error(`the demo roster has no ${count} from ${offset}`);
  return list;
}

export async function startTestCampaign(
  client: Client,
  config: Config,
  municipalities: Municipality[],
): Promise<Campaign> {
  const campaign = testCampaign(config);
  await startCampaign(client, config, { campaign, municipalities });
  return campaign;
}

export function journeyState(client: Client, campaign: Campaign, m: Municipality) {
  return client.workflow
    .getHandle(journeyWorkflowId(campaign.id, m.id))
    .query(journeyStateQuery) as Promise<JourneyState>;
}

export async function journeyStates(
  client: Client,
  campaign: Campaign,
  list: Municipality[],
): Promise<JourneyState[]> {
  return Promise.all(list.map((m) => journeyState(client, campaign, m)));
}

/** The municipality's contact who answers: an address in its own domain. */
export const contactOf = (m: Municipality) => `kontakt@${m.email.split('@')[1]}`;

/** A registration as Outlook sends it, answering the invitation, to the TI mailbox. */
export function registrationReply(config: Config, campaign: Campaign, m: Municipality) {
  const invitation = journeyMessageId(
    { campaignId: campaign.id, municipalityId: m.id, step: 'invitation' },
    { domain: config.messageIdDomain, key: config.messageKey },
  );
  const domain = m.email.split('@')[1];
  const messageId = `<${crypto.randomBytes(8).toString('hex')}@${domain}>`;
  const raw = [
    `From: Kari Nordmann <${contactOf(m)}>`,
    `To: <${config.tiAddress}>`,
    `Subject: SV: Invitasjon til læringsnettverk [ref. ${campaign.id}/${m.id}]`,
    `Date: ${new Date().toUTCString()}`,
    `Message-ID: ${messageId}`,
    `In-Reply-To: ${invitation}`,
    `References: ${invitation}`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset="utf-8"',
    'Content-Transfer-Encoding: 8bit',
    '',
    'Hei!',
    '',
    `${m.name} melder på disse to:`,
    '',
    `Kari Nordmann, kommunalsjef, ${contactOf(m)}`,
    `Ola Hansen, rådgiver, ola.hansen@${domain}`,
    '',
    'Deltakelsen er forankret i administrativ ledelse.',
    '',
    'Vennlig hilsen',
    'Kari Nordmann',
    '',
  ].join('\r\n');
  return { messageId, raw, from: contactOf(m) };
}
