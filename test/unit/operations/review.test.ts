// The corrections `nettverk review accept` takes, checked before anything reaches a journey.
import { checkNetworkWish, correctedReading } from '../../../operations/review';
import type { ParsedReply } from '../../../domain/types';

it('refuses a network the campaign does not have, naming the ones it has', () => {
  expect(() => checkNetworkWish('D', 'ks-ti-2013', ['A', 'B', 'C'])).toThrow(
    '--network D: campaign ks-ti-2013 has networks A, B, C.',
  );
  expect(() => checkNetworkWish('B', 'ks-ti-2013', ['A', 'B', 'C'])).not.toThrow();
});

it('a confirmed reading is sure and says who confirmed and what they corrected', () => {
  const proposed = {
    kind: 'registration',
    participants: [],
    anchored: null,
    networkPreference: null,
    needsReview: true,
    evidence: ['registers: «Vi melder på.»'],
  } as unknown as ParsedReply;
  const kari = {
    name: 'Kari Li',
    title: 'rådgiver',
    email: 'kari.li@vik.kommune.example',
    phone: null,
  };
  const confirmed = correctedReading(
    proposed,
    { participants: [kari], networkPreference: 'B' },
    'Tor',
  );
  expect(confirmed).toMatchObject({
    kind: 'registration',
    participants: [kari],
    networkPreference: 'B',
    needsReview: false,
  });
  expect(confirmed.evidence).toContain(
    'confirmed by Tor, corrected: participants, networkPreference',
  );
  expect(() => correctedReading(proposed, {}, 'Tor')).toThrow(
    'A registration needs its participants',
  );
});
