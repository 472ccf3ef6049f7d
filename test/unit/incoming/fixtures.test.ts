// Every real-format reply in test/fixtures/replies/NAME.eml is read as NAME.expected.json says.
// An expected file lists only the fields that matter for that reply:
//   kind, subject, from (address), fromName, inReplyTo, references, participants, anchored,
//   networkPreference, questions, attendance, bounce, text (exact), textIncludes,
//   textExcludes, returnDate (automatic replies), attachments (filename, contentType[, size]).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describeReply, type UnderstoodReply } from '../../../mail/incoming/understand';
import { readReply } from '../../../mail/incoming/read';
import { FIXTURES, fixture, fixtureNames } from './helpers';

type Expected = Record<string, unknown> & {
  textIncludes?: string[];
  textExcludes?: string[];
  attachments?: { filename: string | null; contentType: string; size?: number }[];
};

const names = fixtureNames();

it('has fixtures of every kind', () => {
  const kinds = new Set(
    names.map(
      (n) =>
        (JSON.parse(readFileSync(path.join(FIXTURES, `${n}.expected.json`), 'utf8')) as Expected)
          .kind,
    ),
  );
  expect([...kinds].sort()).toEqual([
    'auto-reply',
    'bounce',
    'decline',
    'other',
    'question',
    'registration',
  ]);
  expect(names.length).toBeGreaterThanOrEqual(20);
});

describe.each(names)('%s', (name) => {
  const expected = JSON.parse(
    readFileSync(path.join(FIXTURES, `${name}.expected.json`), 'utf8'),
  ) as Expected;
  let reply: UnderstoodReply;
  beforeAll(async () => {
    reply = await readReply(fixture(name));
  });

  for (const [key, value] of Object.entries(expected)) {
    it(key, () => {
      switch (key) {
        case 'from':
          expect(reply.from.address).toBe(value);
          break;
        case 'fromName':
          expect(reply.from.name).toBe(value);
          break;
        case 'textIncludes':
          for (const s of value as string[]) expect(reply.text).toContain(s);
          break;
        case 'textExcludes':
          for (const s of value as string[]) expect(reply.text).not.toContain(s);
          break;
        case 'returnDate':
          expect(reply.autoReply?.returnDate).toBe(value);
          break;
        case 'attachments':
          expect(
            reply.attachments.map((a, i) => ({
              filename: a.filename,
              contentType: a.contentType,
              ...((value as Expected['attachments'])![i]?.size !== undefined
                ? { size: a.size }
                : {}),
            })),
          ).toEqual(value);
          break;
        default:
          expect((reply as unknown as Record<string, unknown>)[key]).toEqual(value);
      }
    });
  }

  it('has the fields the CLI prints, and a description', () => {
    const json = JSON.parse(JSON.stringify(reply));
    for (const field of [
      'kind',
      'text',
      'participants',
      'anchored',
      'networkPreference',
      'messageId',
      'from',
      'subject',
    ]) {
      expect(json).toHaveProperty(field);
    }
    const summary = describeReply(reply);
    expect(summary.split('\n')[0]).toMatch(
      /^(Registration|Decline|Question|Automatic reply|Bounce|Reply) from /,
    );
  });
});
