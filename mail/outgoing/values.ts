// Values from a mail's data travel through the template engine as placeholders, so that the
// markup parser never reads them as markup and the HTML renderer can escape them (see
// markup.ts). A `Value` prints as a placeholder while a render is collecting values.

import { stripPrivate, valueToken } from './markup';

let active: string[] | null = null;

export class Value {
  readonly raw: string;
  constructor(raw: string) {
    this.raw = stripPrivate(raw);
  }
  /** Handlebars calls this instead of HTML-escaping: the value becomes a placeholder. */
  toHTML(): string {
    if (!active) return this.raw;
    active.push(this.raw);
    return valueToken(active.length - 1);
  }
  toString(): string {
    return this.toHTML();
  }
}

/** Runs `fn` (which renders templates) collecting the values it prints, by placeholder index. */
export function collectValues<T>(fn: () => T): { result: T; values: string[] } {
  const previous = active;
  const values: string[] = [];
  active = values;
  try {
    return { result: fn(), values };
  } finally {
    active = previous;
  }
}

/**
 * The view as the templates see it: strings become `Value`s; null, undefined and blank
 * strings are dropped, so strict mode reports them as missing rather than printing a gap.
 */
export function protect(view: unknown): unknown {
  if (typeof view === 'string') return view.trim() === '' ? undefined : new Value(view);
  if (Array.isArray(view)) return view.map(protect).filter((v) => v !== undefined);
  if (view instanceof Value) return view;
  if (view !== null && typeof view === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(view)) {
      const p = protect(v);
      if (p !== undefined && p !== null) out[k] = p;
    }
    return out;
  }
  return view === null ? undefined : view;
}
