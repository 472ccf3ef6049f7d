// The inbox's batches and lanes (activities/inbox/batch.ts): bounded batches in arrival order,
// a large or suspect message alone, replies that may concern the same journey in one lane and
// in order, lanes side by side, and a lane that fails stopping without stopping the others.
import { laneKeys, lanes, planBatches, runLanes } from '../../../activities/inbox/batch';
import { journeyMessageId } from '../../../mail/message-id';

const limits = { messages: 3, bytes: 1000 };

describe('planBatches', () => {
  test('arrival order, bounded by count and bytes', () => {
    const waiting = [5, 1, 2, 3, 4].map((uid) => ({ uid, size: 100 }));
    expect(planBatches(waiting, () => false, limits)).toEqual([
      [1, 2, 3],
      [4, 5],
    ]);
    const heavy = [1, 2, 3].map((uid) => ({ uid, size: 400 }));
    expect(planBatches(heavy, () => false, limits)).toEqual([[1, 2], [3]]);
  });

  test('a message over the byte bound goes alone, in its place; the others are not held up', () => {
    const waiting = [
      { uid: 1, size: 10 },
      { uid: 2, size: 5000 },
      { uid: 3, size: 10 },
    ];
    expect(planBatches(waiting, () => false, limits)).toEqual([[1], [2], [3]]);
  });

  test('a suspect (it failed an attempt before) goes alone, so it cannot take others to review', () => {
    const waiting = [1, 2, 3, 4].map((uid) => ({ uid, size: 10 }));
    expect(planBatches(waiting, (uid) => uid === 2, limits)).toEqual([[1], [2], [3, 4]]);
  });

  test('nothing waiting, no batch', () => {
    expect(planBatches([], () => false, limits)).toEqual([]);
  });
});

const message = (headers: string[]) => Buffer.from(`${headers.join('\r\n')}\r\n\r\nHei!\r\n`);

describe('laneKeys', () => {
  test('the journeys the thread and subject name, and the sender domain', () => {
    const keys = laneKeys(
      message([
        'From: Kari <kari@voss.kommune.example>',
        'Subject: SV: Invitasjon [ref. c1/4621]',
        `In-Reply-To: ${journeyMessageId({ campaignId: 'c1', municipalityId: '4620', step: 'invitation' }, { domain: 'ti.example', key: 'k' })}`,
      ]),
    );
    expect(keys.sort()).toEqual(['d:voss.kommune.example', 'j:c1/4620', 'j:c1/4621']);
  });

  test('a free-mail sender is keyed by address, not by the whole free-mail domain', () => {
    expect(laneKeys(message(['From: kari@gmail.com']))).toEqual(['a:kari@gmail.com']);
  });

  test('no headers at all: no keys', () => {
    expect(laneKeys(Buffer.from('just text'))).toEqual([]);
  });
});

describe('lanes', () => {
  test('shared keys join lanes, also through a third message; order kept within each lane', () => {
    const items = [
      { id: 1, keys: ['j:a', 'd:x'] },
      { id: 2, keys: ['d:y'] },
      { id: 3, keys: ['j:b', 'd:y'] },
      { id: 4, keys: ['j:b', 'd:x'] },
      { id: 5, keys: [] },
      { id: 6, keys: ['d:z'] },
    ];
    expect(lanes(items, (i) => i.keys).map((l) => l.map((i) => i.id))).toEqual([
      [1, 2, 3, 4],
      [5],
      [6],
    ]);
  });
});

describe('runLanes', () => {
  test('lanes run side by side, each in order', async () => {
    const log: string[] = [];
    let running = 0;
    let peak = 0;
    const failure = await runLanes([['a1', 'a2'], ['b1', 'b2'], ['c1']], 2, async (item) => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((r) => setTimeout(r, 5));
      log.push(item);
      running--;
    });
    expect(failure).toBeNull();
    expect(peak).toBe(2);
    expect(log.indexOf('a1')).toBeLessThan(log.indexOf('a2'));
    expect(log.indexOf('b1')).toBeLessThan(log.indexOf('b2'));
    expect(log.sort()).toEqual(['a1', 'a2', 'b1', 'b2', 'c1']);
  });

  test('a failing lane stops at the failure; the other lanes finish; the error is returned', async () => {
    const done: string[] = [];
    const failure = await runLanes(
      [
        ['a1', 'a2'],
        ['b1', 'b2'],
      ],
      2,
      async (item) => {
        if (item === 'a1') throw new Error('Temporal unavailable');
        done.push(item);
      },
    );
    expect((failure as Error).message).toBe('Temporal unavailable');
    expect(done.sort()).toEqual(['b1', 'b2']);
  });
});
