// What a YAML syntax error means for someone editing the campaign file by hand. The yaml
// package speaks of «compact mappings» and «implicit keys»; the coordinator needs the line,
// the column and the edit that fixes it. Positions are moved to where the mistake is (the
// colon inside a value, the quote that was opened) when the parser reports a later place.

import type { YAMLError } from 'yaml';

export interface YamlErrorText {
  /** 0-based offset into the text. */
  offset: number;
  message: string;
}

const lineAt = (text: string, offset: number) => {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const end = text.indexOf('\n', offset);
  return { start, text: text.slice(start, end === -1 ? text.length : end) };
};

/** The line without its comment, roughly: a # after a space starts one. */
const uncommented = (line: string) => line.replace(/(^|\s)#.*$/, '');

export function explainYamlError(error: YAMLError, text: string): YamlErrorText {
  const offset = error.pos[0];
  const line = lineAt(text, offset);
  switch (error.code) {
    case 'BLOCK_AS_IMPLICIT_KEY': {
      // `title: Nettverk: korrupsjon` — a second «: » on the line makes the value a mapping.
      const rest = uncommented(line.text).slice(offset - line.start);
      const colon = rest.search(/:(\s|$)/);
      const pair = /^(\s*(?:- )?)([^:#]+):\s+(.*\S)\s*$/.exec(uncommented(line.text));
      if (colon >= 0 && pair) {
        const value = pair[3].replace(/"/g, '\\"');
        return {
          offset: offset + colon,
          message: `the value of "${pair[2].trim()}" contains a colon followed by a space; put the value in quotes: ${pair[2].trim()}: "${value}"`,
        };
      }
      // `id: x` followed by an indented `  title: y`: the parser blames the value above, but
      // the line to fix is the indented one below it.
      const below = /\n([ \t]*)\S/.exec(text.slice(line.start + line.text.length));
      return {
        offset: below ? line.start + line.text.length + below.index + 1 + below[1].length : offset,
        message:
          'this line is indented more than the field above it, so it reads as part of that value; line it up with the fields beside it',
      };
    }
    case 'MULTILINE_IMPLICIT_KEY':
      return {
        offset,
        message:
          'a field name runs over more than one line; check the indentation of this line and the one above',
      };
    case 'TAB_AS_INDENT':
      return { offset, message: 'a tab indents this line; YAML indents with spaces only' };
    case 'DUPLICATE_KEY':
      return {
        offset,
        message: 'this field appears twice in the same place; keep one of them',
      };
    case 'MISSING_CHAR': {
      const quote = /closing (["'])/.exec(error.message)?.[1];
      if (quote) {
        // Reported at the end of the file; the mistake is where the quote was opened.
        const lines = text.split('\n');
        let at = 0;
        for (const l of lines) {
          const code = uncommented(l);
          if ((code.split(quote).length - 1) % 2 === 1)
            return {
              offset: at + code.lastIndexOf(quote),
              message: `a value opened with ${quote} is not closed; end it with ${quote} on the same line`,
            };
          at += l.length + 1;
        }
        return { offset, message: `a value opened with ${quote} is never closed` };
      }
      return {
        offset,
        message: `${error.message}; check the indentation, and quote a value that contains a colon`,
      };
    }
    case 'BAD_INDENT':
      return {
        offset,
        message: /Flow (sequence|mapping)/.test(error.message)
          ? 'a list in [ ] or { } is not closed on its line; end it with ] or }'
          : `${error.message}; indent with spaces, the same for fields side by side`,
      };
    case 'BAD_SCALAR_START':
      return {
        offset,
        message: `${error.message.replace(/^Plain value/, 'a value')}; put the value in quotes`,
      };
    case 'UNEXPECTED_TOKEN':
      if (/'[^']*'[^'\s#,\]}]/.test(line.text))
        return {
          offset,
          message:
            "something follows a value in '…'; write an apostrophe inside it twice ('') or quote the value with \"…\"",
        };
      break;
  }
  return {
    offset,
    message: `${error.message}; check the indentation, and quote a value that contains a colon, # or quotes`,
  };
}

/**
 * Every error explained, each mistake once: «implicit keys on a single line» is the parser's
 * second complaint about a mistake it has already reported, so it is shown only alone.
 */
export function explainYamlErrors(errors: readonly YAMLError[], text: string): YamlErrorText[] {
  const primary = errors.filter((e) => e.code !== 'MULTILINE_IMPLICIT_KEY');
  return (primary.length ? primary : errors).map((e) => explainYamlError(e, text));
}
