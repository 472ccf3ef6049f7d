// How long a campaign day must last on this machine, now. Before the demo's campaign starts,
// a small probe campaign runs through the same stack (the CLI's start operation, the
// workers, GreenMail): it measures how fast invitations go out and how long a reply sent over
// SMTP takes to reach its journey, while whatever else loads the machine goes on. The demo's
// day is then long enough that a reply's round trip is a small part of a day and the whole
// invitation fan-out fits in a few days, as in a real campaign where both are minutes.
import crypto from 'node:crypto';
import nodemailer from 'nodemailer';
import type { Client } from '@temporalio/client';
import { shiftCampaign } from '../domain/campaign/clock';
import type { Campaign, Municipality } from '../domain/types';
import type { Config } from '../platform/config';
import { startCampaign } from '../operations/start-campaign';
import { campaignWorkflowId, journeyStateQuery, journeyWorkflowId } from '../workflows/definitions';

/** What the probe measured. */
export interface Measurement {
  probes: number;
  /** Invitations accepted by the SMTP server per second, all probes started at once. */
  invitationsPerSecond: number;
  /**
   * The median of the probes' replies, sent together: SMTP → inbox → journey applied it. The
   * inbox reads one after the other, so the slowest measures the burst, the median the wait.
   */
  roundTripMs: number;
  slowestRoundTripMs: number;
}

/**
 * The rule. A reply's round trip at most half a day: attendance answers come the day before a
 * gathering, and an incomplete registration's follow-up is a second round trip before the
 * deadline. Every invitation out within ten of the 28 days to the deadline: the simulated
 * municipalities plan their answers between day 1.5 and 12.5, answer on arrival when the
 * invitation comes later, and must be registered five days before the deadline. At 500 ms a
 * day an idle 2-CPU machine kept up with 36 municipalities; with the CPUs busy elsewhere the
 * same day did not, which is why the day is measured here, not fixed.
 */
export const DAY_RULE = { roundTripShare: 0.5, fanOutDays: 10 };

export interface DayChoice {
  msPerDay: number;
  reason: string;
}

/** The campaign day for `municipalities` on a machine that measured `m`, never under `floorMs`. */
export function chooseDayLength(
  m: Measurement,
  municipalities: number,
  floorMs: number,
): DayChoice {
  const forReplies = m.roundTripMs / DAY_RULE.roundTripShare;
  const fanOutMs = (1000 * municipalities) / m.invitationsPerSecond;
  const forInvitations = fanOutMs / DAY_RULE.fanOutDays;
  const needed = Math.max(floorMs, forReplies, forInvitations);
  const msPerDay = Math.ceil(needed / 100) * 100;
  const binding =
    needed === floorMs
      ? `the floor of ${floorMs} ms`
      : forReplies >= forInvitations
        ? `the reply round trip, at most ${DAY_RULE.roundTripShare * 100} % of a day`
        : `${municipalities} invitations (${(fanOutMs / 1000).toFixed(1)} s) within ${DAY_RULE.fanOutDays} campaign days`;
  return {
    msPerDay,
    reason:
      `measured ${m.invitationsPerSecond.toFixed(1)} invitations/s and a ${Math.round(m.roundTripMs)} ms reply round trip ` +
      `(median of ${m.probes} sent together, the slowest ${Math.round(m.slowestRoundTripMs)} ms); the day is set by ${binding}`,
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitUntil(what: string, probe: () => Promise<boolean>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`calibration: ${what} took over ${timeoutMs} ms`);
    await sleep(100);
  }
}

/**
 * Runs the probe campaign (its id starts with `prefix`, so an interrupted run's leftovers are
 * recognised) for `probes` of the demo's municipalities, at addresses of their own domain that
 * the simulator does not read, then ends every workflow it started.
 */
export async function measureRoundTrip(
  client: Client,
  config: Config,
  base: Campaign,
  roster: Municipality[],
  options: { prefix: string; probes?: number; timeoutMs?: number },
): Promise<Measurement> {
  const token = crypto.randomBytes(3).toString('hex');
  const campaign: Campaign = {
    ...shiftCampaign(base, new Date().toISOString()),
    id: `${options.prefix}${token}`,
    sender: { name: base.sender.name, address: config.tiAddress },
    replyTo: config.tiAddress,
  };
  const probes = roster.slice(0, options.probes ?? 8).map((m) => ({
    ...m,
    email: `kalibrering+${token}@${m.email.split('@')[1]}`,
  }));
  const timeoutMs = options.timeoutMs ?? 120_000;
  const state = (m: Municipality) =>
    client.workflow.getHandle(journeyWorkflowId(campaign.id, m.id)).query(journeyStateQuery);
  try {
    const t0 = Date.now();
    await startCampaign(client, config, { campaign, municipalities: probes });
    await Promise.all(
      probes.map((m) =>
        waitUntil(
          `the invitation to probe ${m.id}`,
          async () => (await state(m)).mails.some((r) => r.step === 'invitation'),
          timeoutMs,
        ),
      ),
    );
    const invitationsPerSecond = (1000 * probes.length) / Math.max(1, Date.now() - t0);

    const smtp = nodemailer.createTransport({
      host: config.smtp.host,
      port: config.smtp.port,
      secure: false,
    });
    const sent = Date.now();
    const roundTrips: number[] = [];
    try {
      await Promise.all(
        probes.map(async (m) => {
          await smtp.sendMail({
            from: { name: 'Kari Kalibrering', address: m.email },
            to: config.tiAddress,
            subject: `SV: Invitasjon [ref. ${campaign.id}/${m.id}]`,
            text: 'Hei!\n\nHvor blir den første samlingen holdt?\n\nMvh Kari\n',
          });
          await waitUntil(
            `the reply from probe ${m.id} to reach its journey`,
            async () => (await state(m)).replies.length > 0,
            timeoutMs,
          );
          roundTrips.push(Date.now() - sent);
        }),
      );
    } finally {
      smtp.close();
    }
    roundTrips.sort((a, b) => a - b);
    return {
      probes: probes.length,
      invitationsPerSecond,
      roundTripMs: roundTrips[Math.floor(roundTrips.length / 2)],
      slowestRoundTripMs: roundTrips[roundTrips.length - 1],
    };
  } finally {
    await endProbe(client, campaign.id, probes);
  }
}

async function endProbe(client: Client, id: string, probes: Municipality[]): Promise<void> {
  const ids = [campaignWorkflowId(id), ...probes.map((m) => journeyWorkflowId(id, m.id))];
  await Promise.all(
    ids.map((w) =>
      client.workflow
        .getHandle(w)
        .terminate('calibration over')
        .catch(() => undefined),
    ),
  );
}
