// HTML and SVG by tagged templates that escape every interpolated value unless it is already
// markup (`Html`, made only by `markup` itself or by `raw` for markup we generated). The tag is
// not called `html` on purpose: Prettier would reformat such templates, changing the output.

export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text safe in element content and in quoted attributes. */
export function escapeHtml(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** Markup we built ourselves (numbers, generated SVG paths): inserted as it is. */
export const raw = (text: string): Html => new Html(text);

type Value = Html | string | number | boolean | null | undefined | readonly Value[];

function piece(value: Value): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof Html) return value.value;
  if (Array.isArray(value)) return value.map(piece).join('');
  return escapeHtml(value);
}

export function markup(strings: TemplateStringsArray, ...values: Value[]): Html {
  let out = strings[0];
  for (let i = 0; i < values.length; i++) out += piece(values[i]) + strings[i + 1];
  return new Html(out);
}

/** A number for an SVG attribute, at most one decimal. */
export const num = (n: number): string => String(Math.round(n * 10) / 10);
