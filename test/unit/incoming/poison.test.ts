// Hostile replies: anyone in the world can mail the TI inbox, and the inbox reads each reply
// synchronously inside its heartbeating activity. Whatever arrives must be read in bounded
// time (no regular expression may backtrack super-linearly on it) and what travels to the
// journey as the `reply` signal must stay far below Temporal's ~2 MB payload limit.
//
// These tests depend on speed: the bound is ~10x what each case measures on a loaded
// two-CPU machine after the fix (tens of milliseconds), and far below what they took before
// (seconds to minutes, or a thrown SyntaxError for the long boundary).
import { readReply } from '../../../mail/incoming/read';
import { toParsedReply } from '../../../mail/reply-signal';
import { eml, reply } from './helpers';

const MB = 1024 * 1024;
/** Generous: the slowest case measures well under 200 ms after the fix. */
const BOUND_MS = 2_000;
/** What the inbox may put into one `reply` signal, JSON-encoded (Temporal refuses ~2 MB). */
const PAYLOAD_CAP_BYTES = 256 * 1024;

function fill(unit: string, bytes: number): string {
  return unit.repeat(Math.ceil(bytes / unit.length));
}

function mixedWhitespace(bytes: number): string {
  const units = [' ', '\t', '\n', '\r\n', '\u00a0', ' \t ', '\n\n'];
  let out = '';
  for (let i = 0; out.length < bytes; i++) out += units[i % units.length].repeat(1 + (i % 97));
  return out;
}

function nested(levels: number): string {
  let body = 'Hei, vi kommer.\n';
  let type = 'text/plain; charset=utf-8';
  for (let i = 0; i < levels; i++) {
    const b = `b${i}`;
    body = `--${b}\nContent-Type: ${type}\n\n${body}\n--${b}--\n`;
    type = `multipart/mixed; boundary="${b}"`;
  }
  return eml(
    {
      From: 'Kari Nordmann <kari.nordmann@voss.kommune.example>',
      To: 'dolvik@transparency.no',
      Subject: 'SV: Invitasjon [ref. ks-ti-2013/4621]',
      'Message-ID': '<nested@voss.kommune.example>',
      'MIME-Version': '1.0',
      'Content-Type': type,
    },
    body,
  );
}

function longBoundary(length: number): string {
  const b = 'x'.repeat(length);
  return eml(
    {
      From: 'Kari Nordmann <kari.nordmann@voss.kommune.example>',
      To: 'dolvik@transparency.no',
      Subject: 'SV: Invitasjon [ref. ks-ti-2013/4621]',
      'Message-ID': '<boundary@voss.kommune.example>',
      'MIME-Version': '1.0',
      'Content-Type': `multipart/mixed; boundary="${b}"`,
    },
    `--${b}\nContent-Type: text/plain\n\nHei, vi kommer.\n--${b}--\n`,
  );
}

const html = (body: string) =>
  reply(`<html><body><p>Hei</p><p>${body}x</p></body></html>`, {
    'Content-Type': 'text/html; charset=utf-8',
  });

const cases: [string, () => string][] = [
  ['1 MB of spaces', () => reply(`Hei\n\nKari ${fill(' ', MB)}x\nVi kommer.\n\nHilsen\nKari`)],
  ['1 MB of tabs', () => reply(`Hei\n\nKari ${fill('\t', MB)}x\nVi kommer.`)],
  ['1 MB of newlines', () => reply(`Hei\n${fill('\n', MB)}x\nVi kommer.`)],
  ['1 MB of CRLF line ends', () => reply(`Hei\r\n${fill(' \r\n', MB)}x`)],
  ['1 MB of mixed white space', () => reply(`Hei ${mixedWhitespace(MB)}x\nVi kommer.`)],
  ['1 MB of no-break spaces', () => reply(`Kari ${fill('\u00a0', MB)}x\nVi kommer.`)],
  ['"a " repeated to 1 MB', () => reply(fill('a ', MB))],
  ['a 1 MB line of letters, no newline', () => reply(fill('abcdefghij', MB))],
  ['a 1 MB line of underscores', () => reply(fill('_', MB))],
  ['a 1 MB line of dots', () => reply(fill('.', MB))],
  ['a 1 MB line of dashes', () => reply(`Kari ${fill('-', MB)}x`)],
  ['a 1 MB line of "a." (address-like)', () => reply(fill('a.', MB))],
  ['a 1 MB line of "[" (link-like)', () => reply(fill('[', MB))],
  ['a 1 MB line of "* " (list-like)', () => reply(`Kari ${fill('* ', MB)}x`)],
  ['1 MB of "Navn: " (form-like)', () => reply(fill('Navn: ', MB))],
  ['1 MB of quoted "> " lines', () => reply(fill('> ', MB))],
  ['1 MB of spaces in HTML', () => html(fill(' ', MB))],
  ['1 MB of underscores in HTML', () => html(fill('_', MB))],
  ['a 100 KB MIME boundary', () => longBoundary(100 * 1024)],
  ['2,000 nested multiparts', () => nested(2_000)],
  ['a 1 MB subject', () => reply('Hei', { Subject: fill('SV: ', MB) })],
  [
    'a 3 MB plain-text reply',
    () => reply(`Vi melder på Kari Nordmann.\n\n${fill('Lorem ipsum dolor sit amet. ', 3 * MB)}`),
  ],
];

describe('hostile replies are read in bounded time and size (depends on speed)', () => {
  it.each(cases)(`%s: read in under ${BOUND_MS} ms, payload under the cap`, async (_name, make) => {
    const raw = make();
    const started = performance.now();
    const understood = await readReply(raw);
    const payload = toParsedReply(understood);
    const elapsed = performance.now() - started;
    expect(elapsed).toBeLessThan(BOUND_MS);
    // A sane result: the headers read, a kind chosen, plain JSON out.
    expect(understood.from.address).toBe('kari.nordmann@voss.kommune.example');
    expect(understood.messageId).toMatch(/^<.+@.+>$/);
    expect(['registration', 'decline', 'question', 'other', 'auto-reply']).toContain(
      understood.kind,
    );
    expect(Buffer.byteLength(JSON.stringify(payload))).toBeLessThan(PAYLOAD_CAP_BYTES);
  });

  it('says when it read only part of a large reply, and keeps its start', async () => {
    const r = await readReply(
      reply(`Vi melder på Kari Nordmann.\n\n${fill('Lorem ipsum dolor sit amet. ', 3 * MB)}`),
    );
    expect(r.truncated).toBe(true);
    expect(r.text).toContain('Vi melder på Kari Nordmann.');
    expect((await readReply(reply('Vi kommer.'))).truncated).toBe(false);
  });

  it('reads the text of a part under a 100 KB boundary as plain text, without throwing', async () => {
    const r = await readReply(longBoundary(100 * 1024));
    expect(r.kind).not.toBe('bounce');
    expect(typeof r.text).toBe('string');
  });
});
