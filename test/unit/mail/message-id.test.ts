// The Message-ID token: our own copies are recognised by an HMAC only we can compute, so
// nobody can pass a message off as the copy that proves a mail was sent.
import {
  journeyMessageId,
  parseJourneyMessageId,
  verifyJourneyMessageId,
} from '../../../mail/message-id';

const key = 'k'.repeat(40);
const voss = { campaignId: 'ks-ti-2013', municipalityId: '4621', step: 'invitation' };
const ours = { domain: 'transparency.no', key };

test('a genuine Message-ID carries a token and verifies; it is the same on every retry', () => {
  const id = journeyMessageId(voss, ours);
  expect(id).toMatch(/^<nv\.ks-ti-2013\.4621\.invitation\.[0-9a-z]{26}@transparency\.no>$/);
  expect(journeyMessageId(voss, ours)).toBe(id);
  expect(verifyJourneyMessageId(id, ours)).toEqual(voss);
  // Folding whitespace around it is not part of the ID.
  expect(verifyJourneyMessageId(` ${id}\r\n`, ours)).toEqual(voss);
});

test('the old scheme (no token) is never proof of our own copy, but still names its journey', () => {
  const old = '<nv.ks-ti-2013.4621.invitation@transparency.no>';
  expect(verifyJourneyMessageId(old, ours)).toBeNull();
  expect(parseJourneyMessageId(old)).toMatchObject({ ...voss, domain: 'transparency.no' });
});

test('a guessed, tampered or transplanted token is rejected', () => {
  const id = journeyMessageId(voss, ours);
  const token = /\.([0-9a-z]{26})@/.exec(id)![1];
  const guessed = `<nv.ks-ti-2013.4621.invitation.${'a'.repeat(26)}@transparency.no>`;
  expect(verifyJourneyMessageId(guessed, ours)).toBeNull();
  const flipped = id.replace(token, (token[0] === 'a' ? 'b' : 'a') + token.slice(1));
  expect(verifyJourneyMessageId(flipped, ours)).toBeNull();
  // The invitation's token does not vouch for another step, municipality or domain.
  expect(verifyJourneyMessageId(id.replace('invitation', 'reminder-1'), ours)).toBeNull();
  expect(verifyJourneyMessageId(id.replace('4621', '4601'), ours)).toBeNull();
  expect(verifyJourneyMessageId(id.replace('transparency.no', 'evil.example'), ours)).toBeNull();
  expect(verifyJourneyMessageId(id, { ...ours, domain: 'evil.example' })).toBeNull();
  // Another installation's key makes other tokens.
  expect(verifyJourneyMessageId(id, { ...ours, key: 'x'.repeat(40) })).toBeNull();
  // Padding or wrapping the ID does not smuggle it through.
  expect(verifyJourneyMessageId(`<x${id.slice(1)}`, ours)).toBeNull();
  expect(verifyJourneyMessageId(`${id} ${id}`, ours)).toBeNull();
});

test('identities that could not be read back unambiguously are refused', () => {
  expect(() => journeyMessageId({ ...voss, step: 'a.b' }, ours)).toThrow(/Message-ID/);
  expect(() => journeyMessageId(voss, { ...ours, key: '' })).toThrow(/key/);
});
