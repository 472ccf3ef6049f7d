// The worker's memory budget comes from configuration: cached workflows, workflow tasks and
// activities at once, with defaults sized for 10,000 open journeys under 1 GB (BENCHMARKS.md).
import { ConfigError, loadConfig } from '../../../platform/config';

const base = { NETTVERK_ENV_FILE: '/dev/null' };

test('defaults bound the cache well below the open journeys', () => {
  const { worker } = loadConfig(base);
  expect(worker).toEqual({ cachedWorkflows: 250, workflowTasks: 20, activities: 20 });
});

test('each bound can be set', () => {
  const { worker } = loadConfig({
    ...base,
    NETTVERK_WORKER_CACHED_WORKFLOWS: '0',
    NETTVERK_WORKER_WORKFLOW_TASKS: '4',
    NETTVERK_WORKER_ACTIVITIES: '50',
  });
  expect(worker).toEqual({ cachedWorkflows: 0, workflowTasks: 4, activities: 50 });
});

test.each([
  ['NETTVERK_WORKER_CACHED_WORKFLOWS', '-1'],
  ['NETTVERK_WORKER_CACHED_WORKFLOWS', 'mange'],
  // The SDK needs two workflow task slots when it caches workflows.
  ['NETTVERK_WORKER_WORKFLOW_TASKS', '1'],
  ['NETTVERK_WORKER_ACTIVITIES', '1.5'],
])('%s=%s is refused, naming the variable', (name, value) => {
  expect(() => loadConfig({ ...base, [name]: value })).toThrow(ConfigError);
  try {
    loadConfig({ ...base, [name]: value });
  } catch (error) {
    expect((error as ConfigError).problems).toEqual([expect.stringContaining(name)]);
  }
});
