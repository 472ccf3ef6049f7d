// Exactly once as the recipient sees it: a send that is retried after the SMTP server
// accepted the message (crash, timeout, worker restart) delivers no second copy.
import crypto from 'node:crypto';
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { MockActivityEnvironment } from '@temporalio/testing';
import { SentArchive } from '../../activities/mail/archive';
import { createSendActivities } from '../../activities/mail/send';
import { createTransport } from '../../activities/mail/transport';
import { journeyMessageId } from '../../mail/message-id';
import { loadTemplates, renderMail } from '../../mail/outgoing';
import type { OutgoingMail, SendOutcome } from '../../mail/outgoing/send-request';
import { journeyStateQuery, journeyWorkflowId } from '../../workflows/definitions';
import { Connection } from '@temporalio/client';
import { createClient } from '../../platform/temporal';
import { municipality } from '../support/scenario';
import { readMailbox, root, testCampaign, testConfig, waitFor } from '../support/integration';

jest.setTimeout(180_000);

/** The mail activity's timeouts (workflows/activities.ts), not the mock's 1 s default. */
const attemptInfo = (attempt: number) => ({
  attempt,
  startToCloseTimeoutMs: 180_000,
  heartbeatTimeoutMs: 20_000,
});
const unique = (email: string) => email.replace('@', `+${crypto.randomBytes(3).toString('hex')}@`);

test('the activity retried after the server accepted does not send again (real SMTP and IMAP)', async () => {
  const config = testConfig();
  const campaign = testCampaign(config);
  const voss = { ...municipality('4621'), email: unique('postmottak@voss.kommune.example') };
  const templates = loadTemplates();
  const transport = createTransport(config);
  const archive = new SentArchive(config);
  const crashAfterAccept = () => {
    throw new Error('worker died after the SMTP server accepted');
  };
  const mail: OutgoingMail = {
    campaignId: campaign.id,
    municipalityId: voss.id,
    step: 'invitation',
    template: 'invitation',
    context: {
      campaign,
      municipality: voss,
      contact: null,
      participants: [],
      anchored: null,
      networkPreference: null,
      network: null,
      gathering: null,
      missing: [],
      waitingListPosition: null,
      reminderNumber: null,
      cancellation: null,
      flag: null,
      reply: null,
      bounce: null,
      now: campaign.schedule.invitationAt,
    },
    to: [{ name: voss.name, address: voss.email }],
    cc: [],
    threadSteps: [],
    inReplyTo: null,
    audience: 'municipality',
  };
  const render = (t: Parameters<typeof renderMail>[1], c: Parameters<typeof renderMail>[2]) =>
    renderMail(templates, t, c);
  try {
    const first = createSendActivities({
      config,
      transport,
      archive,
      render,
      afterAccept: crashAfterAccept,
    });
    await expect(
      new MockActivityEnvironment(attemptInfo(1)).run(first.sendMail, mail),
    ).rejects.toThrow('worker died');
    const retry = createSendActivities({ config, transport, archive, render });
    const outcome = await new MockActivityEnvironment(attemptInfo(2)).run(retry.sendMail, mail);
    expect(outcome).toEqual({
      status: 'already-sent',
      messageId: journeyMessageId(
        { campaignId: campaign.id, municipalityId: '4621', step: 'invitation' },
        { domain: 'ti.example', key: config.messageKey },
      ),
    });
    expect(await readMailbox(voss.email)).toHaveLength(1);

    // A different step is a different message and goes out.
    const reminderMail: OutgoingMail = {
      ...mail,
      step: 'registration-reminder-1',
      template: 'registration-reminder',
      threadSteps: ['invitation'],
    };
    const reminder = (await new MockActivityEnvironment(attemptInfo(1)).run(
      retry.sendMail,
      reminderMail,
    )) as SendOutcome;
    expect(reminder.status).toBe('sent');
    expect(await readMailbox(voss.email)).toHaveLength(2);
  } finally {
    transport.close();
    await archive.close();
  }
});

test('a worker killed right after the server accepted: the retry on a new worker sends nothing twice', async () => {
  const config = testConfig();
  const campaign = testCampaign(config);
  const voss = { ...municipality('4621'), email: unique('postmottak@voss.kommune.example') };
  const env = {
    ...process.env,
    NETTVERK_ENV_FILE: '/dev/null',
    TI_ADDRESS: config.tiAddress,
    NETTVERK_TASK_QUEUE: config.temporal.taskQueue,
    MAIL_RATE_PER_MINUTE: '6000',
  };
  const startWorker = (fault: boolean): ChildProcess =>
    spawn(
      path.join(root, 'node_modules', '.bin', 'tsx'),
      [path.join(root, 'worker', 'main.ts'), '--no-inbox'],
      {
        env: { ...env, NETTVERK_FAULT_INJECTION: fault ? 'crash-after-smtp-accept' : '' },
        stdio: 'ignore',
      },
    );
  const exited = (p: ChildProcess) =>
    new Promise<NodeJS.Signals | number | null>((r) =>
      p.once('exit', (code, signal) => r(signal ?? code)),
    );

  const connection = await Connection.connect({ address: config.temporal.address });
  const client = createClient(connection, config);
  let second: ChildProcess | null = null;
  try {
    const first = startWorker(true);
    const firstExit = exited(first);
    const handle = await client.workflow.start('journey', {
      workflowId: journeyWorkflowId(campaign.id, voss.id),
      taskQueue: config.temporal.taskQueue,
      args: [{ campaign, municipality: voss }],
    });
    // The worker accepts the send, SMTP accepts the message, the worker dies.
    expect(['SIGKILL', 137]).toContain(await firstExit);
    expect(await readMailbox(voss.email)).toHaveLength(1);

    second = startWorker(false);
    const state = await waitFor(
      'the retried send to complete',
      async () => {
        const s = await handle.query(journeyStateQuery);
        return s.mails.length ? s : null;
      },
      120_000,
    );
    expect(state.mails).toEqual([
      expect.objectContaining({ step: 'invitation', status: 'already-sent' }),
    ]);
    expect(await readMailbox(voss.email)).toHaveLength(1);
    await handle.terminate('test over');
  } finally {
    second?.kill('SIGTERM');
    if (second) await exited(second);
    await connection.close();
  }
});
