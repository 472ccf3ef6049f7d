// Compiling one template or partial, checked: it parses, every partial it calls exists in
// its language, and it compiles in strict mode; a failure is a TemplateError that names the
// file, the line and the missing variable.
import Handlebars from 'handlebars';
import type { Language } from '../../domain/types';
import { TemplateError } from './errors';
import { MissingBlockValue, type Env, type Loc } from './template-helpers';

/** A compiled template or partial that renders strictly, throwing `TemplateError`. */
export interface Compiled {
  readonly name: string;
  readonly language: Language;
  /** Path relative to the template directory's parent, for messages. */
  readonly file: string;
  readonly meta: Readonly<Record<string, string>>;
  render(data: unknown): string;
  /** Renders one front matter field (e.g. `subject`) as a template. */
  renderMeta(field: string, data: unknown): string;
}

export interface Source {
  name: string;
  language: Language;
  file: string;
  body: string;
  /** 1-based line of the body's first line in the file. */
  bodyLine: number;
  meta: Record<string, { value: string; line: number }>;
}

const COMPILE: CompileOptions = { strict: true, preventIndent: true };
type CompileOptions = Parameters<typeof Handlebars.compile>[1];

interface HbAstNode {
  type: string;
  name?: HbAstNode & { original?: unknown };
  program?: { body: HbAstNode[] } | null;
  inverse?: { body: HbAstNode[] } | null;
  body?: HbAstNode[];
  loc?: Loc;
}

/** Parses a source and checks that every partial it calls exists in the same language. */
export function checkSource(hb: Env, s: Source, partials: Map<string, Source>): void {
  let ast: HbAstNode;
  try {
    ast = hb.parse(s.body) as unknown as HbAstNode;
  } catch (e) {
    throw toTemplateError(e, s, 'does not parse');
  }
  const walk = (nodes: HbAstNode[] | undefined) => {
    for (const node of nodes ?? []) {
      if (node.type === 'PartialStatement' || node.type === 'PartialBlockStatement') {
        const name = node.name?.original;
        if (typeof name === 'string' && !partials.has(name)) {
          const line = s.bodyLine + (node.loc?.start.line ?? 1) - 1;
          throw new TemplateError(
            `${s.file}:${line}: calls partial "${name}", but ${s.language}/_${name}.md does not exist`,
            s.name,
            s.language,
            null,
            `${s.file}:${line}`,
          );
        }
      }
      walk(node.program?.body);
      walk(node.inverse?.body);
      walk(node.body);
    }
  };
  walk(ast.body);
}

interface CompiledSource extends Compiled {
  /** Runs the body as a partial: Handlebars passes the context and its runtime options. */
  renderPartial(context: unknown, options: Handlebars.RuntimeOptions): string;
}

export function compile(hb: Env, s: Source): CompiledSource {
  const body = compileChecked(hb, s, s.body, s.bodyLine);
  const fields = new Map<string, { fn: Handlebars.TemplateDelegate; src: string; line: number }>();
  for (const [field, { value, line }] of Object.entries(s.meta)) {
    fields.set(field, { fn: compileChecked(hb, s, value, line), src: value, line });
  }
  const run = (
    fn: Handlebars.TemplateDelegate,
    src: string,
    line: number,
    context: unknown,
    options?: Handlebars.RuntimeOptions,
  ) => {
    try {
      return fn(context, options);
    } catch (e) {
      throw toTemplateError(e, { ...s, body: src, bodyLine: line }, 'cannot be rendered');
    }
  };
  return {
    name: s.name,
    language: s.language,
    file: s.file,
    meta: Object.fromEntries(Object.entries(s.meta).map(([k, v]) => [k, v.value])),
    render: (data) => run(body, s.body, s.bodyLine, data),
    renderPartial: (context, options) => run(body, s.body, s.bodyLine, context, options),
    renderMeta: (field, data) => {
      const t = fields.get(field);
      if (!t) throw new TemplateError(`${s.file} has no "${field}:"`, s.name, s.language);
      return run(t.fn, t.src, t.line, data);
    },
  };
}

function compileChecked(
  hb: Env,
  s: Source,
  src: string,
  line: number,
): Handlebars.TemplateDelegate {
  try {
    hb.precompile(src, COMPILE);
  } catch (e) {
    throw toTemplateError(e, { ...s, body: src, bodyLine: line }, 'does not compile');
  }
  return hb.compile(src, COMPILE);
}

/** The path a strict-mode error is about, read from the template at the error's position. */
function variableAt(src: string, line: number, column: number): string | null {
  const text = src.split('\n')[line - 1]?.slice(column) ?? '';
  // The position is the path's own (`{{a.b}}`) or, for a block helper, the block's (`{{#each a}}`).
  const m = /^(?:\{\{~?\s*(?:[#^]\s*)?(?:(?:each|with|if|unless)\s+)?)?([@\w][\w.\-/@[\]]*)/.exec(
    text,
  );
  return m ? m[1] : null;
}

function toTemplateError(e: unknown, s: Source, what: string): TemplateError {
  if (e instanceof TemplateError) return e;
  const err = e as { message?: string; lineNumber?: number; column?: number };
  const message = String(err.message ?? e).replace(/ - \d+:\d+$/, '');
  const name = s.name.replace(/^_/, '');
  const kind = s.name.startsWith('_') ? 'partial' : 'template';
  const hasLoc = typeof err.lineNumber === 'number';
  const fileLine = hasLoc ? `${s.file}:${s.bodyLine + (err.lineNumber as number) - 1}` : s.file;
  const missing = /^"([^"]+)" not defined in/.exec(message);
  if (missing || e instanceof MissingBlockValue) {
    const variable =
      (hasLoc ? variableAt(s.body, err.lineNumber as number, err.column ?? 0) : null) ??
      missing?.[1] ??
      null;
    return new TemplateError(
      `${kind} "${name}" (${s.language}) ${what}: missing variable "${variable}" at ${fileLine}`,
      name,
      s.language,
      variable,
      fileLine,
    );
  }
  return new TemplateError(
    `${kind} "${name}" (${s.language}) ${what}: ${message} at ${fileLine}`,
    name,
    s.language,
    null,
    fileLine,
  );
}
