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
//
// This file holds the blocks and the value placeholders; the parser is in markup-parse.ts,
// the renderers in markup-text.ts and markup-html.ts.

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

export const OPEN = '\uE000';
export const CLOSE = '\uE001';
export const BREAK = '\uE002';
/** A space inside a short value (a name, a date): the text part does not break lines there. */
export const GLUED = '\uE003';
const TOKEN = /\uE000(\d+)\uE001/g;
const PRIVATE = /[\uE000-\uE003]/g;
/** Values up to this long are kept on one line in the text part. */
export const GLUE_VALUES_UP_TO = 30;

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

export function valueAt(values: readonly string[], i: number): string {
  const v = values[i];
  if (v === undefined) throw new Error(`markup: unknown value placeholder ${i}`);
  return v;
}
