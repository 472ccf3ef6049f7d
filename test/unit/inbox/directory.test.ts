// A batch's directory (activities/inbox/directory.ts): the visibility snapshot answers only
// with the journey's fixed domain keys, and only when they already vouch for the sender's
// domain; an address key (it changes), a free-mail sender, or a journey missing from the
// snapshot asks describe, as every reply did before.
import { batchDirectory } from '../../../activities/inbox/directory';
import { claimedJourneys, senderDomain } from '../../../activities/inbox/batch';
import { addressKey, domainKey } from '../../../domain/contacts';
import type { JourneyDirectory } from '../../../mail/match';

const voss = { campaignId: 'c1', municipalityId: '4621' };
const described = ['described'];

function base(): JourneyDirectory & { asked: number } {
  const d = {
    asked: 0,
    async contactsOf() {
      d.asked++;
      return described;
    },
    async findByContact() {
      return [];
    },
  };
  return d;
}

const snapshot = new Map([
  ['c1/4621', [domainKey('voss.kommune.example'), addressKey('kari@gmail.com')]],
]);

test('the sender domain among the snapshot domain keys: answered without describe, domain keys only', async () => {
  const b = base();
  const d = batchDirectory(b, snapshot, 'voss.kommune.example');
  expect(await d.contactsOf(voss)).toEqual([domainKey('voss.kommune.example')]);
  expect(b.asked).toBe(0);
});

test('another domain, a free-mail sender, no sender, or a journey not in the snapshot: describe', async () => {
  for (const [domain, ref] of [
    ['bergen.kommune.example', voss],
    ['gmail.com', voss],
    [null, voss],
    ['voss.kommune.example', { campaignId: 'c1', municipalityId: '4620' }],
  ] as const) {
    const b = base();
    expect(await batchDirectory(b, snapshot, domain).contactsOf(ref)).toBe(described);
    expect(b.asked).toBe(1);
  }
});

test('the claimed journeys and the sender domain come from the lane keys', () => {
  const keys = ['j:c1/4621', 'j:c1/4620', 'd:voss.kommune.example'];
  expect(claimedJourneys(keys)).toEqual([voss, { campaignId: 'c1', municipalityId: '4620' }]);
  expect(senderDomain(keys)).toBe('voss.kommune.example');
  expect(senderDomain(['a:kari@gmail.com'])).toBeNull();
});
