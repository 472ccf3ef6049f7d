// Personal data is encrypted at rest: a journey's participants, a reply's text and a memo
// reach the dev server's SQLite database only as ciphertext, while the project's client
// (with the payload codec) reads them back in clear, and a client without it sees only
// `binary/encrypted` payloads.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { METADATA_ENCODING_KEY, type Payload } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import { ContactsKey } from '../../platform/search-attributes';
import { ENCRYPTED_ENCODING, METADATA_KEY_ID } from '../../platform/payload-codec';
import { EMBEDDED_PAYLOAD_KEY } from '../../platform/payload-keys';
import {
  journeyStateQuery,
  journeyWorkflowId,
  registerUpdate,
  replySignal,
} from '../../workflows/definitions';
import { municipality } from '../support/scenario';
import { reply } from '../support/replies';
import {
  root,
  startHarness,
  testCampaign,
  testConfig,
  waitFor,
  type Harness,
} from '../support/integration';

jest.setTimeout(90_000);

const DB = path.join(root, '.tools', 'state', 'temporal.db');
const config = testConfig();
let h: Harness;
beforeAll(async () => {
  h = await startHarness(config, { inbox: false });
});
afterAll(async () => {
  await h?.close();
});

/** The database as it is on disk: the main file and the write-ahead log not yet merged. */
function databaseBytes(): Buffer {
  return Buffer.concat(
    [DB, `${DB}-wal`].filter((f) => fs.existsSync(f)).map((f) => fs.readFileSync(f)),
  );
}

const encodingOf = (p: Payload | null | undefined) =>
  Buffer.from(p?.metadata?.[METADATA_ENCODING_KEY] ?? []).toString('utf8');

test('names, addresses, phones, diets and reply text are ciphertext in the database, clear through the client', async () => {
  expect(fs.existsSync(DB)).toBe(true);
  expect(config.payloadKeys.current?.id).toBe(EMBEDDED_PAYLOAD_KEY.id);
  // Random per run: what the database holds from earlier runs cannot answer for this one.
  const token = crypto.randomBytes(4).toString('hex');
  const secret = {
    name: `Solveig Kvernhusvik-${token}`,
    email: `solveig.kvernhusvik.${token}@voss.kommune.example`,
    phone: `+47 915 ${token.slice(0, 2)} ${token.slice(2)}`,
    diet: `glutenfri og allergisk mot skaldyr ${token}`,
    memo: `Kontaktnotat ${token}`,
  };
  const campaign = testCampaign(config);
  const voss = { ...municipality('4621'), email: `postmottak.${token}@voss.kommune.example` };
  const workflowId = journeyWorkflowId(campaign.id, voss.id);
  const handle = await h.client.workflow.start('journey', {
    workflowId,
    taskQueue: config.temporal.taskQueue,
    args: [{ campaign, municipality: voss }],
    memo: { note: secret.memo },
  });
  await waitFor('the invitation', async () => (await handle.query(journeyStateQuery)).mails.length);

  const person = {
    name: secret.name,
    title: 'kommunalsjef',
    email: secret.email,
    phone: secret.phone,
  };
  await handle.signal(replySignal, {
    reply: reply({
      kind: 'other',
      from: { name: secret.name, address: secret.email },
      text: `Hei! Eg har spesielle kosthaldsbehov: ${secret.diet}.`,
    }),
    arrivedAtMs: Date.now(),
    assignedBy: null,
  });
  // A unique update id, stored in clear, marks when the history so far has reached the disk.
  const updateId = `encryption-at-rest-${token}`;
  const state = await handle.executeUpdate(registerUpdate, {
    args: [{ participants: [person], anchored: true, networkPreference: null, by: 'test' }],
    updateId,
  });

  // Through the project's client everything reads back in clear.
  expect(state.participants).toEqual([person]);
  expect((await handle.query(journeyStateQuery)).participants).toEqual([person]);
  const described = await handle.describe();
  expect(described.memo).toEqual({ note: secret.memo });
  // The visibility store holds domains and hashes only (search attributes are not encrypted).
  const contacts = described.typedSearchAttributes.get(ContactsKey) ?? [];
  expect(contacts.length).toBeGreaterThan(0);
  for (const c of contacts) {
    expect(c).toMatch(/^(d:[a-z0-9.-]+|a:[0-9a-z]+)$/);
    expect(c).not.toContain(token);
  }

  // The dev server writes asynchronously: wait until this run's update id is on disk.
  const bytes = await waitFor(
    'the history to reach the SQLite database',
    async () => {
      const b = databaseBytes();
      return b.includes(Buffer.from(updateId)) && b.includes(Buffer.from(workflowId)) ? b : null;
    },
    30_000,
  );
  for (const [what, value] of Object.entries(secret)) {
    expect({ what, found: bytes.includes(Buffer.from(value, 'utf8')) }).toEqual({
      what,
      found: false,
    });
  }
  // The token itself appears only inside ids (update id, nothing else of ours carries it).
  expect(bytes.includes(Buffer.from(`Kvernhusvik-${token}`))).toBe(false);
  expect(bytes.includes(Buffer.from(`${token}@voss`))).toBe(false);
});

test('a client without the codec sees only binary/encrypted payloads', async () => {
  const campaign = testCampaign(config);
  const voss = municipality('4621');
  const handle = await h.client.workflow.start('journey', {
    workflowId: journeyWorkflowId(campaign.id, voss.id),
    taskQueue: config.temporal.taskQueue,
    args: [{ campaign, municipality: voss }],
  });
  await waitFor('the invitation', async () => (await handle.query(journeyStateQuery)).mails.length);

  const connection = await Connection.connect({ address: config.temporal.address });
  try {
    const raw = new Client({ connection, namespace: config.temporal.namespace });
    const rawHandle = raw.workflow.getHandle(handle.workflowId);
    const history = await rawHandle.fetchHistory();
    const payloads: Payload[] = [];
    for (const e of history.events ?? []) {
      const event = temporal.api.history.v1.HistoryEvent.create(e);
      payloads.push(
        ...(event.workflowExecutionStartedEventAttributes?.input?.payloads ?? []),
        ...(event.activityTaskScheduledEventAttributes?.input?.payloads ?? []),
        ...(event.activityTaskCompletedEventAttributes?.result?.payloads ?? []),
      );
    }
    expect(payloads.length).toBeGreaterThanOrEqual(3);
    for (const p of payloads) {
      expect(encodingOf(p)).toBe(ENCRYPTED_ENCODING);
      expect(Buffer.from(p.metadata![METADATA_KEY_ID]!).toString()).toBe(EMBEDDED_PAYLOAD_KEY.id);
    }
    // Its query answer is an encrypted payload it cannot read.
    await expect(rawHandle.query(journeyStateQuery)).rejects.toThrow(/binary\/encrypted/);
  } finally {
    await connection.close();
    await handle.terminate('test over');
  }
});
