import { addressKey, contactKeys, domainKey } from '../../../domain/contacts';
import { matchReply, type JourneyDirectory, type JourneyRef } from '../../../mail/match';
import { journeyMessageId, subjectToken } from '../../../mail/message-id';
import { reply } from '../../support/replies';

const voss: JourneyRef = { campaignId: 'ks-ti-2013', municipalityId: '4621' };
const vossKeys = contactKeys(['voss.kommune.example'], ['kari.nordmann@gmail.com']);
const kinn: JourneyRef = { campaignId: 'ks-ti-2013', municipalityId: '4602' };

function directory(journeys: [JourneyRef, string[]][]): JourneyDirectory {
  const key = (r: JourneyRef) => `${r.campaignId}/${r.municipalityId}`;
  const map = new Map(journeys.map(([r, k]) => [key(r), { ...r, keys: k }]));
  return {
    contactsOf: async (r) => map.get(key(r))?.keys ?? null,
    findByContact: async (keys) =>
      [...map.values()].filter((j) => j.keys.some((k) => keys.includes(k))),
  };
}
const dir = directory([
  [voss, vossKeys],
  [kinn, contactKeys(['kinn.kommune.example'], [])],
]);
const input = (r: ReturnType<typeof reply>, headers: Record<string, string> = {}) => ({
  reply: r,
  header: (name: string) => headers[name.toLowerCase()] ?? null,
  messageIdDomain: 'transparency.no',
});
const invitationId = journeyMessageId({ ...voss, step: 'invitation' }, 'transparency.no');

test('a reply in the thread of our invitation, from the municipality, goes to its journey', async () => {
  const r = reply({
    kind: 'registration',
    from: { name: 'Kari', address: 'kari@voss.kommune.example' },
    inReplyTo: invitationId,
  });
  expect(await matchReply(input(r), dir)).toEqual({ kind: 'journey', ref: voss, via: 'thread' });
});

test('a reference to one journey from another municipality goes to review, not to either journey', async () => {
  const r = reply({
    kind: 'registration',
    from: { name: 'X', address: 'x@kinn.kommune.example' },
    references: [invitationId],
  });
  const route = await matchReply(input(r), dir);
  expect(route).toMatchObject({ kind: 'review', candidate: voss });
  expect(route.kind === 'review' && route.reason).toMatch(
    /neither 4621's domain nor a known contact/,
  );
});

test('a free-mail sender is trusted only as a known contact', async () => {
  const known = reply({
    kind: 'registration',
    from: { name: 'Kari', address: 'Kari.Nordmann@gmail.com' },
    inReplyTo: invitationId,
  });
  expect(await matchReply(input(known), dir)).toMatchObject({ kind: 'journey', via: 'thread' });
  const stranger = reply({
    kind: 'registration',
    from: { name: 'Y', address: 'y@gmail.com' },
    inReplyTo: invitationId,
  });
  expect(await matchReply(input(stranger), dir)).toMatchObject({ kind: 'review' });
  // gmail.com never vouches as a domain, even by sender lookup.
  expect(
    await matchReply(input(reply({ from: { name: 'Y', address: 'y@gmail.com' } })), dir),
  ).toMatchObject({
    kind: 'review',
    reason: expect.stringMatching(/matches no journey/),
  });
});

test('the subject token works when the thread headers are gone (a new mail)', async () => {
  const r = reply({
    from: { name: 'K', address: 'k@voss.kommune.example' },
    subject: `Påmelding ${subjectToken('ks-ti-2013', '4621')}`,
  });
  expect(await matchReply(input(r), dir)).toEqual({ kind: 'journey', ref: voss, via: 'subject' });
});

test('with nothing but the sender: the domain finds the one journey; two journeys sharing it go to review', async () => {
  const r = reply({ from: { name: 'K', address: 'ny@voss.kommune.example' } });
  expect(await matchReply(input(r), dir)).toEqual({ kind: 'journey', ref: voss, via: 'sender' });
  const shared = directory([
    [voss, [domainKey('iks.example')]],
    [kinn, [domainKey('iks.example')]],
  ]);
  expect(
    await matchReply(input(reply({ from: { name: 'K', address: 'k@iks.example' } })), shared),
  ).toMatchObject({
    kind: 'review',
    reason: 'sender matches 2 journeys (ks-ti-2013/4621, ks-ti-2013/4602)',
  });
  // A known address beats a shared domain.
  const both = directory([
    [voss, [domainKey('iks.example'), addressKey('k@iks.example')]],
    [kinn, [domainKey('iks.example')]],
  ]);
  expect(
    await matchReply(input(reply({ from: { name: 'K', address: 'k@iks.example' } })), both),
  ).toMatchObject({ kind: 'journey', ref: voss });
});

test('bounces match by the returned Message-ID whoever sends them; a closed journey sends the reply to review', async () => {
  const bounce = reply({
    kind: 'bounce',
    from: { name: null, address: 'mailer-daemon@mx.example' },
    bounce: {
      recipients: ['x@voss.kommune.example'],
      status: '5.1.1',
      diagnostic: null,
      originalMessageId: invitationId,
      permanent: true,
    },
  });
  expect(await matchReply(input(bounce), dir)).toEqual({
    kind: 'journey',
    ref: voss,
    via: 'thread',
  });
  const gone = journeyMessageId(
    { campaignId: 'ks-ti-2013', municipalityId: '9999', step: 'invitation' },
    'transparency.no',
  );
  expect(await matchReply(input(reply({ inReplyTo: gone })), dir)).toMatchObject({
    kind: 'review',
    reason: 'no running journey ks-ti-2013/9999',
  });
});

test('our own copies and notices are recognised; a Message-ID from another domain is not ours', async () => {
  const copy = reply({
    messageId: journeyMessageId({ ...voss, step: 'invitation' }, 'transparency.no'),
  });
  expect(
    await matchReply(
      input(copy, {
        'x-nettverk-journey': 'ks-ti-2013/4621',
        'x-nettverk-audience': 'municipality',
      }),
      dir,
    ),
  ).toEqual({
    kind: 'own',
    audience: 'municipality',
  });
  const forged = reply({
    inReplyTo: journeyMessageId({ ...voss, step: 'invitation' }, 'evil.example'),
    from: { name: 'K', address: 'k@kinn.kommune.example' },
  });
  expect(await matchReply(input(forged), dir)).toEqual({
    kind: 'journey',
    ref: kinn,
    via: 'sender',
  });
});
