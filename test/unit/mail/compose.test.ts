import { redactAddresses } from '../../../domain/contacts';
import { composeMessage } from '../../../mail/outgoing/compose';
import { journeyMessageId, verifyJourneyMessageId } from '../../../mail/message-id';
import type { OutgoingMail } from '../../../mail/outgoing/send-request';

const mail = (over: Partial<OutgoingMail> = {}): OutgoingMail =>
  ({
    campaignId: 'ks-ti-2013',
    municipalityId: '4621',
    step: 'registration-confirmation-1',
    template: 'registration-confirmation',
    context: {} as OutgoingMail['context'],
    to: [{ name: 'Kari Nordmann', address: 'Kari@Voss.Kommune.Example' }],
    cc: [],
    threadSteps: ['invitation'],
    inReplyTo: '<abc@voss.kommune.example>',
    audience: 'municipality',
    ...over,
  }) as OutgoingMail;
const messageKey = 'k'.repeat(40);
const ours = { domain: 'transparency.no', key: messageKey };
const id = (step: string) =>
  journeyMessageId({ campaignId: 'ks-ti-2013', municipalityId: '4621', step }, ours);
const identity = {
  messageIdDomain: 'transparency.no',
  messageKey,
  archiveAddress: 'dolvik@transparency.no',
  coordinatorAddress: 'dolvik@transparency.no',
  sender: {
    name: 'Tor Dølvik, Transparency International Norge',
    address: 'dolvik@transparency.no',
  },
  replyTo: 'dolvik@transparency.no',
};
const rendered = { subject: 'Påmelding mottatt', text: 'Hei', html: '<p>Hei</p>', attachments: [] };

test('an answer to a municipality threads under the invitation and their message, marked auto-replied', () => {
  const m = composeMessage(mail(), rendered, identity);
  expect(m.messageId).toBe(id('registration-confirmation-1'));
  expect(verifyJourneyMessageId(m.messageId, ours)).toMatchObject({
    step: 'registration-confirmation-1',
  });
  expect(m.headers['In-Reply-To']).toBe('<abc@voss.kommune.example>');
  expect(m.headers['References']).toBe(`${id('invitation')} <abc@voss.kommune.example>`);
  expect(m.headers['Auto-Submitted']).toBe('auto-replied');
  expect(m.headers['X-Auto-Response-Suppress']).toBe('OOF, AutoReply');
  // The archive copy travels in the same SMTP transaction as a blind copy.
  expect(m.envelopeTo).toEqual(['kari@voss.kommune.example', 'dolvik@transparency.no']);
  expect(m.to).toEqual([{ name: 'Kari Nordmann', address: 'Kari@Voss.Kommune.Example' }]);
});

test('a reminder is auto-generated and answers the invitation; the invitation itself starts the thread', () => {
  const reminder = composeMessage(
    mail({ step: 'registration-reminder-1', inReplyTo: null }),
    rendered,
    identity,
  );
  expect(reminder.headers['Auto-Submitted']).toBe('auto-generated');
  expect(reminder.headers['In-Reply-To']).toBe(id('invitation'));
  const invitation = composeMessage(
    mail({ step: 'invitation', threadSteps: [], inReplyTo: null }),
    rendered,
    identity,
  );
  expect(invitation.headers['In-Reply-To']).toBeUndefined();
  expect(invitation.headers['References']).toBeUndefined();
});

test('a notice goes to the coordinator whatever the journey put in "to"', () => {
  const notice = composeMessage(
    mail({ audience: 'coordinator', to: [], step: 'notice-question-1', inReplyTo: null }),
    rendered,
    identity,
  );
  expect(notice.to).toEqual([{ name: 'Koordinator', address: 'dolvik@transparency.no' }]);
  expect(notice.envelopeTo).toEqual(['dolvik@transparency.no']);
  expect(notice.headers['X-Nettverk-Audience']).toBe('coordinator');
});

test('addresses are kept out of log lines', () => {
  expect(
    redactAddresses('550 5.1.1 <kari.nordmann@voss.kommune.no>: Recipient address rejected'),
  ).toBe('550 5.1.1 <<…@voss.kommune.no>>: Recipient address rejected');
  expect(redactAddresses('to ola@x.example, per@y.example')).toBe(
    'to <…@x.example>, <…@y.example>',
  );
});
