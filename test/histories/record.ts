// Records the histories the replay test checks: finished journeys along the main paths
// and their campaign, run under the time-skipping server. Re-record only when a change to
// the workflows is meant to break running journeys (and guard it with patched()):
//   npx tsx test/histories/record.ts
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { tools } from '../../scripts/tools';
import {
  approveAssignmentUpdate,
  campaignWorkflowId,
  cancelJourneyUpdate,
  journeyWorkflowId,
  replySignal,
  setGatheringUpdate,
} from '../../workflows/definitions';
import { municipality, Scenario } from '../support/scenario';
import { kari, ola, participant, registration, reply } from '../support/replies';

async function main(): Promise<void> {
  const s = await Scenario.create();
  try {
    const campaign = await s.campaign(60_000, (c) => ({ ...c, id: 'recorded' }));
    const handle = await s.startCampaign(campaign);
    const ids = { completes: '4621', incomplete: '4601', declines: '4602', silent: '4640', cancelled: '1520' };
    for (const id of Object.values(ids)) await s.startJourney(campaign, municipality(id));
    await s.advanceTo(campaign, campaign.schedule.invitationAt);
    const signal = (id: string, r: ReturnType<typeof reply>) => s.journey(campaign, id).signal(replySignal, { reply: r, assignedBy: null });

    await signal(ids.completes, registration([kari, ola], { networkPreference: 'A' }));
    await signal(ids.incomplete, registration([participant('Siv Berg', null, 'siv@bergen.kommune.example')], { anchored: null, from: { name: 'Siv', address: 'siv@bergen.kommune.example' } }));
    await signal(ids.declines, reply({ kind: 'decline', text: 'Nei takk.' }));
    await signal(ids.cancelled, registration([participant('Åse Li', 'rådmann', 'ase@orsta.kommune.example'), ola]));
    await s.advance(3 * 86_400_000);
    await signal(ids.incomplete, registration([participant('Siv Berg', 'personalsjef', null), participant('Tom Ek', 'jurist', 'tom@bergen.kommune.example')], { from: { name: 'Siv', address: 'siv@bergen.kommune.example' } }));
    await s.journey(campaign, ids.cancelled).executeUpdate(cancelJourneyUpdate, { args: [{ by: 'koordinator', reason: 'Trakk seg' }] });

    await s.advanceTo(campaign, campaign.schedule.registrationDeadline);
    await handle.executeUpdate(approveAssignmentUpdate, { args: [{ by: 'koordinator' }] });
    for (const network of ['A', 'B', 'C']) {
      const months = campaign.networks.find((n) => n.id === network)!.gatherings;
      for (const g of months) {
        if (g.date) continue;
        await handle.executeUpdate(setGatheringUpdate, { args: [{ network, number: g.number, date: `${g.month}-1${g.number}`, by: 'koordinator' }] });
      }
    }
    await s.advanceTo(campaign, '2013-07-01T00:00:00.000Z', 0);
    await signal(ids.completes, reply({ text: 'Kartlegginga er ferdig.' }));
    await s.env.client.workflow.getHandle(journeyWorkflowId(campaign.id, ids.completes)).result();
    await handle.result();

    // The Temporal CLI writes the canonical JSON that historyFromJSON reads.
    const save = (workflowId: string, file: string) => {
      const out = execFileSync(tools.temporal, ['workflow', 'show', '--workflow-id', workflowId, '--address', s.env.address, '--output', 'json'], { encoding: 'utf8', maxBuffer: 64 << 20 });
      fs.writeFileSync(path.join(__dirname, file), out);
    };
    for (const [name, id] of Object.entries(ids)) save(journeyWorkflowId(campaign.id, id), `journey-${name}.json`);
    save(campaignWorkflowId(campaign.id), 'campaign.json');
    const dir = __dirname;
    console.log(`recorded ${Object.keys(ids).length + 1} histories in ${dir}`);
  } finally {
    await s.teardown();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
