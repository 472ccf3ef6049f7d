import PostalMime from 'postal-mime';
import {
  decodeCharset,
  decodeWindows1252,
  decodeEncodedWords,
  decodeQuotedPrintable,
  headerValue,
  parseDate,
  parseMime,
  parseStructuredHeader,
  unflow,
} from '../../../mail/incoming/mime';
import { eml, fixture, fixtureNames } from './helpers';

describe('headers', () => {
  it('unfolds continuation lines and keeps every header', () => {
    const m = parseMime(
      eml(
        {
          From: 'Kari <kari@voss.kommune.example>',
          Subject: 'Lang\n  emnelinje',
          'Auto-Submitted': 'auto-replied',
          'X-Auto-Response-Suppress': 'All',
          Precedence: 'bulk',
          'List-Id': '<nettverk.lists.example>',
          'Return-Path': '<>',
        },
        'hei',
      ),
    );
    expect(m.subject).toBe('Lang emnelinje');
    expect(headerValue(m.headers, 'auto-submitted')).toBe('auto-replied');
    expect(headerValue(m.headers, 'X-Auto-Response-Suppress')).toBe('All');
    expect(headerValue(m.headers, 'precedence')).toBe('bulk');
    expect(headerValue(m.headers, 'list-id')).toBe('<nettverk.lists.example>');
    expect(headerValue(m.headers, 'return-path')).toBe('<>');
  });

  it('skips an mbox envelope line', () => {
    const m = parseMime(
      'From MAILER-DAEMON  Mon Sep 20 19:29:27 2021\nFrom: a@b.example\nSubject: x\n\nbody',
    );
    expect(m.from?.address).toBe('a@b.example');
    expect(m.subject).toBe('x');
  });

  it('reads addresses, message ids and dates', () => {
    const m = parseMime(
      eml(
        {
          From: '"Nordmann, Kari" <kari@voss.kommune.example>',
          To: 'Tor <dolvik@transparency.no>, ola@voss.kommune.example',
          Cc: 'Gruppe: a@x.example, b@x.example;',
          'Message-ID': '<abc@voss.kommune.example>',
          'In-Reply-To': '<nv.ks-ti-2013.4621.invitation@transparency.no>',
          References:
            '<nv.ks-ti-2013.4621.invitation@transparency.no>\n <nv.ks-ti-2013.4621.registration-reminder-1@transparency.no>',
          Date: 'Tue, 14 May 2013 13:47:02 +0200 (CEST)',
        },
        'hei',
      ),
    );
    expect(m.from).toEqual({ name: 'Nordmann, Kari', address: 'kari@voss.kommune.example' });
    expect(m.to.map((a) => a.address)).toEqual([
      'dolvik@transparency.no',
      'ola@voss.kommune.example',
    ]);
    expect(m.cc.map((a) => a.address)).toEqual(['a@x.example', 'b@x.example']);
    expect(m.messageId).toBe('<abc@voss.kommune.example>');
    expect(m.hasMessageId).toBe(true);
    expect(m.inReplyTo).toBe('<nv.ks-ti-2013.4621.invitation@transparency.no>');
    expect(m.references).toHaveLength(2);
    expect(m.date).toBe('2013-05-14T11:47:02.000Z');
  });

  it('synthesises a stable Message-ID when there is none', () => {
    const raw = eml({ From: 'a@b.example' }, 'x');
    const a = parseMime(raw);
    expect(a.hasMessageId).toBe(false);
    expect(a.messageId).toMatch(/^<generated\.[0-9a-f]{24}@nettverk\.invalid>$/);
    expect(parseMime(raw).messageId).toBe(a.messageId);
  });
});

describe('RFC 2047 subjects', () => {
  it('decodes Q and B words in ISO-8859-1, windows-1252 and UTF-8', () => {
    expect(decodeEncodedWords('=?iso-8859-1?Q?SV:_P=E5melding?=')).toBe('SV: Påmelding');
    expect(decodeEncodedWords('=?windows-1252?Q?Svar_=96_p=E5melding?=')).toBe('Svar – påmelding');
    expect(decodeEncodedWords('=?UTF-8?B?RnLDpXZlcmFuZGU=?=')).toBe('Fråverande');
    expect(decodeEncodedWords('Re: =?utf-8?q?N=C3=A6rings?= =?utf-8?q?sjef?= ok')).toBe(
      'Re: Næringssjef ok',
    );
  });

  it('joins a character split across two encoded words', () => {
    // «ø» is C3 B8 in UTF-8; here the two bytes sit in two words.
    expect(decodeEncodedWords('=?utf-8?Q?D=C3?= =?utf-8?Q?=B8lvik?=')).toBe('Dølvik');
  });

  it('leaves plain and malformed text alone', () => {
    expect(decodeEncodedWords('Invitasjon [ref. ks-ti-2013/4621]')).toBe(
      'Invitasjon [ref. ks-ti-2013/4621]',
    );
    expect(decodeEncodedWords('=?broken')).toBe('=?broken');
  });
});

describe('bodies', () => {
  it('decodes quoted-printable with soft line breaks', () => {
    expect(
      decodeQuotedPrintable('Hei p=C3=A5 deg, dette er en lang=\nlinje=3D ok').toString('utf8'),
    ).toBe('Hei på deg, dette er en langlinje= ok');
  });

  it('decodes ISO-8859-1, windows-1252 and UTF-8, and falls back when UTF-8 is a lie', () => {
    expect(decodeCharset(Buffer.from([0x70, 0xe5]), 'iso-8859-1')).toBe('på');
    expect(decodeCharset(Buffer.from([0x96, 0x80, 0x93, 0x94]), 'windows-1252')).toBe('–€“”');
    expect(decodeCharset(Buffer.from('på', 'utf8'), 'utf-8')).toBe('på');
    expect(decodeCharset(Buffer.from([0x70, 0xe5]), 'utf-8')).toBe('på');
    expect(decodeCharset(Buffer.from('på', 'utf8'), null)).toBe('på');
    expect(decodeCharset(Buffer.from('på', 'utf8'), 'x-unknown-charset')).toBe('på');
  });

  it('picks text and HTML from multipart/alternative inside multipart/mixed, and notes attachments', () => {
    const raw = eml(
      { From: 'a@b.example', 'Content-Type': 'multipart/mixed; boundary="mix"' },
      [
        '--mix',
        'Content-Type: multipart/alternative; boundary="alt"',
        '',
        '--alt',
        'Content-Type: text/plain; charset=iso-8859-1',
        'Content-Transfer-Encoding: quoted-printable',
        '',
        'P=E5melding',
        '--alt',
        'Content-Type: multipart/related; boundary="rel"',
        '',
        '--rel',
        'Content-Type: text/html; charset=utf-8',
        'Content-Transfer-Encoding: base64',
        '',
        Buffer.from('<p>Påmelding</p>').toString('base64'),
        '--rel',
        'Content-Type: image/png',
        'Content-ID: <logo>',
        'Content-Transfer-Encoding: base64',
        '',
        Buffer.from([1, 2, 3, 4]).toString('base64'),
        '--rel--',
        '--alt--',
        '--mix',
        'Content-Type: application/pdf; name="vedtak.pdf"',
        "Content-Disposition: attachment; filename*=utf-8''Vedtak%20leiargruppa.pdf",
        'Content-Transfer-Encoding: base64',
        '',
        Buffer.from('%PDF-1.4').toString('base64'),
        '--mix--',
      ].join('\n'),
    );
    const m = parseMime(raw);
    expect(m.text).toBe('Påmelding');
    expect(m.html).toBe('<p>Påmelding</p>');
    expect(m.attachments).toEqual([
      { filename: null, contentType: 'image/png', size: 4 },
      { filename: 'Vedtak leiargruppa.pdf', contentType: 'application/pdf', size: 8 },
    ]);
  });

  it('undoes format=flowed', () => {
    expect(unflow('Dette er en \nlang linje.\n> sitat som \n> fortsetter\n-- \nsig', false)).toBe(
      'Dette er en lang linje.\n> sitat som fortsetter\n-- \nsig',
    );
    const m = parseMime(
      eml({ 'Content-Type': 'text/plain; charset=utf-8; format=flowed; delsp=yes' }, 'Hel \nlinje'),
    );
    expect(m.text).toBe('Hellinje');
  });

  it('reads a multipart whose boundary never occurs as plain text', () => {
    const m = parseMime(eml({ 'Content-Type': 'multipart/mixed; boundary="nope"' }, 'Bare tekst'));
    expect(m.text).toBe('Bare tekst');
  });

  it('parses structured headers with quoted and RFC 2231 parameters', () => {
    const h = parseStructuredHeader(
      "attachment; filename*0*=utf-8''P%C3%A5mel; filename*1*=ding.docx; size=12",
    );
    expect(h).toEqual({ value: 'attachment', params: { filename: 'Påmelding.docx', size: '12' } });
    expect(parseStructuredHeader('text/plain; charset="utf-8"; format=flowed').params).toEqual({
      charset: 'utf-8',
      format: 'flowed',
    });
  });

  it('parses RFC 5322 dates and rejects nonsense', () => {
    expect(parseDate('Thu, 29 Apr 2005 23:34:45 +0900')).toBe('2005-04-29T14:34:45.000Z');
    expect(parseDate('not a date')).toBeNull();
    expect(parseDate(null)).toBeNull();
  });
});

describe('delivery reports', () => {
  it('finds the delivery-status part and the returned headers', () => {
    const m = parseMime(fixture('postfix-delayed'));
    expect(m.report?.reportType).toBe('delivery-status');
    expect(m.report?.status).toContain('Action: delayed');
    expect(m.returned?.messageId).toBe('<nv.ks-ti-2013.4036.invitation@transparency.no>');
  });

  it('finds a returned message/rfc822', () => {
    const m = parseMime(fixture('postfix-bounce'));
    expect(m.returned?.messageId).toBe(
      '<nv.ks-ti-2013.1516.registration-confirmation@transparency.no>',
    );
    expect(m.returned?.subject).toBe('Påmelding mottatt [ref. ks-ti-2013/1516]');
  });
});

describe('agrees with postal-mime on every fixture', () => {
  // Node 20's TextDecoder (which postal-mime uses) reads windows-1252 as Latin-1 and
  // leaves «–» as U+0096; ours maps those bytes. Compare with that difference mapped away.
  const cp1252 = (s: string) =>
    s.replace(/[\u0080-\u009f]/g, (c) => decodeWindows1252(Buffer.from([c.charCodeAt(0)])));
  const squash = (s: string | null | undefined) =>
    cp1252(s ?? '')
      .replace(/\s+/g, ' ')
      .trim();
  it.each(fixtureNames())('%s', async (name) => {
    const raw = fixture(name);
    const ours = parseMime(raw);
    const theirs = await PostalMime.parse(raw);
    expect(ours.subject).toBe(squash(theirs.subject));
    expect(ours.from?.address).toBe(theirs.from?.address);
    expect(ours.messageId).toBe(theirs.messageId);
    expect(ours.date).toBe(theirs.date ? new Date(theirs.date).toISOString() : null);
    if (theirs.text && !ours.report) expect(squash(ours.text)).toBe(squash(theirs.text));
    if (theirs.html && !ours.report) expect(squash(ours.html)).toBe(squash(theirs.html));
  });
});

describe('robustness', () => {
  it('never throws on garbage', () => {
    const inputs = [
      '',
      '\n\n',
      'no headers at all',
      'Content-Type: multipart/mixed; boundary=x\n\n--x\n--x--',
      Buffer.from([0xff, 0xfe, 0x00, 0x41]),
    ];
    for (const input of inputs) expect(() => parseMime(input)).not.toThrow();
  });
});
