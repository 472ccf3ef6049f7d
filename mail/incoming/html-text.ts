// HTML mail → plain text, for the many replies (Outlook, Outlook on the web) that carry
// no text/plain part. Paragraphs and line breaks become lines, table rows become lines
// with their cells separated by " | " (so a table of participants survives), blockquotes
// become "> " quotes, and the places where clients start the quoted history are noted.
import { Parser } from 'htmlparser2';

export interface HtmlText {
  text: string;
  /**
   * Offset in `text` where the quoted history begins, when the HTML says so: Outlook's
   * `divRplyFwdMsg` / `appendonsend` / `border-top:solid #E1E1E1` header, Gmail's
   * `gmail_quote`, Apple Mail's and Thunderbird's `blockquote type=cite` and
   * `moz-cite-prefix`, Yahoo's `yahoo_quoted`, new Outlook's reference container.
   */
  quoteAt: number | null;
  /** Which marker set `quoteAt`. */
  quoteMarker: string | null;
}

/** The line Outlook itself writes above a quoted header in plain text. */
export const OUTLOOK_RULE = '________________________________';

const SKIP = new Set(['head', 'style', 'script', 'title', 'xml', 'template', 'noscript']);
const BLOCK = new Set([
  'p',
  'div',
  'section',
  'article',
  'header',
  'footer',
  'main',
  'aside',
  'nav',
  'address',
  'center',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'pre',
  'ul',
  'ol',
  'dl',
  'dt',
  'dd',
  'li',
  'table',
  'tbody',
  'thead',
  'tfoot',
  'caption',
  'form',
  'fieldset',
  'figure',
  'figcaption',
  'hr',
  'blockquote',
]);

interface Sink {
  lines: string[];
  cur: string;
  /** The current paragraph saw only white space (an Outlook `<p>&nbsp;</p>`). */
  sawSpace: boolean;
}

interface TableState {
  rows: string[][][]; // rows → cells → lines
  row: string[][] | null;
}

/** Which quote marker an element is, if any (attributes lower-cased by the parser). */
export function quoteMarkerOf(name: string, attrs: Record<string, string>): string | null {
  const id = (attrs.id ?? '').toLowerCase();
  const cls = ` ${(attrs.class ?? '').toLowerCase()} `;
  const style = (attrs.style ?? '').toLowerCase().replace(/\s+/g, ' ');
  if (/^(x_)*divrplyfwdmsg$/.test(id)) return 'divRplyFwdMsg';
  if (/^(x_)*appendonsend$/.test(id)) return 'appendonsend';
  if (/^(x_)*mail-editor-reference-message-container$/.test(id))
    return 'reference-message-container';
  if (/^(x_)*olk_src_body_section$/.test(id)) return 'OLK_SRC_BODY_SECTION';
  if (/ (x_)*gmail_quote /.test(cls) || / (x_)*gmail_quote_container /.test(cls))
    return 'gmail_quote';
  if (/ (x_)*moz-cite-prefix /.test(cls)) return 'moz-cite-prefix';
  if (/ (x_)*moz-forward-container /.test(cls)) return 'moz-forward-container';
  if (/ (x_)*yahoo_quoted /.test(cls) || /^(x_)*yahoo_quoted/.test(id)) return 'yahoo_quoted';
  if (/ (x_)*protonmail_quote /.test(cls)) return 'protonmail_quote';
  if (/ (x_)*outlookmessageheader /.test(cls)) return 'OutlookMessageHeader';
  if (name === 'blockquote' && (attrs.type ?? '').toLowerCase() === 'cite')
    return 'blockquote-cite';
  if (/border-top: ?solid #(e1e1e1|b5c4df)/.test(style)) return 'outlook-border-top';
  return null;
}

export function htmlToText(html: string): HtmlText {
  const root: Sink = { lines: [], cur: '', sawSpace: false };
  const sinks: Sink[] = [root];
  const tables: TableState[] = [];
  const tagStack: { name: string; marker: string | null }[] = [];
  let skipDepth = 0;
  let preDepth = 0;
  let quoteDepth = 0;
  let quoteLine: number | null = null;
  let quoteMarker: string | null = null;
  const listCounters: (number | null)[] = [];

  const sink = () => sinks[sinks.length - 1];
  const prefix = () => (sinks.length === 1 && quoteDepth > 0 ? '> '.repeat(quoteDepth) : '');

  const pushLine = (s: Sink, line: string) => {
    s.lines.push(line.replace(/[ \t]+$/, ''));
  };
  const flush = (force = false) => {
    const s = sink();
    const content = s.cur.replace(/[ \t]+$/, '');
    if (content || force) pushLine(s, prefix() + content);
    s.cur = '';
    s.sawSpace = false;
  };
  const write = (text: string) => {
    const s = sink();
    if (preDepth > 0) {
      const parts = text.replace(/\r\n?/g, '\n').split('\n');
      parts.forEach((part, i) => {
        if (i > 0) flush(true);
        s.cur += part;
      });
      return;
    }
    if (/^[\s\u00a0]+$/.test(text)) {
      if (text.includes('\u00a0')) s.sawSpace = true;
      if (s.cur && !s.cur.endsWith(' ')) s.cur += ' ';
      return;
    }
    let t = text.replace(/[\s\u00a0]+/g, ' ');
    if (!s.cur) t = t.replace(/^ /, '');
    else if (s.cur.endsWith(' ') && t.startsWith(' ')) t = t.slice(1);
    s.cur += t;
  };
  const markQuote = (marker: string) => {
    if (quoteLine !== null) return;
    flush();
    quoteLine = root.lines.length;
    quoteMarker = marker;
  };

  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (skipDepth > 0 || SKIP.has(name)) {
          if (SKIP.has(name)) skipDepth++;
          tagStack.push({ name, marker: null });
          return;
        }
        const marker = quoteMarkerOf(name, attrs);
        tagStack.push({ name, marker });
        if (marker) {
          markQuote(marker);
          if (
            marker === 'divRplyFwdMsg' ||
            marker === 'outlook-border-top' ||
            marker === 'OutlookMessageHeader' ||
            marker === 'reference-message-container'
          ) {
            const s = sink();
            const last = s.lines[s.lines.length - 1];
            if (last !== OUTLOOK_RULE) {
              flush();
              pushLine(s, OUTLOOK_RULE);
            }
          }
        }
        switch (name) {
          case 'br':
            flush(true);
            return;
          case 'hr':
            flush();
            pushLine(sink(), prefix() + OUTLOOK_RULE);
            return;
          case 'blockquote':
            flush();
            quoteDepth++;
            return;
          case 'pre':
            flush();
            preDepth++;
            return;
          case 'ol':
            flush();
            listCounters.push(Number(attrs.start ?? 1) || 1);
            return;
          case 'ul':
            flush();
            listCounters.push(null);
            return;
          case 'li': {
            flush();
            const counter = listCounters[listCounters.length - 1];
            if (typeof counter === 'number') {
              sink().cur = `${counter}. `;
              listCounters[listCounters.length - 1] = counter + 1;
            } else sink().cur = '- ';
            return;
          }
          case 'table':
            flush();
            tables.push({ rows: [], row: null });
            return;
          case 'tr': {
            const t = tables[tables.length - 1];
            if (t) t.row = [];
            return;
          }
          case 'td':
          case 'th':
            if (tables.length) sinks.push({ lines: [], cur: '', sawSpace: false });
            return;
          case 'img':
            return;
        }
        if (BLOCK.has(name)) flush();
      },
      ontext(text) {
        if (skipDepth > 0) return;
        write(text);
      },
      onclosetag(name) {
        const open = tagStack.pop();
        if (skipDepth > 0) {
          if (SKIP.has(name)) skipDepth--;
          return;
        }
        void open;
        switch (name) {
          case 'blockquote':
            flush();
            quoteDepth = Math.max(0, quoteDepth - 1);
            return;
          case 'pre':
            flush();
            preDepth = Math.max(0, preDepth - 1);
            return;
          case 'ol':
          case 'ul':
            flush();
            listCounters.pop();
            return;
          case 'td':
          case 'th': {
            if (!tables.length || sinks.length === 1) return;
            flush();
            const cell = sinks.pop()!;
            const t = tables[tables.length - 1];
            (t.row ??= []).push(cell.lines.map((l) => l.trim()).filter((l) => l));
            return;
          }
          case 'tr': {
            const t = tables[tables.length - 1];
            if (t && t.row) {
              t.rows.push(t.row);
              t.row = null;
            }
            return;
          }
          case 'table': {
            const t = tables.pop();
            if (!t) return;
            if (t.row) t.rows.push(t.row);
            flush();
            for (const row of t.rows) {
              const cells = row.filter((c) => c.length);
              if (!cells.length) continue;
              if (cells.length === 1) {
                // A layout cell: keep its lines as they are.
                for (const line of cells[0]) pushLine(sink(), prefix() + line);
              } else {
                pushLine(sink(), prefix() + cells.map((c) => c.join(' ')).join(' | '));
              }
            }
            return;
          }
          case 'p': {
            const s = sink();
            if (!s.cur.trim() && s.sawSpace) flush(true);
            else flush();
            return;
          }
        }
        if (BLOCK.has(name)) flush();
      },
    },
    {
      decodeEntities: true,
      lowerCaseTags: true,
      lowerCaseAttributeNames: true,
      recognizeSelfClosing: true,
    },
  );
  parser.write(html);
  parser.end();
  // Unclosed cells and tables (broken HTML): fold what they hold back into the text.
  while (sinks.length > 1) {
    flush();
    const cell = sinks.pop()!;
    for (const line of cell.lines) pushLine(sink(), line);
  }
  flush();

  // Tidy: no more than one blank line in a row, none at the ends.
  const lines: string[] = [];
  let quoteAtLine: number | null = null;
  root.lines.forEach((line, i) => {
    if (i === quoteLine) quoteAtLine = lines.length;
    const blank = line.trim() === '' || /^(> ?)+$/.test(line.trim());
    if (blank && (lines.length === 0 || lines[lines.length - 1].trim() === '')) return;
    lines.push(blank && !line.startsWith('>') ? '' : line);
  });
  if (quoteLine !== null && quoteAtLine === null) quoteAtLine = lines.length;
  while (lines.length && lines[lines.length - 1].trim() === '') lines.pop();
  const text = lines.join('\n');
  let quoteAt: number | null = null;
  if (quoteAtLine !== null) {
    quoteAt = Math.min(
      text.length,
      lines.slice(0, quoteAtLine).join('\n').length + (quoteAtLine > 0 ? 1 : 0),
    );
  }
  return { text, quoteAt, quoteMarker };
}
