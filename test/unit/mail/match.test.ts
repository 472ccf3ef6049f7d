import { addressKey, contactKeys, domainKey } from '../../../domain/contacts';
import {
  matchReply,
  type JourneyDirectory,
  type JourneyRef,
  type MatchInput,
} from '../../../mail/match';
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
const ours = { domain: 'transparency.no', key: 'k'.repeat(40), authservId: 'mx.transparency.no' };
const input = (
  r: ReturnType<typeof reply>,
  headers: Record<string, string | string[]> = {},
): MatchInput => {
  const all = (name: string) => [headers[name.toLowerCase()] ?? []].flat();
  return { reply: r, header: (name) => all(name)[0] ?? null, headers: all, ours };
};
const invitationId = journeyMessageId({ ...voss, step: 'invitation' }, ours);
/** The scheme before the token: anyone can write it. */
const oldInvitationId = '<nv.ks-ti-2013.4621.invitation@transparency.no>';

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
    ours,
  );
  expect(await matchReply(input(reply({ inReplyTo: gone })), dir)).toMatchObject({
    kind: 'review',
    reason: 'no running journey ks-ti-2013/9999',
  });
});

test('our own copies and notices are recognised; a Message-ID from another domain is not ours', async () => {
  const copy = reply({
    messageId: journeyMessageId({ ...voss, step: 'invitation' }, ours),
  });
  expect(
    await matchReply(
      input(copy, {
        'x-nettverk-journey': 'ks-ti-2013/4621',
        'x-nettverk-step': 'invitation',
        'x-nettverk-audience': 'municipality',
      }),
      dir,
    ),
  ).toEqual({
    kind: 'own',
    audience: 'municipality',
  });
  const forged = reply({
    inReplyTo: journeyMessageId(
      { ...voss, step: 'invitation' },
      { ...ours, domain: 'evil.example' },
    ),
    from: { name: 'K', address: 'k@kinn.kommune.example' },
  });
  expect(await matchReply(input(forged), dir)).toEqual({
    kind: 'journey',
    ref: kinn,
    via: 'sender',
  });
});

const copyHeaders = {
  'x-nettverk-journey': 'ks-ti-2013/4621',
  'x-nettverk-step': 'invitation',
  'x-nettverk-audience': 'municipality',
};

test('a forged copy (old scheme, guessed or transplanted token, mismatched headers) is not ours', async () => {
  const forgeries = [
    oldInvitationId,
    `<nv.ks-ti-2013.4621.invitation.${'a'.repeat(26)}@transparency.no>`,
    journeyMessageId({ ...voss, step: 'invitation' }, { ...ours, key: 'x'.repeat(40) }),
  ];
  for (const messageId of forgeries) {
    const r = reply({ messageId, from: { name: 'TI', address: 'dolvik@transparency.no' } });
    expect(await matchReply(input(r, copyHeaders), dir)).toMatchObject({ kind: 'review' });
  }
  // A genuine ID under headers naming another step or journey: not a copy we made.
  const genuine = reply({ messageId: invitationId });
  for (const wrong of [
    { 'x-nettverk-step': 'registration-reminder-1' },
    { 'x-nettverk-journey': 'ks-ti-2013/4602' },
  ]) {
    const route = await matchReply(input(genuine, { ...copyHeaders, ...wrong }), dir);
    expect(route.kind).not.toBe('own');
  }
  // A copy our own server says came from outside (DMARC failed for our address) is not ours.
  const outside = input(genuine, {
    ...copyHeaders,
    'authentication-results': 'mx.transparency.no; dmarc=fail header.from=transparency.no',
  });
  expect((await matchReply(outside, dir)).kind).not.toBe('own');
});

test('a reply threaded under an old-scheme ID still finds its journey (the sender check decides)', async () => {
  const r = reply({
    kind: 'registration',
    from: { name: 'Kari', address: 'kari@voss.kommune.example' },
    inReplyTo: oldInvitationId,
  });
  expect(await matchReply(input(r), dir)).toEqual({ kind: 'journey', ref: voss, via: 'thread' });
  const stranger = reply({ ...r, from: { name: 'X', address: 'x@kinn.kommune.example' } });
  expect(await matchReply(input(stranger), dir)).toMatchObject({ kind: 'review', candidate: voss });
});

test("a From our own server found forged goes to review, whatever the thread, token or sender's domain", async () => {
  const r = reply({
    kind: 'registration',
    from: { name: 'Kari', address: 'kari@voss.kommune.example' },
    inReplyTo: invitationId,
  });
  const forged = input(r, {
    'authentication-results': [
      'mx.transparency.no; spf=fail smtp.mailfrom=voss.kommune.example; dkim=none',
      'mx.transparency.no; spf=pass; dkim=pass; dmarc=pass', // added by the forger, below ours
    ],
  });
  expect(await matchReply(forged, dir)).toMatchObject({
    kind: 'review',
    reason: expect.stringMatching(/SPF/),
    candidate: voss,
  });
  const bySender = input(reply({ from: { name: 'K', address: 'ny@voss.kommune.example' } }), {
    'authentication-results': 'mx.transparency.no; dmarc=fail header.from=voss.kommune.example',
  });
  expect(await matchReply(bySender, dir)).toMatchObject({ kind: 'review', candidate: null });
  // Someone else's verdict is not read; ours passing changes nothing.
  const elsewhere = input(r, { 'authentication-results': 'mx.evil.example; dmarc=fail' });
  expect(await matchReply(elsewhere, dir)).toMatchObject({ kind: 'journey', ref: voss });
});

describe('bounces act only on a Message-ID we minted', () => {
  const bounce = (originalMessageId: string | null, extra: Parameters<typeof reply>[0] = {}) =>
    reply({
      kind: 'bounce',
      from: { name: null, address: 'mailer-daemon@mx.example' },
      subject: `Undeliverable: Invitasjon ${subjectToken('ks-ti-2013', '4621')}`,
      bounce: {
        recipients: ['kari@voss.kommune.example'],
        status: '5.1.1',
        diagnostic: null,
        originalMessageId,
        permanent: true,
      },
      ...extra,
    });

  test('a forged bounce naming a municipality is filed without acting', async () => {
    for (const b of [
      bounce(null),
      bounce(oldInvitationId),
      bounce(`<nv.ks-ti-2013.4621.invitation.${'b'.repeat(26)}@transparency.no>`),
      bounce(null, { references: [oldInvitationId], inReplyTo: oldInvitationId }),
    ]) {
      expect(await matchReply(input(b), dir)).toEqual({
        kind: 'file',
        reason: expect.stringMatching(/none of our Message-IDs/),
      });
    }
  });

  test('a genuine reference in the returned message or the thread headers finds the journey', async () => {
    expect(await matchReply(input(bounce(invitationId)), dir)).toEqual({
      kind: 'journey',
      ref: voss,
      via: 'thread',
    });
    const inThread = bounce('<other@mx.example>', { references: [invitationId] });
    expect(await matchReply(input(inThread), dir)).toMatchObject({ kind: 'journey', ref: voss });
    // The journey is the one the verified ID names, not the one the subject claims.
    const kinnId = journeyMessageId({ ...kinn, step: 'invitation' }, ours);
    expect(await matchReply(input(bounce(kinnId)), dir)).toMatchObject({ ref: kinn });
  });
});
