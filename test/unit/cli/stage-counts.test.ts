// `campaign status` counts stages with the visibility count API, one query per stage, never
// walking the journeys, unless the counts do not add up (a journey moved on between them) or
// the campaign is small enough for one page of the list.
import type { Client } from '@temporalio/client';
import { STAGES, type Stage } from '../../../domain/types';
import { countByStage } from '../../../operations/journeys';
import { StageKey } from '../../../platform/search-attributes';

/** A client over fixed journeys; `drift` makes the first counts of «invited» one too many. */
function fakeClient(stages: Stage[], drift = 0) {
  const calls = { count: 0, list: 0 };
  let invitedCounts = 0;
  const client = {
    workflow: {
      async count(query: string) {
        calls.count += 1;
        const m = /Stage = "([a-z_0-9]+)"/.exec(query);
        if (!m) return { count: stages.length, groups: [] };
        let n = stages.filter((s) => s === m[1]).length;
        if (m[1] === 'invited' && invitedCounts++ < drift) n += 1;
        return { count: n, groups: [] };
      },
      async *list() {
        calls.list += 1;
        for (const [i, stage] of stages.entries())
          yield {
            workflowId: `journey/c/${i}`,
            startTime: new Date(0),
            typedSearchAttributes: {
              get: (key: unknown) => (key === StageKey ? stage : undefined),
            },
          };
      },
    },
  };
  return { client: client as unknown as Client, calls };
}

const stages: Stage[] = ['invited', 'invited', 'registered', 'declined', 'scheduled'];
const expected = Object.fromEntries(STAGES.map((s) => [s, stages.filter((x) => x === s).length]));

const large = { walkUpTo: 0 };

test('a small campaign is walked: one count, one page', async () => {
  const { client, calls } = fakeClient(stages);
  expect(await countByStage(client, 'c')).toEqual(expected);
  expect(calls).toEqual({ count: 1, list: 1 });
});

test('a large one: one count per stage and one of the whole; no walk', async () => {
  const { client, calls } = fakeClient(stages);
  expect(await countByStage(client, 'c', large)).toEqual(expected);
  expect(calls).toEqual({ count: 1 + STAGES.length + 1, list: 0 });
});

test('counts that do not add up are taken again', async () => {
  const { client, calls } = fakeClient(stages, 1);
  expect(await countByStage(client, 'c', large)).toEqual(expected);
  expect(calls).toEqual({ count: 1 + 2 * (STAGES.length + 1), list: 0 });
});

test('after three tries that do not add up, one walk over the journeys', async () => {
  const { client, calls } = fakeClient(stages, 3);
  expect(await countByStage(client, 'c', large)).toEqual(expected);
  expect(calls).toEqual({ count: 1 + 3 * (STAGES.length + 1), list: 1 });
});
