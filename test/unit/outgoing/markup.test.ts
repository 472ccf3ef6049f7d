import { valueToken } from '../../../mail/outgoing/markup';
import { renderHtml } from '../../../mail/outgoing/markup-html';
import { parseMarkup } from '../../../mail/outgoing/markup-parse';
import { renderText, wrap } from '../../../mail/outgoing/markup-text';

const text = (src: string, values: string[] = [], width = 72) =>
  renderText(parseMarkup(src, values), width);
const html = (src: string, values: string[] = []) => renderHtml(parseMarkup(src, values));

describe('markup', () => {
  it('joins paragraph lines, keeps a line break after a backslash', () => {
    expect(text('one\ntwo\n\nthree\\\nfour')).toBe('one two\n\nthree\nfour');
    expect(html('one\ntwo\n\nthree\\\nfour')).toMatch(
      /<p [^>]*>one two<\/p>\n<p [^>]*>three<br>four<\/p>/,
    );
  });

  it('renders headings', () => {
    expect(text('# Tittel\n\n## Del\n\n### Punkt')).toBe('Tittel\n======\n\nDel\n---\n\nPunkt');
    expect(html('## Del')).toMatch(/^<h2 style="[^"]*">Del<\/h2>$/);
  });

  it('renders bullet lists with sub-lists and numbered lists', () => {
    const src = '- a\n- b, knyttet til\n  - c\n  - d\n- e';
    expect(text(src)).toBe('- a\n- b, knyttet til\n  - c\n  - d\n- e');
    const h = html(src);
    expect(h).toContain('<ul');
    expect(h).toMatch(/<li [^>]*>b, knyttet til\n<ul[^>]*>\n<li [^>]*>c<\/li>/);
    expect(text('1. en\n2. to')).toBe('1. en\n2. to');
    expect(html('1. en\n2. to')).toContain('<ol');
  });

  it('continues a list item on the next line', () => {
    expect(text('- a long\n  item\n- b')).toBe('- a long item\n- b');
  });

  it('renders key/value tables and header tables', () => {
    expect(text('| Dato | 18. juni |\n| Sted | Oslo |')).toBe('Dato  18. juni\nSted  Oslo');
    expect(text('| A | B |\n|---|---|\n| 1 | 2 |')).toBe('A  B\n-  -\n1  2');
    const h = html('| A | B |\n|---|---|\n| 1 | 2 |');
    expect(h).toContain('<th');
    expect(h).toContain('<table role="presentation"');
  });

  it('wraps the last column of a table that is too wide', () => {
    const out = text(`| Sted | ${'ord '.repeat(30).trim()} |`, [], 40);
    for (const line of out.split('\n')) expect(line.length).toBeLessThanOrEqual(40);
    expect(out.split('\n')[1]).toMatch(/^ {6}ord/);
  });

  it('renders quotes, keeping line breaks', () => {
    const t = text(`> ${valueToken(0)}`, ['Hei!\n\nKan vi melde på fire?']);
    expect(t).toBe('> Hei!\n>\n> Kan vi melde på fire?');
    expect(html(`> ${valueToken(0)}`, ['a\nb'])).toMatch(/<blockquote[^>]*>a<br>b<\/blockquote>/);
  });

  it('renders bold and links', () => {
    expect(text('**viktig** [KS](https://www.ks.no/) <mailto:a@b.no>')).toBe(
      'viktig KS (https://www.ks.no/) a@b.no',
    );
    const h = html('**viktig** [KS](https://www.ks.no/)');
    expect(h).toContain('<strong>viktig</strong>');
    expect(h).toContain('<a href="https://www.ks.no/"');
  });

  it('never links anything but the web and mail', () => {
    const h = html('[klikk](javascript:alert(1))');
    expect(h).not.toContain('<a ');
    expect(h).toContain('klikk');
  });

  it('treats values as text: no markup, escaped in HTML, raw in text', () => {
    const values = ['**<script>alert(1)</script>** [x](https://evil.example)', '| - # >'];
    const src = `- ${valueToken(0)}\n- ${valueToken(1)}`;
    expect(text(src, values)).toBe(`- ${values[0]}\n- ${values[1]}`);
    const h = html(src, values);
    expect(h).toContain('**&lt;script&gt;alert(1)&lt;/script&gt;** [x](https://evil.example)');
    expect(h).not.toContain('<script>');
    expect(h).not.toContain('<strong>');
    expect(h).not.toContain('<a ');
  });

  it('takes a backslash before a special character literally', () => {
    expect(text('\\*\\*ikke fet\\*\\* og \\[ikke lenke\\]')).toBe('**ikke fet** og [ikke lenke]');
  });

  it('escapes the template text too in HTML', () => {
    expect(html('a & b < c')).toContain('a &amp; b &lt; c');
  });

  it('wraps at the width without breaking «kl. 11.30» or «18. juni»', () => {
    const lines = wrap('Vi starter kl. 11.30 og slutter 19. juni etter lunsj', 18);
    expect(lines).toEqual(['Vi starter', 'kl. 11.30 og', 'slutter 19. juni', 'etter lunsj']);
  });

  it('keeps a short value together on one line', () => {
    const out = text(`Ring ${valueToken(0)} i dag`, ['Tor Dølvik'], 8);
    expect(out.split('\n')).toContain('Tor Dølvik');
  });
});
