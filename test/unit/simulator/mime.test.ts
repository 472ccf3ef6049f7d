// The hand-written MIME reads back as written: quoted-printable in windows-1252, Latin-1
// format=flowed, RFC 2047 words in three charsets, folded headers; and the gathering's start
// is read from the calendar invitation our attendance request carries.
import { decodeEncodedWords, parseMime } from '../../../mail/incoming/mime';
import { gatheringStart } from '../../../demo/simulator';
import {
  encodeText,
  encodeWords,
  flowed,
  headerBlock,
  quotedPrintable,
  rfc5322Date,
} from '../../../demo/simulator/mime';
import { planAll } from '../../../demo/simulator/plan';
import { demoMunicipalities, ourMail } from './helpers';

const NORWEGIAN = 'Påmelding – «Beskytt kommunen!» for Ørsta, Bærum og Tromsø: æøå ÆØÅ … “sitat” €';

describe('encoders', () => {
  it('windows-1252 keeps the typographic characters Latin-1 lacks', () => {
    expect([...encodeText('–«»…€', 'windows-1252')]).toEqual([0x96, 0xab, 0xbb, 0x85, 0x80]);
    expect(encodeText('– “x” €', 'iso-8859-1').toString('latin1')).toBe('- "x" EUR');
  });

  it('quoted-printable lines stay within 76 columns and decode to the text', () => {
    const text = `${NORWEGIAN} ${'lang linje '.repeat(20)}\nlinje med mellomrom på slutten   \n=likhetstegn`;
    for (const charset of ['utf-8', 'windows-1252'] as const) {
      const qp = quotedPrintable(text, charset);
      for (const line of qp.split('\r\n')) expect(line.length).toBeLessThanOrEqual(76);
      const raw = `Content-Type: text/plain; charset="${charset}"\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n${qp}`;
      expect(parseMime(raw).text?.replace(/\r\n/g, '\n')).toBe(text);
    }
  });

  it('encoded words decode to the subject, folded under 78 columns', () => {
    const subject = `SV: Invitasjon til å delta i korrupsjonsførebyggjande nettverk [ref. ks-ti-2013/1520]`;
    for (const charset of ['utf-8', 'iso-8859-1'] as const) {
      for (const mode of ['Q', 'B'] as const) {
        const encoded = encodeWords(subject, charset, mode);
        for (const line of encoded.split('\r\n')) expect(line.length).toBeLessThanOrEqual(77);
        expect(decodeEncodedWords(encoded.replace(/\r\n/g, ''))).toBe(subject);
      }
    }
    expect(
      headerBlock([['Subject', encodeWords(subject, 'utf-8')]]).split('\r\n').length,
    ).toBeGreaterThan(1);
  });

  it('format=flowed wraps long lines with a trailing space and keeps the signature separator', () => {
    const text = `${'ord '.repeat(40).trim()}\n\n-- \nKari Nordmann\n> ${'sitert '.repeat(20).trim()}`;
    const out = flowed(text);
    const lines = out.split('\n');
    expect(lines.filter((l) => !l.startsWith('>')).every((l) => l.length <= 73)).toBe(true);
    expect(lines).toContain('-- ');
    const raw = `Content-Type: text/plain; charset=ISO-8859-1; format=flowed\r\nContent-Transfer-Encoding: 8bit\r\n\r\n${out.replace(/\n/g, '\r\n')}`;
    expect(parseMime(Buffer.from(raw, 'latin1')).text).toContain('ord '.repeat(40).trim());
  });

  it('dates in Oslo time, summer and winter, or in UTC as Exchange writes them', () => {
    expect(rfc5322Date('2013-04-23T07:00:00.000Z')).toBe('Tue, 23 Apr 2013 09:00:00 +0200');
    expect(rfc5322Date('2013-11-12T08:30:00.000Z')).toBe('Tue, 12 Nov 2013 09:30:00 +0100');
    expect(rfc5322Date('2013-04-23T07:00:00.000Z', 'utc')).toBe('Tue, 23 Apr 2013 07:00:00 +0000');
  });
});

describe('the gathering’s start, from the request’s calendar invitation', () => {
  it('reads DTSTART in Oslo time', async () => {
    const plan = planAll(demoMunicipalities)[0];
    const mail = await ourMail(plan, 'attendance-request', {
      step: 'g1-attendance-request-1',
      gathering: 1,
    });
    expect(gatheringStart(mail.mime)).toBe('2013-06-18T09:30:00.000Z');
    const invitation = await ourMail(plan, 'invitation', { step: 'invitation' });
    expect(gatheringStart(invitation.mime)).toBeNull();
  });
});
