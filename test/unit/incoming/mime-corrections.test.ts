// What postal-mime reads wrong, and that mime-corrections.ts puts it right (issue 14).
import PostalMime from 'postal-mime';
import {
  c1AsWindows1252,
  corrected,
  unreadableTypeAsPlain,
  withoutNul,
} from '../../../mail/incoming/mime-corrections';
import { parseMimeAsync } from '../../../mail/incoming/mime-postal';

/** «Vi kommer 12–13 juni» with «–» as the windows-1252 byte 0x96, and «blåbær» in Latin-1. */
function cp1252Message(charset: string): Buffer {
  const head = [
    'From: =?windows-1252?Q?P=E5l_Rustad?= <pal.rustad@kongsberg.kommune.example>',
    'Subject: =?windows-1252?Q?SV:_Samling_12=9613._juni?=',
    `Content-Type: text/plain; charset=${charset}`,
    'Content-Transfer-Encoding: 8bit',
    '',
    '',
  ].join('\r\n');
  const body = Buffer.from('Vi kommer 12\x9613. juni \x80 \x93blåbær\x94\r\n', 'latin1');
  return Buffer.concat([Buffer.from(head, 'latin1'), body]);
}

describe('postal-mime 4.0.0 reads windows-1252 as Latin-1 (the en dash becomes a control character)', () => {
  it('is still so (when this fails, the library reads it right and the correction can go)', async () => {
    const email = await PostalMime.parse(cp1252Message('windows-1252'));
    expect(email.text).toContain('12\u009613');
  });

  it.each(['windows-1252', 'iso-8859-1', 'us-ascii'])(
    'the reader gets «–», «€» and curly quotes from a %s body and subject',
    async (charset) => {
      const mime = await parseMimeAsync(cp1252Message(charset));
      expect(mime.text).toBe('Vi kommer 12–13. juni € “blåbær”\n');
      expect(mime.subject).toBe('SV: Samling 12–13. juni');
      expect(mime.from).toEqual({
        name: 'Pål Rustad',
        address: 'pal.rustad@kongsberg.kommune.example',
      });
    },
  );

  it('maps each C1 control character to its windows-1252 character, and leaves other text alone', () => {
    expect(c1AsWindows1252('12\u009613 \u0080 \u0093a\u0094 \u0085')).toBe('12–13 € “a” …');
    expect(c1AsWindows1252('blåbær – «ok»')).toBe('blåbær – «ok»');
    // The five bytes windows-1252 leaves undefined stay as they were.
    expect(c1AsWindows1252('\u0081\u008d\u008f\u0090\u009d')).toBe(
      '\u0081\u008d\u008f\u0090\u009d',
    );
  });
});

describe('NUL characters', () => {
  it('are dropped, whatever decoded them', async () => {
    expect(withoutNul('a\0b\0')).toBe('ab');
    expect(corrected('x\0\u0096y')).toBe('x–y');
    const raw = Buffer.from(
      'From: K <k@voss.kommune.example>\r\nSubject: =?utf-8?Q?Ja=00takk?=\r\n\r\nVi\0 kommer.\r\n',
      'latin1',
    );
    const mime = await parseMimeAsync(raw);
    expect(mime.subject).toBe('Jatakk');
    expect(mime.text).toBe('Vi kommer.\n');
  });
});

describe('a body whose Content-Type postal-mime cannot use is read as text/plain (RFC 2045 5.2)', () => {
  const message = (type: string, body = 'Vi kommer begge to.\r\n') =>
    Buffer.from(
      `From: K <k@voss.kommune.example>\r\nContent-Type: ${type}\r\n\r\n${body}`,
      'latin1',
    );

  it.each([
    ['no type/subtype', 'text/<<\u00f0\u0090<<; charset=utf-8'],
    ['a multipart without a boundary', 'multipart/mixed'],
    [
      'a multipart whose boundary never occurs',
      'multipart/report; report-type=delivery-status;\r\n boundary="abc/def"',
    ],
  ])('%s: the library reads nothing, the reader the text', async (_what, type) => {
    const raw = message(type);
    const email = await PostalMime.parse(raw);
    expect(email.text ?? '').not.toContain('Vi kommer');
    expect((await parseMimeAsync(raw)).text).toBe('Vi kommer begge to.\n');
  });

  it('leaves a message it can read as it is (the same bytes)', () => {
    const plain = message('text/plain; charset=utf-8');
    expect(unreadableTypeAsPlain(plain)).toBe(plain);
    const multi = message('multipart/mixed; boundary=b', '--b\r\n\r\nHei\r\n--b--\r\n');
    expect(unreadableTypeAsPlain(multi)).toBe(multi);
    const none = Buffer.from('From: k@voss.kommune.example\r\n\r\nHei\r\n');
    expect(unreadableTypeAsPlain(none)).toBe(none);
  });
});
