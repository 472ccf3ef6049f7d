// The dev server keeps workflow state in its SQLite file: a journey survives the server
// being stopped and started again, and carries on. A private server on free ports, so the
// shared one other tests use is never stopped.
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Connection, type Client } from '@temporalio/client';
import { createClient } from '../../platform/temporal';
import { NativeConnection } from '@temporalio/worker';
import { ensureRunning, stop } from '../../scripts/services';
import { devServer } from '../../scripts/stack';
import { journeyStateQuery, journeyWorkflowId, replySignal } from '../../workflows/definitions';
import { createWorkers } from '../../worker/workers';
import { municipality } from '../support/scenario';
import { registration, kari, ola } from '../support/replies';
import { testCampaign, testConfig } from '../support/integration';
import { quietRuntime } from '../support/time-skipping';

jest.setTimeout(180_000);

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });

test('a journey survives a restart of the dev server', async () => {
  quietRuntime();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nettverk-restart-'));
  const [port, uiPort] = [await freePort(), await freePort()];
  const server = devServer({
    host: '127.0.0.1',
    port,
    uiPort,
    dbFile: path.join(dir, 'temporal.db'),
    stateDir: dir,
    name: 'restart-test',
  });
  const config = testConfig({ TEMPORAL_ADDRESS: `127.0.0.1:${port}` });
  const campaign = testCampaign(config);
  const voss = municipality('4621');
  const id = journeyWorkflowId(campaign.id, voss.id);

  async function withWorker<T>(fn: (client: Client) => Promise<T>): Promise<T> {
    const connection = await Connection.connect({ address: config.temporal.address });
    const native = await NativeConnection.connect({ address: config.temporal.address });
    const client = createClient(connection, config);
    const workers = await createWorkers({ config, connection: native, client, inbox: false });
    const running = workers.run();
    try {
      return await fn(client);
    } finally {
      await workers.shutdown();
      await running;
      await native.close();
      await connection.close();
    }
  }

  try {
    await ensureRunning(server);
    const firstRunId = await withWorker(async (client) => {
      const handle = await client.workflow.start('journey', {
        workflowId: id,
        taskQueue: config.temporal.taskQueue,
        args: [{ campaign, municipality: voss }],
      });
      for (let i = 0; i < 100 && (await handle.query(journeyStateQuery)).mails.length === 0; i++) {
        await new Promise((r) => setTimeout(r, 100));
      }
      return handle.firstExecutionRunId;
    });

    expect(await stop(server)).toBe(true);
    await ensureRunning(server);

    await withWorker(async (client) => {
      const handle = client.workflow.getHandle(id);
      const description = await handle.describe();
      expect(description.runId).toBe(firstRunId);
      expect(description.status.name).toBe('RUNNING');
      const before = await handle.query(journeyStateQuery);
      expect(before.stage).toBe('invited');
      expect(before.mails.map((m) => m.step)).toEqual(['invitation']);
      // And it goes on where it was.
      await handle.signal(replySignal, { reply: registration([kari, ola]), assignedBy: null });
      for (
        let i = 0;
        i < 100 && (await handle.query(journeyStateQuery)).stage !== 'registered';
        i++
      ) {
        await new Promise((r) => setTimeout(r, 100));
      }
      expect((await handle.query(journeyStateQuery)).stage).toBe('registered');
      await handle.terminate('test over');
    });
  } finally {
    await stop(server);
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
