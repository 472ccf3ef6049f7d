import {
  autoReplyReason,
  extractReturnDate,
  readsAsOutOfOffice,
} from '../../../mail/incoming/auto-reply';
import { bounceInfo, bounceReason, parseDeliveryStatus } from '../../../mail/incoming/bounce';
import { classifyHuman, classifyMachine } from '../../../mail/incoming/classify';
import { parseMime } from '../../../mail/incoming/mime';
import { readReply } from '../../../mail/incoming/read';
import { eml, reply } from './helpers';

const machine = (raw: string) => {
  const m = parseMime(raw);
  return classifyMachine(m, m.text ?? '', m.text ?? '');
};

describe('bounces', () => {
  const exim = eml(
    {
      'Return-path': '<>',
      From: 'Mail Delivery System <Mailer-Daemon@mx.voss.kommune.example>',
      To: 'dolvik@transparency.no',
      Subject: 'Mail delivery failed: returning message to sender',
      'Auto-Submitted': 'auto-replied',
      'X-Failed-Recipients': 'ola.hansen@voss.kommune.example',
      Date: 'Tue, 14 May 2013 09:13:00 +0200',
    },
    [
      'This message was created automatically by mail delivery software.',
      '',
      'A message that you sent could not be delivered to one or more of its',
      'recipients. This is a permanent error. The following address(es) failed:',
      '',
      '  ola.hansen@voss.kommune.example',
      '    SMTP error from remote mail server after RCPT TO:<ola.hansen@voss.kommune.example>:',
      '    host mx.voss.kommune.example [192.0.2.4]: 550 5.1.1 User unknown',
      '',
      '------ This is a copy of the message, including all the headers. ------',
      '',
      'Return-path: <dolvik@transparency.no>',
      'From: Tor Dølvik <dolvik@transparency.no>',
      'Message-ID: <nv.ks-ti-2013.4621.invitation@transparency.no>',
      'Subject: Invitasjon',
      '',
      'Hei',
    ].join('\n'),
  );

  it('a bounce that says Auto-Submitted: auto-replied is still a bounce', () => {
    expect(machine(exim)?.kind).toBe('bounce');
  });

  it('reads a text bounce: who, why, which message, permanent', () => {
    const m = parseMime(exim);
    expect(bounceInfo(m, m.text!)).toEqual({
      recipients: ['ola.hansen@voss.kommune.example'],
      status: '5.1.1',
      diagnostic: 'host mx.voss.kommune.example [192.0.2.4]: 550 5.1.1 User unknown',
      originalMessageId: '<nv.ks-ti-2013.4621.invitation@transparency.no>',
      permanent: true,
    });
  });

  it('knows Norwegian and Exchange subjects when a machine signal backs them', () => {
    for (const subject of [
      'Ikke levert: Invitasjon',
      'Levering mislyktes: Invitasjon',
      'Undeliverable: Invitasjon',
      'Delivery Status Notification (Failure)',
      'Kan ikke leveres: Invitasjon',
    ]) {
      const raw = eml(
        { From: 'postmottak@voss.kommune.example', Subject: subject, 'Return-Path': '<>' },
        'x',
      );
      expect(machine(raw)?.kind).toBe('bounce');
    }
  });

  it('a MAILER-DAEMON or a postmaster reporting a failure is a bounce', () => {
    expect(
      machine(eml({ From: 'MAILER-DAEMON@mx.example', Subject: 'hmm' }, 'whatever'))?.kind,
    ).toBe('bounce');
    expect(
      machine(eml({ From: 'postmaster@mx.example', Subject: 'Feil' }, 'Status: 5.2.2 mailbox full'))
        ?.kind,
    ).toBe('bounce');
  });

  it('a person forwarding a bounce to us is a person', async () => {
    const raw = reply(
      'Hei, vi fikk denne feilmeldingen da vi sendte påmeldingen. Har dere fått den?\n\n---------- Videresendt melding ---------\nFra: Mail Delivery Subsystem <mailer-daemon@mx.example>\nEmne: Delivery Status Notification (Failure)\n\nDelivery to the following recipient failed permanently:\n\n     dolvik@transparency.no',
    );
    expect(machine(raw)).toBeNull();
    expect((await readReply(raw)).kind).toBe('question');
  });

  it('parses the per-recipient blocks of a delivery-status part', () => {
    const status = [
      'Reporting-MTA: dns; relay.example',
      '',
      'Final-Recipient: rfc822; a@x.example',
      'Action: failed',
      'Status: 5.1.1',
      'Diagnostic-Code: smtp; 550 5.1.1 <a@x.example>: Recipient address',
      '    rejected',
      '',
      'Final-Recipient: rfc822;b@x.example',
      'Action: delayed',
      'Status: 4.4.1 (timeout)',
    ].join('\n');
    expect(parseDeliveryStatus(status)).toEqual([
      {
        finalRecipient: 'a@x.example',
        originalRecipient: null,
        action: 'failed',
        status: '5.1.1',
        diagnostic: '550 5.1.1 <a@x.example>: Recipient address rejected',
      },
      {
        finalRecipient: 'b@x.example',
        originalRecipient: null,
        action: 'delayed',
        status: '4.4.1',
        diagnostic: null,
      },
    ]);
  });

  it('a Gmail delay is a temporary failure; «failed» with a 4.x.x status is permanent', () => {
    const delay = parseMime(
      eml(
        {
          From: 'Mail Delivery Subsystem <mailer-daemon@googlemail.example>',
          Subject: 'Delivery Status Notification (Delay)',
        },
        'Delivery to the following recipient has been delayed:\n\n     a@x.example\n\nMessage will be retried for 2 more day(s)',
      ),
    );
    expect(bounceInfo(delay, delay.text!).permanent).toBe(false);
    const gaveUp = parseMime(
      eml(
        {
          From: 'MAILER-DAEMON@x.example',
          'Content-Type': 'multipart/report; report-type=delivery-status; boundary=b',
        },
        '--b\nContent-Type: text/plain\n\nFailed\n--b\nContent-Type: message/delivery-status\n\nFinal-Recipient: rfc822; a@x.example\nAction: failed\nStatus: 4.0.0\n--b--',
      ),
    );
    expect(bounceReason(gaveUp, '')).toMatch(/RFC 3464/);
    expect(bounceInfo(gaveUp, gaveUp.text!).permanent).toBe(true);
  });

  it('a delivery report that says «delivered» is not a bounce', () => {
    const raw = eml(
      {
        From: 'postmaster@x.example',
        Subject: 'Levert: Invitasjon',
        'Content-Type': 'multipart/report; report-type=delivery-status; boundary=b',
      },
      '--b\nContent-Type: text/plain\n\nLevert\n--b\nContent-Type: message/delivery-status\n\nFinal-Recipient: rfc822; a@x.example\nAction: delivered\nStatus: 2.0.0\n--b--',
    );
    expect(machine(raw)?.kind).toBe('auto-reply');
  });

  it('finds our Message-ID anywhere in a bounce', () => {
    const m = parseMime(
      eml(
        { From: 'MAILER-DAEMON@x.example' },
        'Your message <nv.ks-ti-2013.0301.invitation@transparency.no> failed.',
      ),
    );
    expect(bounceInfo(m, m.text!).originalMessageId).toBe(
      '<nv.ks-ti-2013.0301.invitation@transparency.no>',
    );
  });
});

describe('automatic replies', () => {
  const cases: [string, Record<string, string>, string][] = [
    ['Auto-Submitted: auto-replied', { 'Auto-Submitted': 'auto-replied' }, 'Hei'],
    ['Auto-Submitted: auto-generated', { 'Auto-Submitted': 'auto-generated' }, 'Hei'],
    ['X-Autoreply', { 'X-Autoreply': 'yes' }, 'Hei'],
    ['X-Autorespond', { 'X-Autorespond': 'Ferie' }, 'Hei'],
    ['Precedence: auto_reply', { Precedence: 'auto_reply' }, 'Hei'],
    ['Precedence: bulk', { Precedence: 'bulk' }, 'Hei'],
    [
      'Exchange «Automatisk svar:» with nothing else',
      { Subject: 'Automatisk svar: Invitasjon' },
      'Jeg er borte.',
    ],
    ['«Automatic reply:»', { Subject: 'Automatic reply: Invitation' }, 'Away.'],
    ['«Autosvar:»', { Subject: 'Autosvar: Invitasjon' }, 'Borte.'],
    ['«Fraværende:»', { Subject: 'Fraværende: SV: Invitasjon' }, 'Borte.'],
    ['«Fråverande»', { Subject: 'Fråverande' }, 'Borte.'],
    ['«Out of Office:»', { Subject: 'Out of Office: Invitation' }, 'Away.'],
    ['«Abwesenheitsnotiz:»', { Subject: 'Abwesenheitsnotiz: Einladung' }, 'Nicht da.'],
    ['«I’m out of the office»', { Subject: "I'm out of the office" }, 'Away.'],
    [
      'Inbox rule loop header',
      { 'X-MS-Exchange-Inbox-Rules-Loop': 'kari@voss.kommune.example' },
      'Hei',
    ],
    [
      'X-Auto-Response-Suppress with out-of-office words',
      { 'X-Auto-Response-Suppress': 'All' },
      'Jeg er fraværende til 27. mai.',
    ],
    ['a null return path', { 'Return-Path': '<>' }, 'Takk for meldingen.'],
    ['a no-reply sender', { From: 'noreply@voss.kommune.example' }, 'Vi har mottatt henvendelsen.'],
  ];
  it.each(cases)('%s', async (_, headers, body) => {
    const raw = reply(body, headers);
    expect(machine(raw)?.kind).toBe('auto-reply');
    expect((await readReply(raw)).kind).toBe('auto-reply');
  });

  it('X-Auto-Response-Suppress alone does not make a person a machine', async () => {
    const raw = reply('Vi melder på Kari Nordmann, kommunalsjef, kari@voss.kommune.example.', {
      'X-Auto-Response-Suppress': 'All',
    });
    expect(machine(raw)).toBeNull();
    expect((await readReply(raw)).kind).toBe('registration');
  });

  it('Auto-Submitted: no is a person', () => {
    expect(machine(reply('Hei', { 'Auto-Submitted': 'no' }))).toBeNull();
  });

  it('an out-of-office with no header at all is read from its words', async () => {
    const r = await readReply(
      reply('Jeg er på ferie og er tilbake på kontoret mandag 12. august.\n\nMvh\nKari'),
    );
    expect(r.kind).toBe('auto-reply');
    expect(r.autoReply?.returnDate).toBe('2013-08-12');
    expect(readsAsOutOfOffice('Vi melder på Kari.')).toBe(false);
  });

  it('a person on holiday who still registers is a person', async () => {
    const r = await readReply(
      reply('Jeg er på ferie, men vi melder på Ola Hansen, rådgiver, ola@voss.kommune.example.'),
    );
    expect(r.kind).toBe('registration');
  });

  it('a read receipt is not a reply', () => {
    const raw = eml(
      {
        From: 'kari@voss.kommune.example',
        Subject: 'Lest: Invitasjon',
        'Content-Type': 'multipart/report; report-type=disposition-notification; boundary=b',
      },
      '--b\nContent-Type: text/plain\n\nLest\n--b\nContent-Type: message/disposition-notification\n\nFinal-Recipient: rfc822; kari@voss.kommune.example\nDisposition: manual-action/MDN-sent-manually; displayed\n--b--',
    );
    expect(machine(raw)?.kind).toBe('auto-reply');
  });

  it('autoReplyReason names its evidence', () => {
    const m = parseMime(reply('x', { Subject: 'Automatisk svar: Invitasjon' }));
    expect(autoReplyReason(m, 'x')).toMatch(/Automatisk svar/);
  });

  describe('return dates', () => {
    const sent = '2013-05-14T10:00:00.000Z';
    it.each([
      ['Jeg er tilbake på kontoret mandag 27. mai.', '2013-05-27'],
      ['Jeg er fraværende til og med 9. august 2013.', '2013-08-10'],
      ['Fraværende t.o.m. 28.06.', '2013-06-29'],
      ['Eg er på ferie frå 1. juli til 5. august.', '2013-08-05'],
      ['Jeg er på ferie fra 24.06 til og med 09.08.2013', '2013-08-10'],
      ['Eg er fråverande til 3. juni.', '2013-06-03'],
      ['I will be back on May 27th.', '2013-05-27'],
      ['Ich bin ab dem 3. Juni wieder im Büro.', null],
      ['Jeg er tilbake 7. januar.', '2014-01-07'],
      ['Jeg er borte en stund.', null],
    ])('%s → %s', (text, date) => {
      expect(extractReturnDate(text, sent)).toBe(date);
    });
  });
});

describe('a person’s reply', () => {
  const human = (text: string, participants = 0, questions: string[] = []) =>
    classifyHuman({
      text,
      subject: 'SV: Invitasjon',
      participants: Array.from({ length: participants }, (_, i) => ({
        name: `Person ${i}`,
        title: null,
        email: null,
        phone: null,
      })),
      questions,
      attendance: null,
      attachments: 0,
    }).kind;

  it('registration in bokmål and nynorsk, even without names yet', () => {
    expect(human('Vi melder oss på nettverket. Navn kommer.')).toBe('registration');
    expect(human('Kommunen ønskjer å delta. Vi kjem tilbake med namn.')).toBe('registration');
    expect(human('Her er våre deltakere.', 2)).toBe('registration');
  });

  it('decline in bokmål and nynorsk', () => {
    expect(human('Vi har dessverre ikke kapasitet til å delta denne gangen.')).toBe('decline');
    expect(human('Vi takkar nei til invitasjonen i år.')).toBe('decline');
    expect(human('Kommunen kan diverre ikkje delta.')).toBe('decline');
    expect(human('Vi melder oss ikke på i år.')).toBe('decline');
  });

  it('a registration that names people despite a partial «no» is a registration', () => {
    expect(human('Rådmannen kan ikke delta, men vi melder på to andre.', 2)).toBe('registration');
  });

  it('a question, even one that mentions registering', () => {
    expect(human('Kan vi melde på tre personer?', 0, ['Kan vi melde på tre personer?'])).toBe(
      'question',
    );
  });

  it('anything else is other', () => {
    expect(human('Takk for en fin samling!')).toBe('other');
  });
});
