// What every fault test asserts in the end: each reply applied once by its journey, and each
// recipient holding each mail of a step once.
import type { Campaign, Municipality } from '../../../domain/types';
import { contactOf, journeyStates } from './campaign';
import { countStep, waitUntil } from './mailboxes';
import type { PrivateStack } from './stack';

/** The counts as they must be: one each. */
export const allOnce = (counts: Record<string, number>) =>
  Object.fromEntries(Object.keys(counts).map((k) => [k, 1]));

/**
 * Every journey registered by its own reply, applied once, and every contact confirmed
 * once. `appliedWithinMs` is how long the fault may hold the replies up.
 */
export async function expectRepliesAppliedOnce(
  stack: PrivateStack,
  campaign: Campaign,
  list: Municipality[],
  replies: { messageId: string }[],
  appliedWithinMs: number,
): Promise<void> {
  const states = await waitUntil(
    'every reply applied',
    async () => {
      const s = await journeyStates(stack.client, campaign, list);
      return s.every((x) => x.stage === 'registered') ? s : null;
    },
    appliedWithinMs,
  );
  for (const [i, s] of states.entries()) {
    expect(s.replies.map((r) => r.messageId)).toEqual([replies[i].messageId]);
  }
  const confirmations = await waitUntil(
    'every confirmation delivered',
    async () => {
      const c = await countStep(
        stack.greenmail.imapPort,
        campaign.id,
        'registration-confirmation',
        list.map(contactOf),
      );
      return Object.values(c).every((n) => n >= 1) ? c : null;
    },
    120_000,
  );
  expect(confirmations).toEqual(allOnce(confirmations));
}
