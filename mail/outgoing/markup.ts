// The small markup every template is written in, rendered to plain text and to HTML.
//
// Blocks, separated by blank lines:
//   # Heading, ## Heading, ### Heading
//   a paragraph: lines are joined; a line ending in `\` keeps its line break
//   - bullet item (`*` also works); indent by two spaces for a sub-list
//   1. numbered item
//   | key | value |          a table; a row `|---|---|` under the first row makes it a header
//   > quoted text            line breaks are kept
//   ---                      a horizontal rule
// Inline: **bold**, [label](https://…), <https://…>, and `\` before a special character to
// write it literally (`\*`, `\[`, `\|`, `\\`).
//
// Values from the mail's data never reach this parser as text: the template engine hands
// them over as placeholders (see `valueToken`), so a participant named `**x**` or
// `<script>` is always shown exactly as written, raw in text and escaped in HTML.

import { escapeAttribute, escapeText } from 'entities';

export type Inline =
  | { t: 'text'; s: string }
  | { t: 'strong'; c: Inline[] }
  | { t: 'link'; href: string; c: Inline[] }
  | { t: 'br' };

export interface ListItem {
  c: Inline[];
  sub: ListBlock | null;
}
export interface ListBlock {
  t: 'list';
  ordered: boolean;
  start: number;
  items: ListItem[];
}
export type Block =
  | { t: 'heading'; level: 1 | 2 | 3; c: Inline[] }
  | { t: 'paragraph'; c: Inline[] }
  | ListBlock
  | { t: 'table'; head: Inline[][] | null; rows: Inline[][][] }
  | { t: 'quote'; c: Inline[] }
  | { t: 'rule' };

const OPEN = '\uE000';
const CLOSE = '\uE001';
const BREAK = '\uE002';
/** A space inside a short value (a name, a date): the text part does not break lines there. */
const GLUED = '\uE003';
const TOKEN = /\uE000(\d+)\uE001/g;
const PRIVATE = /[\uE000-\uE003]/g;
/** Values up to this long are kept on one line in the text part. */
const GLUE_VALUES_UP_TO = 30;

/** The placeholder for value number `index`: atomic for the parser, no markup characters. */
export function valueToken(index: number): string {
  return `${OPEN}${index}${CLOSE}`;
}

/** Removes the private characters the renderer uses, so no value can forge a placeholder. */
export function stripPrivate(s: string): string {
  return s.replace(PRIVATE, '');
}

/** Replaces placeholders by their raw values (for subjects, link targets, calendar text). */
export function resolveTokens(s: string, values: readonly string[]): string {
  return s.replace(TOKEN, (_, i: string) => valueAt(values, Number(i)));
}

function valueAt(values: readonly string[], i: number): string {
  const v = values[i];
  if (v === undefined) throw new Error(`markup: unknown value placeholder ${i}`);
  return v;
}

// ---------------------------------------------------------------------------------------------
// Parsing

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

// ---------------------------------------------------------------------------------------------
// Plain text

/** Display width of a string (code points; Norwegian text has no wide characters). */
function width(s: string): number {
  return [...s].length;
}

export function inlineToText(c: Inline[]): string {
  return c
    .map((n) => {
      switch (n.t) {
        case 'text':
          return n.s;
        case 'br':
          return '\n';
        case 'strong':
          return inlineToText(n.c);
        case 'link': {
          const label = inlineToText(n.c);
          const target = n.href.replace(/^mailto:/i, '');
          const plain = label.replace(/\uE003/g, ' ');
          return plain === target || plain === n.href ? label : `${label} (${target})`;
        }
      }
    })
    .join('');
}

// Words after which a line must not break: «kl. 11.30», «18. juni», «1. samling».
const GLUE = /^(?:kl\.|nr\.|tlf\.|\d{1,2}\.)$/;

/** Wraps text at `max` columns; `first` and `rest` prefix the first and later lines. */
export function wrap(text: string, max: number, first = '', rest = first): string[] {
  const out: string[] = [];
  let prefix = first;
  for (const hardLine of text.split('\n')) {
    const words = hardLine.split(' ').filter((w) => w !== '');
    const units: string[] = [];
    for (const w of words) {
      const prev = units[units.length - 1];
      if (prev !== undefined && GLUE.test(prev.split(' ').pop() ?? '')) {
        units[units.length - 1] = `${prev} ${w}`;
      } else units.push(w);
    }
    let line = '';
    for (const u of units) {
      if (line === '') line = u;
      else if (width(prefix) + width(line) + 1 + width(u) <= max) line += ` ${u}`;
      else {
        out.push(prefix + line);
        prefix = rest;
        line = u;
      }
    }
    out.push(prefix + line);
    prefix = rest;
  }
  return out.map((l) => l.trimEnd().replace(/\uE003/g, ' '));
}

export function renderText(blocks: Block[], max = 72): string {
  const parts: string[] = [];
  for (const b of blocks) {
    switch (b.t) {
      case 'heading': {
        const lines = wrap(inlineToText(b.c).replace(/\n/g, ' '), max);
        const underline = b.level === 1 ? '=' : b.level === 2 ? '-' : '';
        const widest = Math.max(...lines.map(width));
        parts.push([...lines, ...(underline ? [underline.repeat(widest)] : [])].join('\n'));
        break;
      }
      case 'paragraph':
        parts.push(wrap(inlineToText(b.c), max).join('\n'));
        break;
      case 'list':
        parts.push(listToText(b, max, '').join('\n'));
        break;
      case 'table':
        parts.push(tableToText(b.head, b.rows, max));
        break;
      case 'quote':
        parts.push(wrap(inlineToText(b.c), max, '> ').join('\n'));
        break;
      case 'rule':
        parts.push('-'.repeat(Math.min(max, 40)));
        break;
    }
  }
  return parts.join('\n\n');
}

function listToText(list: ListBlock, max: number, indent: string): string[] {
  const lines: string[] = [];
  const markers = list.items.map((_, i) => (list.ordered ? `${list.start + i}. ` : '- '));
  const markerWidth = Math.max(...markers.map(width));
  list.items.forEach((item, i) => {
    const marker = markers[i].padEnd(markerWidth);
    lines.push(
      ...wrap(inlineToText(item.c), max, indent + marker, indent + ' '.repeat(markerWidth)),
    );
    if (item.sub) lines.push(...listToText(item.sub, max, indent + ' '.repeat(markerWidth)));
  });
  return lines;
}

function tableToText(head: Inline[][] | null, rows: Inline[][][], max: number): string {
  const cell = (c: Inline[] | undefined) => (c ? inlineToText(c).replace(/\n/g, ' ') : '');
  const textRows = rows.map((r) => r.map(cell));
  const textHead = head ? head.map(cell) : null;
  const all = textHead ? [textHead, ...textRows] : textRows;
  const cols = Math.max(1, ...all.map((r) => r.length));
  const unglue = (t: string) => t.replace(/\uE003/g, ' ');
  const widths = Array.from({ length: cols }, (_, i) =>
    Math.max(0, ...all.map((r) => width(unglue(r[i] ?? '')))),
  );
  const gap = '  ';
  // Columns before the last stay on one line; the last wraps under itself if it must.
  const lead = widths.slice(0, -1).reduce((a, w) => a + w + gap.length, 0);
  const lastWidth = Math.min(widths[cols - 1], max - lead);
  if (lastWidth < 24 && lead + widths[cols - 1] > max) return stanzas(textHead, textRows, max);
  const line = (r: string[]) => {
    const before = widths
      .slice(0, -1)
      .map((w, i) => unglue(r[i] ?? '').padEnd(w) + gap)
      .join('');
    const last = wrap(r[cols - 1] ?? '', lead + lastWidth, before, ' '.repeat(lead));
    return last.join('\n');
  };
  const out: string[] = [];
  if (textHead) {
    out.push(line(textHead));
    out.push(
      widths.map((w, i) => '-'.repeat(i === cols - 1 ? Math.min(w, lastWidth) : w)).join(gap),
    );
  }
  out.push(...textRows.map(line));
  return out.join('\n');
}

/** A table too wide for columns: one stanza per row, «header: value» under its first cell. */
function stanzas(head: string[] | null, rows: string[][], max: number): string {
  return rows
    .map((r) => {
      const [first, ...others] = r;
      const lines = wrap(first ?? '', max);
      others.forEach((v, i) => {
        const label = head?.[i + 1];
        lines.push(...wrap(label ? `${label}: ${v}` : v, max, '  ', '    '));
      });
      return lines.join('\n');
    })
    .join('\n\n');
}

// ---------------------------------------------------------------------------------------------
// HTML

/** Inline styles per part of the mail: email clients ignore <style> blocks too often. */
export interface HtmlTheme {
  font: string;
  color: string;
  link: string;
  size: number;
  muted: string;
  rule: string;
}

export const BODY_THEME: HtmlTheme = {
  font: 'Arial, Helvetica, sans-serif',
  color: '#1f2933',
  link: '#0b5394',
  size: 15,
  muted: '#52606d',
  rule: '#d9e2ec',
};

function esc(s: string): string {
  return escapeText(s.replace(/\uE003/g, ' '));
}

export function inlineToHtml(c: Inline[], theme: HtmlTheme): string {
  return c
    .map((n) => {
      switch (n.t) {
        case 'text':
          return esc(n.s);
        case 'br':
          return '<br>';
        case 'strong':
          return `<strong>${inlineToHtml(n.c, theme)}</strong>`;
        case 'link':
          return `<a href="${escapeAttribute(n.href)}" style="color:${theme.link};text-decoration:underline;">${inlineToHtml(n.c, theme)}</a>`;
      }
    })
    .join('');
}

export function renderHtml(blocks: Block[], theme: HtmlTheme = BODY_THEME): string {
  const base = `font-family:${theme.font};color:${theme.color};`;
  const text = `${base}font-size:${theme.size}px;line-height:1.5;`;
  const out: string[] = [];
  for (const b of blocks) {
    switch (b.t) {
      case 'heading': {
        const size = theme.size + (b.level === 1 ? 7 : b.level === 2 ? 3 : 0);
        out.push(
          `<h${b.level} style="${base}font-size:${size}px;line-height:1.3;font-weight:bold;margin:${b.level === 3 ? 18 : 24}px 0 8px 0;">${inlineToHtml(b.c, theme)}</h${b.level}>`,
        );
        break;
      }
      case 'paragraph':
        out.push(`<p style="${text}margin:0 0 14px 0;">${inlineToHtml(b.c, theme)}</p>`);
        break;
      case 'list':
        out.push(listToHtml(b, theme, text));
        break;
      case 'table':
        out.push(tableToHtml(b.head, b.rows, theme, text));
        break;
      case 'quote':
        out.push(
          `<blockquote style="${text}margin:0 0 14px 0;padding:8px 14px;border-left:3px solid ${theme.rule};color:${theme.muted};">${inlineToHtml(b.c, theme)}</blockquote>`,
        );
        break;
      case 'rule':
        out.push(
          `<hr style="border:0;border-top:1px solid ${theme.rule};height:0;margin:20px 0;">`,
        );
        break;
    }
  }
  return out.join('\n');
}

function listToHtml(list: ListBlock, theme: HtmlTheme, text: string): string {
  const tag = list.ordered ? 'ol' : 'ul';
  const start = list.ordered && list.start !== 1 ? ` start="${list.start}"` : '';
  const items = list.items
    .map((item) => {
      const sub = item.sub ? `\n${listToHtml(item.sub, theme, text)}` : '';
      return `<li style="${text}margin:0 0 6px 0;">${inlineToHtml(item.c, theme)}${sub}</li>`;
    })
    .join('\n');
  return `<${tag}${start} style="${text}margin:0 0 14px 0;padding-left:24px;">\n${items}\n</${tag}>`;
}

function tableToHtml(
  head: Inline[][] | null,
  rows: Inline[][][],
  theme: HtmlTheme,
  text: string,
): string {
  const cell = (tag: 'th' | 'td', c: Inline[] | undefined, strong: boolean, last: boolean) =>
    `<${tag} align="left" valign="top" style="${text}padding:4px ${last ? 0 : 16}px 4px 0;text-align:left;vertical-align:top;${strong ? 'font-weight:bold;' : 'font-weight:normal;'}${tag === 'th' ? `border-bottom:1px solid ${theme.rule};` : ''}">${c ? inlineToHtml(c, theme) : ''}</${tag}>`;
  const cols = Math.max(1, head?.length ?? 0, ...rows.map((r) => r.length));
  const row = (r: Inline[][], tag: 'th' | 'td') =>
    `<tr>${Array.from({ length: cols }, (_, i) => cell(tag, r[i], tag === 'th' || i === 0, i === cols - 1)).join('')}</tr>`;
  const lines = [
    `<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse;margin:0 0 14px 0;">`,
  ];
  if (head) lines.push(row(head, 'th'));
  lines.push(...rows.map((r) => row(r, 'td')));
  lines.push('</table>');
  return lines.join('\n');
}
