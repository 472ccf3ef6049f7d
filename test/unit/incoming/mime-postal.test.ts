// The bounds put around the MIME library (mail/incoming/mime-postal.ts, issue 14): what it is
// handed, and what comes back of a message it is not handed whole. Everything else it reads
// is measured through readReply by the corpus, fixture and fuzz tests.
import { boundMessage, parseMimeAsync } from '../../../mail/incoming/mime-postal';
import { readReply } from '../../../mail/incoming/read';
import { MAX_MESSAGE_BYTES, MAX_MESSAGE_LINES, MAX_PARTS } from '../../../mail/incoming/limits';

/** Per message, as in fuzz.test.ts. */
const BOUND_MS = 10_000;

describe('bounds before the library', () => {
  it('keeps at most 100 blank lines in a row, and the words after them', () => {
    const raw = `From: a@b.example\r\n\r\nHei${' \t\r\n'.repeat(5000)}Vi kommer.\r\n`;
    const { bytes, cut } = boundMessage(raw);
    const text = bytes.toString('utf8');
    expect(text.split('\n').length).toBeLessThan(110);
    expect(text).toContain('Vi kommer.');
    expect(cut).toBe(false);
  });

  it('hands it at most MAX_MESSAGE_BYTES', () => {
    const big = Buffer.alloc(MAX_MESSAGE_BYTES + 10, 0x61);
    const { bytes, cut } = boundMessage(big);
    expect(bytes.length).toBe(MAX_MESSAGE_BYTES);
    expect(cut).toBe(true);
  });

  // Blank lines are collapsed before (the test above); a million lines of one letter are not.
  it(`hands it at most MAX_MESSAGE_LINES lines: 2 MB of one-letter lines is read in under ${BOUND_MS} ms (was 14 s)`, async () => {
    const raw = `From: a@b.example\r\nContent-Type: text/plain\r\n\r\nVi kommer.\n${'a\n'.repeat(1_000_000)}`;
    expect(boundMessage(raw).bytes.toString().split('\n').length - 1).toBe(MAX_MESSAGE_LINES);
    const started = performance.now();
    const mime = await parseMimeAsync(raw);
    expect(performance.now() - started).toBeLessThan(BOUND_MS);
    expect(mime.text?.startsWith('Vi kommer.')).toBe(true);
    expect(mime.truncated.text).toBe(true);
  });

  it(`cuts before the line that would open part ${MAX_PARTS + 1}`, async () => {
    const parts = Array.from(
      { length: MAX_PARTS + 50 },
      (_, i) => `--b\r\nContent-Type: text/plain\r\n\r\ndel ${i}\r\n`,
    );
    const raw = `From: a@b.example\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n${parts.join('')}--b--\r\n`;
    const { bytes, cut } = boundMessage(raw);
    expect(cut).toBe(true);
    expect(bytes.toString().split('\n--b').length - 1).toBe(MAX_PARTS);
    const mime = await parseMimeAsync(raw);
    expect(mime.text).toContain(`del ${MAX_PARTS - 1}`);
    expect(mime.text).not.toContain(`del ${MAX_PARTS}`);
    expect(mime.truncated.text).toBe(true);
  });

  it('reads only the headers of a message nested past the depth bound, and says it was cut', async () => {
    let body = 'Vi kommer.';
    for (let i = 0; i < 40; i++)
      body = `Content-Type: multipart/mixed; boundary=b${i}\r\n\r\n--b${i}\r\n${body}\r\n--b${i}--`;
    const mime = await parseMimeAsync(`From: a@b.example\r\n${body}`);
    expect(mime.text).toBeNull();
    expect(mime.from?.address).toBe('a@b.example');
    expect(mime.truncated.text).toBe(true);
    // …so the inbox sends it to review as read in part, not as an empty reply.
    expect((await readReply(`From: a@b.example\r\n${body}`)).truncated).toBe(true);
  });
});
