// Small builders for raw messages in tests.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

export const FIXTURES = path.resolve(__dirname, '../../fixtures/replies');

/** A raw RFC 5322 message from header lines and a body (LF line endings). */
export function eml(headers: Record<string, string>, body: string): string {
  const head = Object.entries(headers)
    .map(([k, v]) => `${k}: ${v}`)
    .join('\n');
  return `${head}\n\n${body}`;
}

/** A plain-text reply from a municipality, with the usual headers. */
export function reply(body: string, extra: Record<string, string> = {}): string {
  return eml(
    {
      From: 'Kari Nordmann <kari.nordmann@voss.kommune.example>',
      To: 'Tor Dølvik <dolvik@transparency.no>',
      Subject:
        'SV: Invitasjon til å delta i korrupsjonsforebyggende nettverk [ref. ks-ti-2013/4621]',
      Date: 'Tue, 14 May 2013 13:47:02 +0200',
      'Message-ID': '<reply-1@voss.kommune.example>',
      'In-Reply-To': '<nv.ks-ti-2013.4621.invitation@transparency.no>',
      'MIME-Version': '1.0',
      'Content-Type': 'text/plain; charset=utf-8',
      'Content-Transfer-Encoding': '8bit',
      ...extra,
    },
    body,
  );
}

export function fixtureNames(): string[] {
  return readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.eml'))
    .map((f) => f.replace(/\.eml$/, ''))
    .sort();
}

export function fixture(name: string): Buffer {
  return readFileSync(path.join(FIXTURES, `${name}.eml`));
}
