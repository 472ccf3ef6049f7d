import type { ParsedReply } from '../../../domain/types';
import { describeReply } from '../../../mail/incoming/understand';
import { readReply } from '../../../mail/incoming/read';
import { eml, fixture, fixtureNames, reply } from './helpers';

describe('understandReply', () => {
  it('reads a registration end to end from a string', async () => {
    const r = await readReply(
      reply(
        'Hei,\n\nVi melder på:\nKari Nordmann, kommunalsjef, kari.nordmann@voss.kommune.example, 99 88 77 66\nOla Hansen, rådgiver, ola.hansen@voss.kommune.example\n\nDeltakelsen er forankret i administrativ ledelse. Vi ønsker nettverk A. Kan vi bytte deltaker senere?\n\nMed vennlig hilsen\nKari Nordmann\nKommunalsjef\n\nFra: Tor Dølvik <dolvik@transparency.no>\nSendt: 14. mai 2013 09:12\nTil: Postmottak\nEmne: Invitasjon\n\nPåmelding til dolvik@transparency.no innen 21. mai.',
      ),
    );
    expect(r).toMatchObject({
      kind: 'registration',
      messageId: '<reply-1@voss.kommune.example>',
      from: { name: 'Kari Nordmann', address: 'kari.nordmann@voss.kommune.example' },
      inReplyTo: '<nv.ks-ti-2013.4621.invitation@transparency.no>',
      date: '2013-05-14T11:47:02.000Z',
      anchored: true,
      networkPreference: 'A',
      questions: ['Kan vi bytte deltaker senere?'],
      bounce: null,
      attendance: null,
    });
    expect(r.participants).toEqual([
      {
        name: 'Kari Nordmann',
        title: 'kommunalsjef',
        email: 'kari.nordmann@voss.kommune.example',
        phone: '99 88 77 66',
      },
      {
        name: 'Ola Hansen',
        title: 'rådgiver',
        email: 'ola.hansen@voss.kommune.example',
        phone: null,
      },
    ]);
    expect(r.text).not.toContain('Med vennlig hilsen');
    expect(r.text).not.toContain('Påmelding til');
    expect(r.signature).toContain('Kommunalsjef');
  });

  it('does not read our own quoted invitation as their registration', async () => {
    const r = await readReply(
      reply(
        'Takk for invitasjonen, vi ser på det.\n\nDen 14. mai 2013 kl. 09:12 skrev Tor Dølvik <dolvik@transparency.no>:\n> Påmelding: meld på 2-3 deltakere.\n> Deltakelsen bør være forankret i administrativ ledelse.',
      ),
    );
    expect(r.kind).toBe('other');
    expect(r.anchored).toBeNull();
  });

  it('ignores quoted lines left in an interleaved reply', async () => {
    const r = await readReply(
      reply(
        '> Hvem kommer fra dere?\n\nKari Nordmann, kommunalsjef, kari@voss.kommune.example\n\n> Er deltakelsen forankret i administrativ ledelse?\n\nJa, rådmannen har godkjent.',
      ),
    );
    expect(r.kind).toBe('registration');
    expect(r.participants?.map((p) => p.name)).toEqual(['Kari Nordmann']);
    expect(r.anchored).toBe(true);
    expect(r.questions).toEqual([]);
  });

  it('reads an HTML-only reply through the HTML', async () => {
    const r = await readReply(
      eml(
        {
          From: 'kari@voss.kommune.example',
          Subject: 'SV: Invitasjon',
          'Content-Type': 'text/html; charset=utf-8',
        },
        '<div>Vi melder p&aring; Ola Hansen, r&aring;dgiver, ola@voss.kommune.example.</div><div id="divRplyFwdMsg"><b>Fra:</b> Tor</div><div>P&aring;melding innen 21. mai</div>',
      ),
    );
    expect(r.source).toBe('html');
    expect(r.text).toBe('Vi melder på Ola Hansen, rådgiver, ola@voss.kommune.example.');
    expect(r.participants).toHaveLength(1);
  });

  it('takes the table from the HTML when the text part flattened it', async () => {
    const raw = eml(
      {
        From: 'kari@voss.kommune.example',
        Subject: 'SV: Invitasjon',
        'Content-Type': 'multipart/alternative; boundary=b',
      },
      [
        '--b',
        'Content-Type: text/plain; charset=utf-8',
        '',
        'Vi melder på:',
        'Navn',
        'Stilling',
        'Kari Nordmann',
        'kommunalsjef',
        '--b',
        'Content-Type: text/html; charset=utf-8',
        '',
        '<p>Vi melder på:</p><table><tr><td>Navn</td><td>Stilling</td><td>E-post</td></tr><tr><td>Kari Nordmann</td><td>kommunalsjef</td><td>kari@voss.kommune.example</td></tr><tr><td>Ola Hansen</td><td>rådgiver</td><td>ola@voss.kommune.example</td></tr></table>',
        '--b--',
      ].join('\n'),
    );
    expect((await readReply(raw)).participants?.map((p) => p.name)).toEqual([
      'Kari Nordmann',
      'Ola Hansen',
    ]);
  });

  it('leaves the sender’s signature out when no closing announces it', async () => {
    const r = await readReply(
      reply(
        'Vi melder på Ola Hansen, rådgiver, ola.hansen@voss.kommune.example.\n\nKari Nordmann\nKommunalsjef\nVoss kommune\nTlf 99 88 77 66',
        {
          From: 'Postmottak Voss <postmottak@voss.kommune.example>',
        },
      ),
    );
    expect(r.participants?.map((p) => p.name)).toEqual(['Ola Hansen']);
    expect(r.signature).toBe('Kari Nordmann\nKommunalsjef\nVoss kommune\nTlf 99 88 77 66');
  });

  it('reads prose with «som er» titles and addresses written apart from the names', async () => {
    const r = await readReply(
      reply(
        'Vi melder på Kari Nordmann som er kommunalsjef, og Ola Hansen som er controller. Begge nås på e-post kari.nordmann@voss.kommune.example og ola.hansen@voss.kommune.example.',
        { From: 'Postmottak Voss <postmottak@voss.kommune.example>' },
      ),
    );
    expect(r.participants).toEqual([
      {
        name: 'Kari Nordmann',
        title: 'kommunalsjef',
        email: 'kari.nordmann@voss.kommune.example',
        phone: null,
      },
      {
        name: 'Ola Hansen',
        title: 'controller',
        email: 'ola.hansen@voss.kommune.example',
        phone: null,
      },
    ]);
  });

  it('reads a tab-separated table in a text part, the sender among the rows', async () => {
    const r = await readReply(
      reply(
        'Voss kommune ønsker å delta i nettverk B med følgende deltakere:\n\nKari Nordmann\tKommunalsjef\tkari.nordmann@voss.kommune.example\t99887766\nOla Hansen\tRådgiver\tola.hansen@voss.kommune.example\t41234567\n\nPåmeldingen er godkjent av rådmannen.',
      ),
    );
    expect(r.participants?.map((p) => [p.name, p.title, p.phone])).toEqual([
      ['Kari Nordmann', 'Kommunalsjef', '99887766'],
      ['Ola Hansen', 'Rådgiver', '41234567'],
    ]);
    expect(r.networkPreference).toBe('B');
    expect(r.anchored).toBe(true);
  });

  it('reads attendance only in replies about a gathering', async () => {
    expect(
      await (
        await readReply(reply('Vi kommer tilbake med navn. Kari Nordmann deltar uansett.'))
      ).attendance,
    ).toBeNull();
    const answer = await readReply(
      reply('Kari Nordmann kommer, men Ola Hansen kan ikke.', {
        Subject: 'SV: Kommer dere? [ref. ks-ti-2013/4621]',
        'In-Reply-To': '<nv.ks-ti-2013.4621.attendance-request-1@transparency.no>',
      }),
    );
    expect(answer.kind).toBe('other');
    expect(answer.attendance?.map((a) => [a.participant, a.attending])).toEqual([
      ['Kari Nordmann', true],
      ['Ola Hansen', false],
    ]);
  });

  it('a registration form sent as an attachment to the invitation is a registration', async () => {
    const raw = eml(
      {
        From: 'Kari Nordmann <kari.nordmann@voss.kommune.example>',
        Subject: 'SV: Invitasjon [ref. ks-ti-2013/4621]',
        'In-Reply-To': '<nv.ks-ti-2013.4621.invitation@transparency.no>',
        'Content-Type': 'multipart/mixed; boundary=b',
      },
      '--b\nContent-Type: text/plain; charset=utf-8\n\nSe vedlagt skjema.\n\nMvh Kari\n--b\nContent-Type: application/vnd.openxmlformats-officedocument.wordprocessingml.document; name="Skjema.docx"\nContent-Disposition: attachment; filename="Skjema.docx"\nContent-Transfer-Encoding: base64\n\nUEsDBA==\n--b--',
    );
    const r = await readReply(raw);
    expect(r.kind).toBe('registration');
    expect(r.participants).toEqual([]);
    expect(r.reason).toMatch(/attachment/);
    expect(r.attachments).toEqual([
      {
        filename: 'Skjema.docx',
        contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        size: 4,
      },
    ]);
  });

  it('an attachment later in the journey is not a registration', async () => {
    const raw = eml(
      {
        From: 'Kari Nordmann <kari.nordmann@voss.kommune.example>',
        Subject: 'SV: Status [ref. ks-ti-2013/4621]',
        'In-Reply-To': '<nv.ks-ti-2013.4621.status-request@transparency.no>',
        'Content-Type': 'multipart/mixed; boundary=b',
      },
      '--b\nContent-Type: text/plain; charset=utf-8\n\nVedlagt er kartleggingen vår.\n--b\nContent-Type: application/pdf; name="k.pdf"\nContent-Transfer-Encoding: base64\n\nJVBERg==\n--b--',
    );
    expect((await readReply(raw)).kind).toBe('other');
  });

  it('never throws, whatever comes in', async () => {
    for (const raw of [
      '',
      'garbage',
      Buffer.from([0, 1, 2, 255]),
      'From: x\n\n\n',
      eml({ 'Content-Type': 'multipart/report' }, ''),
    ]) {
      const r = await readReply(raw);
      expect(typeof r.kind).toBe('string');
      expect(r.messageId).toMatch(/^<.+>$/);
    }
  });

  it('never throws on truncated or mangled fixtures', async () => {
    for (const name of fixtureNames()) {
      const raw = fixture(name);
      for (const cut of [0.1, 0.33, 0.5, 0.77, 0.95]) {
        const piece = raw.subarray(0, Math.floor(raw.length * cut));
        await expect(readReply(piece)).resolves.toHaveProperty('kind');
        await expect(
          readReply(piece.toString('latin1').replace(/\n/g, '\r')),
        ).resolves.toHaveProperty('kind');
      }
    }
  });

  it('is plain JSON', async () => {
    const r = await readReply(fixture('outlook-desktop-registration-list'));
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });
});

describe('describeReply', () => {
  it('summarises a registration for the coordinator', async () => {
    const text = describeReply(await readReply(fixture('outlook-desktop-registration-list')));
    expect(text).toContain(
      'Registration from Per Olsen <per.olsen@lillehammer.kommune.example>, 2013-05-14 11:46',
    );
    expect(text).toContain('Participants (2):');
    expect(text).toContain(
      '1. Kari Nordmann · kommunalsjef · kari.nordmann@lillehammer.kommune.example · 61 05 00 10',
    );
    expect(text).toContain('Anchored in administrative leadership: yes');
    expect(text).toContain('Network wish: A');
  });

  it('summarises a bounce and an automatic reply', async () => {
    const bounce = describeReply(await readReply(fixture('o365-ndr-norwegian')));
    expect(bounce).toContain('Bounce from');
    expect(bounce).toContain('Permanent failure 5.1.10');
    expect(bounce).toContain('Failed: postmottak@hemsedal.kommune.example');
    expect(bounce).toContain('Our message: <nv.ks-ti-2013.3326.invitation@transparency.no>');
    const away = describeReply(await readReply(fixture('exchange-oof-no-auto-submitted')));
    expect(away).toContain('Automatic reply from');
    expect(away).toContain('Back on 2013-05-27');
  });

  it('summarises attendance and marks what is missing', async () => {
    const attendance = describeReply(await readReply(fixture('attendance-diet-substitute')));
    expect(attendance).toContain(
      'Kari Nordmann: comes; overnight stay; dinner; diet: vegetarianer',
    );
    expect(attendance).toContain(
      'Ola Hansen: does not come; substitute: Per Olsen, rådgiver, per.olsen@askoy.kommune.example',
    );
    const incomplete = describeReply(await readReply(reply('Vi melder på Ola Hansen.')));
    expect(incomplete).toContain('Ola Hansen · title missing · email missing');
    expect(incomplete).toContain('Anchored in administrative leadership: not stated');
  });

  it('accepts a bare ParsedReply', () => {
    const bare: ParsedReply = {
      messageId: '<x@y>',
      from: { name: null, address: 'a@b.example' },
      subject: '',
      date: null,
      inReplyTo: null,
      references: [],
      kind: 'other',
      text: '',
      participants: null,
      anchored: null,
      networkPreference: null,
      questions: [],
      attendance: null,
      bounce: null,
      attachments: [],
    };
    expect(describeReply(bare)).toBe(
      'Reply from a@b.example, no date\n  Subject: (none)\n  Anchored in administrative leadership: not stated\n  Network wish: none stated',
    );
  });
});
