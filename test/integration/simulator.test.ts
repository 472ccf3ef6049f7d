// The simulated municipalities against the GreenMail that `npm test` started: an invitation
// with our headers lands in a postmottak, and the persona's answer arrives at the TI address
// over real SMTP, in campaign time, and reads as what it means. Then the participants' own
// mailboxes are watched, and an attendance request is answered too.
// The whole campaign, simulated municipalities against the real workflows, is demo.test.ts.
import crypto from 'node:crypto';
import { toCampaignTime } from '../../domain/campaign/clock';
import { plusDays } from '../../demo/simulator/timing';
import type { Municipality } from '../../domain/types';
import { readReply } from '../../mail/incoming/read';
import {
  createSimulator,
  planMunicipality,
  type PersonaName,
  type SimulatorEvent,
} from '../../demo/simulator';
import { readMailbox, smtpSend, testCampaign, testConfig, waitFor } from '../support/integration';
import { demoMunicipalities, ourMail } from '../unit/simulator/helpers';

jest.setTimeout(60_000);

const run = crypto.randomBytes(3).toString('hex');

/** A demo municipality under a domain of its own, so a running demo never sees this test. */
function isolated(id: string): Municipality {
  const m = demoMunicipalities.find((x) => x.id === id)!;
  const domain = `it-${run}.${m.email.split('@')[1]}`;
  return { ...m, email: `postmottak@${domain}`, domains: [domain] };
}

describe('the simulated municipalities over real SMTP and IMAP', () => {
  const config = testConfig();
  const campaign = testCampaign(config, { msPerDay: 100 });
  const municipalities = [isolated('3405'), isolated('3403'), isolated('4203'), isolated('3907')];
  const personas: Record<string, PersonaName> = {
    '3405': 'outlook-list',
    '3403': 'thunderbird-blocks',
    '4203': 'bounce',
    '3907': 'out-of-office-then-register',
  };
  const events: SimulatorEvent[] = [];
  const simulator = createSimulator({
    campaign,
    municipalities,
    tiAddress: config.tiAddress,
    smtp: { host: '127.0.0.1', port: 3025 },
    imap: { host: '127.0.0.1', port: 3143 },
    personaFor: (m) => personas[m.id],
    log: (e) => events.push(e),
  });
  const plan = (id: string) => {
    const i = municipalities.findIndex((m) => m.id === id);
    return planMunicipality(municipalities[i], i, personas[id]);
  };
  const invite = async (id: string) => {
    const mail = await ourMail(plan(id), 'invitation', {
      step: 'invitation',
      campaign,
      date: new Date().toISOString(),
    });
    await smtpSend(mail.raw, {
      from: config.tiAddress,
      to: [municipalities.find((m) => m.id === id)!.email],
    });
    return mail;
  };
  const replies = async () =>
    Promise.all((await readMailbox(config.tiAddress)).map((m) => readReply(m.source)));

  beforeAll(() => simulator.start());
  afterAll(() => simulator.stop());

  it('registers in answer to the invitation, threaded, read as a complete registration', async () => {
    await waitFor(
      'the mailboxes to be watched',
      async () => simulator.stats().connected >= 4,
      10_000,
    );
    const sentAt = Date.now();
    const invitations = {
      lillehammer: await invite('3405'),
      hamar: await invite('3403'),
      arendal: await invite('4203'),
      sandefjord: await invite('3907'),
    };
    const lillehammer = plan('3405');
    const registration = await waitFor(
      'the registration from Lillehammer',
      async () =>
        (await replies()).find(
          (r) => r.from.address === lillehammer.contact.email && r.kind === 'registration',
        ),
      15_000,
    );
    // Two campaign days after the invitation, at 100 ms a day: not at once, not much later.
    expect(Date.now() - sentAt).toBeGreaterThanOrEqual(150);
    expect(registration.inReplyTo).toBe(invitations.lillehammer.mime.messageId);
    expect(registration.subject).toBe(`SV: ${invitations.lillehammer.mime.subject}`);
    expect(registration.participants?.map((p) => [p.name, p.email])).toEqual(
      lillehammer.participants.map((p) => [p.name, p.email]),
    );
    expect(registration.anchored).toBe(true);

    const hamar = plan('3403');
    const blocks = await waitFor(
      'the Thunderbird registration from Hamar',
      async () => (await replies()).find((r) => r.from.address === hamar.contact.email),
      15_000,
    );
    expect(blocks.kind).toBe('registration');
    expect(blocks.participants).toHaveLength(hamar.participants.length);

    const bounce = await waitFor(
      'the bounce from Arendal',
      async () => (await replies()).find((r) => r.kind === 'bounce'),
      10_000,
    );
    expect(bounce.bounce?.originalMessageId).toBe(invitations.arendal.mime.messageId);
    expect(bounce.bounce?.recipients).toEqual([municipalities.find((m) => m.id === '4203')!.email]);

    const oof = await waitFor(
      'the out-of-office from Sandefjord',
      async () => (await replies()).find((r) => r.kind === 'auto-reply'),
      10_000,
    );
    expect(oof.inReplyTo).toBe(invitations.sandefjord.mime.messageId);
    const sandefjord = plan('3907');
    const later = await waitFor(
      'Sandefjord registering after coming back',
      async () =>
        (await replies()).find(
          (r) => r.from.address === sandefjord.contact.email && r.kind === 'registration',
        ),
      15_000,
    );
    expect(later.participants).toHaveLength(3);
    expect(events.map((e) => e.what)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^registered \(Outlook list/)]),
    );
  });

  it('answers an attendance request from the participants’ own mailboxes', async () => {
    const lillehammer = plan('3405');
    // Once registered, each municipality's first participant (who answers for everyone) is
    // watched, and the postmottak that registered, bounced or declined is let go: three
    // mailboxes for Lillehammer, Hamar and Sandefjord.
    await waitFor(
      'only the participants who answer to be watched',
      async () => simulator.stats().mailboxes === 3 && simulator.stats().connected === 3,
      10_000,
    );
    // The gathering lies 60 campaign days (6 s) ahead of now, however long the first test
    // took: a request for a gathering that has begun is rightly never answered.
    const request = await ourMail(lillehammer, 'attendance-request', {
      step: 'g1-attendance-request-1',
      gathering: 1,
      campaign,
      date: new Date().toISOString(),
      gatheringStartsAt: plusDays(toCampaignTime(campaign.clock, Date.now()), 60),
    });
    await smtpSend(request.raw, {
      from: config.tiAddress,
      to: lillehammer.participants.map((p) => p.email),
    });
    const answer = await waitFor(
      'the attendance answer',
      async () => (await replies()).find((r) => r.inReplyTo === request.mime.messageId),
      15_000,
    );
    expect(answer.kind).toBe('other');
    expect(answer.attendance?.length).toBeGreaterThan(0);
    expect(answer.from.address).toBe(lillehammer.participants[0].email);
    // One answer for the municipality, though three participants got the request.
    await new Promise((r) => setTimeout(r, 1000));
    expect((await replies()).filter((r) => r.inReplyTo === request.mime.messageId)).toHaveLength(1);
  });

  it('stops within two seconds, with every connection closed', async () => {
    const started = Date.now();
    await simulator.stop();
    expect(Date.now() - started).toBeLessThan(2000);
    expect(simulator.stats().connected).toBe(0);
    expect(simulator.stats().sendErrors).toBe(0);
  });
});
