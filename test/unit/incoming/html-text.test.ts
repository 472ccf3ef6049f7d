import { OUTLOOK_RULE, htmlToText, quoteMarkerOf } from '../../../mail/incoming/html-text';

describe('htmlToText', () => {
  it('turns Outlook paragraphs into lines, with &nbsp; paragraphs as blank lines', () => {
    const html =
      '<html><head><style>p.MsoNormal{margin:0}</style></head><body><div class=WordSection1>' +
      '<p class=MsoNormal>Hei,<o:p></o:p></p><p class=MsoNormal><o:p>&nbsp;</o:p></p>' +
      '<p class=MsoNormal>Vi melder p&aring; to.<o:p></o:p></p></div></body></html>';
    expect(htmlToText(html).text).toBe('Hei,\n\nVi melder på to.');
  });

  it('turns Gmail divs and <br> into lines', () => {
    const html =
      '<div dir="ltr">Hei!<div><br></div><div>Linje to</div><div>Linje <b>tre</b></div></div>';
    expect(htmlToText(html).text).toBe('Hei!\n\nLinje to\nLinje tre');
  });

  it('keeps a table of participants as rows with separated cells', () => {
    const html = `<p>Deltakere:</p><table><tr><td><p><b>Navn</b></p></td><td>Stilling</td><td>E-post</td></tr>
      <tr><td>Kari Nordmann</td><td>kommunal-<br>sjef</td><td><a href="mailto:kari@x.example">kari@x.example</a></td></tr>
      <tr><td></td><td></td><td></td></tr></table><p>Mvh</p>`;
    expect(htmlToText(html).text).toBe(
      'Deltakere:\nNavn | Stilling | E-post\nKari Nordmann | kommunal- sjef | kari@x.example\nMvh',
    );
  });

  it('keeps the lines of a one-cell layout table', () => {
    const html = '<table><tr><td><p>Linje en</p><p>Linje to</p></td></tr></table>';
    expect(htmlToText(html).text).toBe('Linje en\nLinje to');
  });

  it('quotes blockquotes, lists items and skips scripts, styles and comments', () => {
    const html =
      '<style>.x{}</style><script>alert(1)</script><!--[if mso]>skjult<![endif]-->' +
      '<ul><li>En</li><li>To</li></ul><ol><li>Første</li></ol><blockquote>Sitat<br>linje<blockquote>dypere</blockquote></blockquote>';
    expect(htmlToText(html).text).toBe('- En\n- To\n1. Første\n> Sitat\n> linje\n> > dypere');
  });

  it('keeps preformatted text as it is', () => {
    expect(htmlToText('<pre>a   b\n  c</pre>').text).toBe('a   b\n  c');
  });

  it('decodes entities', () => {
    expect(htmlToText('<p>&laquo;Beskytt kommunen!&raquo; &amp; &oslash;</p>').text).toBe(
      '«Beskytt kommunen!» & ø',
    );
  });

  describe('quote markers', () => {
    const cases: [string, string, string][] = [
      ['Outlook on the web', '<div id="divRplyFwdMsg"><b>Fra:</b> Tor</div>', 'divRplyFwdMsg'],
      ['new Outlook', '<div id="appendonsend"></div><hr><div>Fra: Tor</div>', 'appendonsend'],
      [
        'Outlook desktop',
        "<div style='border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm'><p>Fra: Tor</p></div>",
        'outlook-border-top',
      ],
      [
        'Outlook 2010',
        "<div style='border:none;border-top:solid #B5C4DF 1.0pt'><p>Fra: Tor</p></div>",
        'outlook-border-top',
      ],
      [
        'Gmail',
        '<div class="gmail_quote"><div class="gmail_attr">tir. 14. mai 2013 skrev Tor:</div><blockquote class="gmail_quote">x</blockquote></div>',
        'gmail_quote',
      ],
      [
        'Apple Mail',
        '<div>Den 14. mai skrev Tor:</div><blockquote type="cite">x</blockquote>',
        'blockquote-cite',
      ],
      [
        'Thunderbird',
        '<div class="moz-cite-prefix">Den 14.05.2013 09:12, skrev Tor:</div><blockquote type="cite">x</blockquote>',
        'moz-cite-prefix',
      ],
      ['Yahoo', '<div class="yahoo_quoted">x</div>', 'yahoo_quoted'],
      ['Outlook re-quoted', '<div id="x_divRplyFwdMsg">x</div>', 'divRplyFwdMsg'],
    ];
    it.each(cases)('%s', (_, quoted, marker) => {
      const r = htmlToText(`<div>Vi melder på Kari.</div>${quoted}`);
      expect(r.quoteMarker).toBe(marker);
      expect(r.text.slice(0, r.quoteAt!).trim()).toBe(
        marker === 'blockquote-cite'
          ? 'Vi melder på Kari.\nDen 14. mai skrev Tor:'
          : 'Vi melder på Kari.',
      );
    });

    it('writes Outlook’s rule before its header block, and a rule for <hr>', () => {
      expect(htmlToText('<p>Svar</p><div id="divRplyFwdMsg"><b>Fra:</b> Tor</div>').text).toBe(
        `Svar\n${OUTLOOK_RULE}\nFra: Tor`,
      );
      expect(htmlToText('<p>Svar</p><hr><p>Mer</p>').text).toBe(`Svar\n${OUTLOOK_RULE}\nMer`);
    });

    it('has no quote offset without a marker', () => {
      expect(htmlToText('<p>Bare svar</p>').quoteAt).toBeNull();
    });

    it('recognises markers by their attributes', () => {
      expect(quoteMarkerOf('div', { class: 'foo gmail_quote bar' })).toBe('gmail_quote');
      expect(quoteMarkerOf('blockquote', { type: 'CITE' })).toBe('blockquote-cite');
      expect(quoteMarkerOf('div', { id: 'something' })).toBeNull();
    });
  });

  it('survives broken HTML', () => {
    expect(htmlToText('<table><tr><td>Kari<td>Ola').text).toContain('Kari');
    expect(() => htmlToText('<<<>>></div></td></table>')).not.toThrow();
  });
});
