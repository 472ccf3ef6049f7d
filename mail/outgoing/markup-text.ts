// The plain-text part of a mail from parsed markup: wrapped (72 columns by default) without
// breaking «kl. 11.30» or a short value, lists indented, tables as columns or stanzas.
import type { Block, Inline, ListBlock } from './markup';

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
