// The HTML part of a mail from parsed markup, with inline styles per part (a theme): email
// clients ignore <style> blocks too often. Every text and attribute is escaped.
import { escapeAttribute, escapeText } from 'entities';
import type { Block, Inline, ListBlock } from './markup';

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
