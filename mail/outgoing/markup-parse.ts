// Parsing the template markup (see markup.ts) into blocks and inline runs: headings, paragraphs,
// lists, tables, quotes, rules; bold, links, escapes; value placeholders resolved to their text.
import {
  BREAK,
  CLOSE,
  GLUE_VALUES_UP_TO,
  GLUED,
  OPEN,
  resolveTokens,
  valueAt,
  type Block,
  type Inline,
  type ListBlock,
  type ListItem,
} from './markup';

const HEADING = /^(#{1,3})\s+(.*?)\s*$/;
const RULE = /^\s*(?:-{3,}|\*{3,}|_{3,})\s*$/;
const ITEM = /^( *)(?:([-*•])|(\d{1,3})[.)])\s+(.*)$/;
const TABLE = /^\s*\|/;
const TABLE_SEPARATOR = /^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$/;
const QUOTE = /^\s*>\s?(.*)$/;

/** Parses markup (with value placeholders) into blocks. */
export function parseMarkup(source: string, values: readonly string[]): Block[] {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let para: string[] | null = null;
  let quote: string[] | null = null;
  let table: { rows: string[][]; headed: boolean } | null = null;
  let list: { block: ListBlock; baseIndent: number; last: ListItem } | null = null;
  // Items whose text is still being collected, so continuation lines can join them.
  const pendingItems: { item: ListItem; lines: string[] }[] = [];

  const inline = (s: string) => parseInline(s, values);
  const flushItems = () => {
    for (const p of pendingItems) p.item.c = inline(joinLines(p.lines));
    pendingItems.length = 0;
  };
  const close = () => {
    if (para) blocks.push({ t: 'paragraph', c: inline(joinLines(para)) });
    if (quote) blocks.push({ t: 'quote', c: inline(quote.join(BREAK)) });
    if (table) {
      const cells = table.rows.map((r) => r.map((c) => inline(c)));
      blocks.push(
        table.headed
          ? { t: 'table', head: cells[0], rows: cells.slice(1) }
          : { t: 'table', head: null, rows: cells },
      );
    }
    if (list) {
      flushItems();
      blocks.push(list.block);
    }
    para = quote = table = list = null;
  };

  for (const raw of lines) {
    const line = raw.replace(/\s+$/, '');
    if (line.trim() === '') {
      close();
      continue;
    }
    const item = ITEM.exec(line);
    if (item) {
      const indent = item[1].length;
      const ordered = item[3] !== undefined;
      const start = ordered ? Number(item[3]) : 1;
      const entry = { item: { c: [], sub: null } as ListItem, lines: [item[4]] };
      if (list && indent >= list.baseIndent + 2) {
        // A sub-item of the last top-level item.
        const parent = list.last;
        if (!parent.sub) parent.sub = { t: 'list', ordered, start, items: [] };
        parent.sub.items.push(entry.item);
      } else {
        if (!list || list.block.ordered !== ordered) {
          close();
          list = {
            block: { t: 'list', ordered, start, items: [] },
            baseIndent: indent,
            last: entry.item,
          };
        }
        list.block.items.push(entry.item);
        list.last = entry.item;
      }
      pendingItems.push(entry);
      continue;
    }
    if (list && ![HEADING, RULE, TABLE, QUOTE].some((re) => re.test(line))) {
      // A continuation of the last item (indented or not).
      pendingItems[pendingItems.length - 1].lines.push(line.trim());
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      close();
      blocks.push({
        t: 'heading',
        level: heading[1].length as 1 | 2 | 3,
        c: inline(heading[2]),
      });
      continue;
    }
    if (RULE.test(line)) {
      close();
      blocks.push({ t: 'rule' });
      continue;
    }
    if (TABLE.test(line)) {
      if (!table) {
        close();
        table = { rows: [], headed: false };
      }
      if (TABLE_SEPARATOR.test(line)) {
        if (table.rows.length === 1 && !table.headed) table.headed = true;
        continue;
      }
      table.rows.push(splitRow(line));
      continue;
    }
    const q = QUOTE.exec(line);
    if (q) {
      if (!quote) {
        close();
        quote = [];
      }
      quote.push(q[1]);
      continue;
    }
    if (!para) {
      close();
      para = [];
    }
    para.push(line.trim());
  }
  close();
  return blocks;
}

/** Joins paragraph lines: a soft break becomes a space, a trailing `\` a line break. */
function joinLines(lines: string[]): string {
  let out = '';
  lines.forEach((line, i) => {
    const hard = /(^|[^\\])(\\\\)*\\$/.test(line);
    const text = hard ? line.slice(0, -1).trimEnd() : line;
    out += text;
    if (i < lines.length - 1) out += hard ? BREAK : ' ';
  });
  return out;
}

function splitRow(line: string): string[] {
  const cells: string[] = [];
  let cur = '';
  const s = line.trim().replace(/^\|/, '');
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '\\' && s[i + 1] === '|') {
      cur += '\\|';
      i++;
    } else if (c === '|') {
      cells.push(cur.trim());
      cur = '';
    } else {
      cur += c;
    }
  }
  if (cur.trim() !== '') cells.push(cur.trim());
  return cells;
}

const ESCAPABLE = /[\\*[\]()<>|#_\-`!.>]/;
const AUTOLINK = /^<((?:https?:\/\/|mailto:)[^<>\s]*)>/i;
const SAFE_HREF = /^(?:https?:\/\/[^\s]+|mailto:[^\s]+)$/i;

/** Parses inline markup; placeholders become text, value line breaks become breaks. */
export function parseInline(s: string, values: readonly string[]): Inline[] {
  const out: Inline[] = [];
  let buf = '';
  const flush = () => {
    if (buf === '') return;
    buf.split(BREAK).forEach((part, i) => {
      if (i > 0) out.push({ t: 'br' });
      if (part !== '') out.push({ t: 'text', s: part });
    });
    buf = '';
  };
  for (let i = 0; i < s.length;) {
    const c = s[i];
    if (c === '\\' && i + 1 < s.length && ESCAPABLE.test(s[i + 1])) {
      buf += s[i + 1];
      i += 2;
      continue;
    }
    if (c === OPEN) {
      const end = s.indexOf(CLOSE, i);
      const value = valueAt(values, Number(s.slice(i + 1, end))).replace(/\r\n?/g, '\n');
      buf +=
        value.length <= GLUE_VALUES_UP_TO && !value.includes('\n')
          ? value.replace(/ /g, GLUED)
          : value.replace(/\n/g, BREAK);
      i = end + 1;
      continue;
    }
    if (c === '*' && s[i + 1] === '*') {
      const end = s.indexOf('**', i + 2);
      if (end > i + 2) {
        flush();
        out.push({ t: 'strong', c: parseInline(s.slice(i + 2, end), values) });
        i = end + 2;
        continue;
      }
    }
    if (c === '[') {
      const link = matchLink(s, i);
      if (link) {
        flush();
        const href = resolveTokens(link.href, values).trim();
        const label = parseInline(link.label, values);
        out.push(...linkOrText(href, label));
        i = link.end;
        continue;
      }
    }
    if (c === '<') {
      const m = AUTOLINK.exec(s.slice(i));
      if (m) {
        flush();
        const href = resolveTokens(m[1], values);
        const shown = href.replace(/^mailto:/i, '');
        out.push(...linkOrText(href, [{ t: 'text', s: shown }]));
        i += m[0].length;
        continue;
      }
    }
    buf += c;
    i++;
  }
  flush();
  return out;
}

function linkOrText(href: string, label: Inline[]): Inline[] {
  if (SAFE_HREF.test(href)) return [{ t: 'link', href, c: label }];
  // Never a link to anything but the web or mail: show the target as text instead.
  return [...label, { t: 'text', s: ` (${href})` }];
}

function matchLink(s: string, i: number): { label: string; href: string; end: number } | null {
  let depth = 0;
  for (let j = i; j < s.length; j++) {
    if (s[j] === '\\') {
      j++;
      continue;
    }
    if (s[j] === '[') depth++;
    if (s[j] === ']' && --depth === 0) {
      if (s[j + 1] !== '(') return null;
      const close = s.indexOf(')', j + 2);
      if (close < 0) return null;
      return { label: s.slice(i + 1, j), href: s.slice(j + 2, close), end: close + 1 };
    }
  }
  return null;
}
