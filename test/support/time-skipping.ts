// A time-skipping Temporal test server (installed by scripts/tools.ts from PyPI, never
// downloaded by the SDK: there is no internet), with the project's search attributes.
import fs from 'node:fs';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Runtime, DefaultLogger } from '@temporalio/worker';
import { addSearchAttributes } from '../../platform/temporal';
import { installTools, tools } from '../../scripts/tools';

let runtimeInstalled = false;

/** Quiet worker logs in tests unless NETTVERK_TEST_LOGS=1. */
export function quietRuntime(): void {
  if (runtimeInstalled) return;
  runtimeInstalled = true;
  Runtime.install({ logger: new DefaultLogger(process.env.NETTVERK_TEST_LOGS ? 'INFO' : 'ERROR') });
}

export async function createTimeSkippingEnv(): Promise<TestWorkflowEnvironment> {
  quietRuntime();
  if (!fs.existsSync(tools.testServer)) installTools();
  const env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: tools.testServer } },
  });
  await addSearchAttributes(env.connection, env.namespace ?? 'default');
  return env;
}
