// How much of a message the reader looks at. Anyone in the world can mail the TI inbox, and
// the inbox reads each message synchronously inside one heartbeating activity: a reply must
// never take long to read, however large or strange it is. The regular expressions are
// written to run in linear time, and these caps bound that time (and what the reading
// hands on) whatever slips through.

/**
 * Characters of a text body (or of the text an HTML body renders to) that are read. The
 * longest reply in the fixtures and corpora is 8 KB including its quoted history; 128 KB
 * keeps long threads whole while every reading stays in milliseconds. A reply cut here is
 * marked `truncated` and goes to a person (the review folder) instead of its journey.
 */
export const MAX_TEXT_CHARS = 128 * 1024;

/**
 * Characters of one line that are read. People's lines (a paragraph that Outlook or
 * format=flowed leaves on one line) stay well under 1,000 characters; the longest in the
 * corpora is 753. A line past this is not typed prose, and its tail is dropped.
 */
export const MAX_LINE_CHARS = 4_000;

/** Characters of an HTML body handed to the HTML parser (Outlook's styled threads are large). */
export const MAX_HTML_CHARS = 1024 * 1024;

/**
 * Characters of one header field's value. RFC 5322 lines stop at 998; a long References
 * chain of a thread stays far under this.
 */
export const MAX_HEADER_CHARS = 64 * 1024;

/** RFC 2046 allows 70 characters in a MIME boundary; anything longer is not a boundary. */
export const MAX_BOUNDARY_CHARS = 200;

/** MIME parts read in one message: replies have a handful, a digest a few dozen. */
export const MAX_PARTS = 500;

/** How deep MIME parts nest: a reply has two or three levels (mixed, alternative, related). */
export const MAX_MIME_DEPTH = 12;

/**
 * Bytes of a message handed to the MIME library. The reader reads at most 128 KB of text and
 * 1 MB of HTML; the rest of a message is attachments, which are only noted. A message cut
 * here is marked truncated (a person reads it).
 */
export const MAX_MESSAGE_BYTES = 8 * 1024 * 1024;

/**
 * Lines of a message handed to the MIME library. postal-mime 4.0.0 keeps each line of a
 * plain or quoted-printable part as a piece of a Blob, about 11 µs a line on a 2-CPU machine:
 * a 2 MB message of empty lines took 14 s. A reply has a few hundred lines; a 5 MB attachment
 * in base64 about 70,000. Cut here (about a second), a message is marked truncated.
 */
export const MAX_MESSAGE_LINES = 100_000;

/** Header bytes of all a message's parts together (postal-mime's `maxHeadersSize`). */
export const MAX_HEADERS_BYTES = 1024 * 1024;

/** A text cut to at most `maxChars` characters and `maxLine` characters a line. */
export function boundText(
  text: string,
  maxChars = MAX_TEXT_CHARS,
  maxLine = MAX_LINE_CHARS,
): { text: string; truncated: boolean } {
  let truncated = false;
  let out = text;
  if (out.length > maxChars) {
    out = out.slice(0, maxChars);
    truncated = true;
  }
  // Only split when some line is too long: most text passes through untouched.
  let start = 0;
  let longLine = false;
  while (start <= out.length) {
    const end = out.indexOf('\n', start);
    const stop = end < 0 ? out.length : end;
    if (stop - start > maxLine) {
      longLine = true;
      break;
    }
    if (end < 0) break;
    start = end + 1;
  }
  if (longLine) {
    out = out
      .split('\n')
      .map((line) => (line.length > maxLine ? line.slice(0, maxLine) : line))
      .join('\n');
    truncated = true;
  }
  return { text: out, truncated };
}
