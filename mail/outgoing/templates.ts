// Loads `templates/`: one file per template and language, `templates/nb/invitation.md`,
// with a front matter block for the subject; files starting with `_` are partials
// (`_programme-1.md` is `{{> programme-1}}`). Everything is compiled and checked once, up
// front, in an isolated Handlebars environment per language, in strict mode (the environment
// and its helpers in template-helpers.ts).

import * as fs from 'node:fs';
import * as path from 'node:path';
import Handlebars from 'handlebars';
import type { Language } from '../../domain/types';
import { TemplateError } from './errors';
import { checkSource, compile, type Compiled, type Source } from './template-compile';
import { createEnv } from './template-helpers';
import { JOURNEY_TEMPLATES, NOTICE_TEMPLATES, type TemplateName } from './types';
import type { Themes } from './view';

const LANGUAGES: readonly Language[] = ['nb', 'nn'];

export type { Compiled };

export interface LanguagePack {
  readonly language: Language;
  readonly templates: ReadonlyMap<string, Compiled>;
  readonly partials: ReadonlyMap<string, Compiled>;
  /** The themes of the three gatherings, from the `title` of `_programme-N.md`. */
  readonly themes: Themes;
}

export interface TemplateSet {
  /** The directory the templates were read from. */
  readonly dir: string;
  readonly languages: Readonly<Record<Language, LanguagePack>>;
}

/** Partials every language must have, with the front matter each must carry. */
const REQUIRED_PARTIALS: Record<string, string[]> = {
  header: [],
  footer: [],
  calendar: ['summary'],
  'programme-1': ['title'],
  'programme-2': ['title'],
  'programme-3': ['title'],
};

const cache = new Map<string, TemplateSet>();

/** The `templates/` directory: the nearest one above this file that has `nb/`. */
export function defaultTemplateDir(): string {
  let dir = __dirname;
  for (;;) {
    const candidate = path.join(dir, 'templates');
    if (fs.existsSync(path.join(candidate, 'nb'))) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no templates/ directory found above ${__dirname}`);
    dir = parent;
  }
}

/**
 * Reads, compiles and checks every template (cached per directory). Throws `TemplateError`
 * for a template that is missing, does not compile, or calls a partial that does not exist.
 */
export function loadTemplates(dir?: string): TemplateSet {
  const root = path.resolve(dir ?? defaultTemplateDir());
  const cached = cache.get(root);
  if (cached) return cached;
  const languages = {} as Record<Language, LanguagePack>;
  for (const lang of LANGUAGES) languages[lang] = loadLanguage(root, lang);
  const set: TemplateSet = { dir: root, languages };
  cache.set(root, set);
  return set;
}

/** Forgets cached template sets (after editing templates in a long-running process). */
export function clearTemplateCache(): void {
  cache.clear();
}

function expectedTemplates(lang: Language): string[] {
  return lang === 'nb' ? [...JOURNEY_TEMPLATES, ...NOTICE_TEMPLATES] : [...JOURNEY_TEMPLATES];
}

function loadLanguage(root: string, lang: Language): LanguagePack {
  const dir = path.join(root, lang);
  if (!fs.existsSync(dir)) {
    throw new TemplateError(`template directory ${dir} is missing`, '*', lang);
  }
  const sources = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => readSource(root, lang, path.join(dir, f)));
  const partialSources = new Map<string, Source>();
  const templateSources = new Map<string, Source>();
  for (const s of sources) {
    if (s.name.startsWith('_')) partialSources.set(s.name.slice(1), s);
    else templateSources.set(s.name, s);
  }

  const expected = expectedTemplates(lang);
  for (const name of expected) {
    if (!templateSources.has(name)) {
      throw new TemplateError(`template ${lang}/${name}.md is missing`, name, lang);
    }
  }
  for (const [name, s] of templateSources) {
    if (!expected.includes(name)) {
      const why = (NOTICE_TEMPLATES as readonly string[]).includes(name)
        ? 'notices to the coordinator are written in bokmål only'
        : 'no mail has that name (see JOURNEY_TEMPLATES and NOTICE_TEMPLATES)';
      throw new TemplateError(`unexpected template ${s.file}: ${why}`, name, lang);
    }
    requireMeta(s, ['subject']);
  }
  const required = { ...REQUIRED_PARTIALS, ...(lang === 'nb' ? { 'notice-footer': [] } : {}) };
  for (const [name, fields] of Object.entries(required)) {
    const s = partialSources.get(name);
    if (!s) throw new TemplateError(`partial ${lang}/_${name}.md is missing`, `_${name}`, lang);
    requireMeta(s, fields);
  }

  const hb = createEnv();
  const partials = new Map<string, Compiled>();
  for (const [name, s] of partialSources) {
    checkSource(hb, s, partialSources);
    const compiled = compile(hb, s);
    partials.set(name, compiled);
    // Registered as a function so an error inside it names the partial's own file.
    hb.registerPartial(name, ((context: unknown, options: Handlebars.RuntimeOptions) =>
      compiled.renderPartial(context, options)) as unknown as Handlebars.Template);
  }
  const templates = new Map<string, Compiled>();
  for (const [name, s] of templateSources) {
    checkSource(hb, s, partialSources);
    templates.set(name, compile(hb, s));
  }
  const theme = (n: 1 | 2 | 3) => (partialSources.get(`programme-${n}`) as Source).meta.title.value;
  return { language: lang, templates, partials, themes: { 1: theme(1), 2: theme(2), 3: theme(3) } };
}

function requireMeta(s: Source, fields: string[]): void {
  for (const f of fields) {
    if (!s.meta[f]?.value) {
      throw new TemplateError(
        `${s.file} needs "${f}:" in its front matter (between --- lines at the top)`,
        s.name,
        s.language,
        null,
        s.file,
      );
    }
  }
}

function readSource(root: string, lang: Language, file: string): Source {
  const rel = path.relative(path.dirname(root), file);
  const name = path.basename(file, '.md');
  const text = fs
    .readFileSync(file, 'utf8')
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n');
  const fail = (msg: string, line?: number) =>
    new TemplateError(`${rel}${line ? `:${line}` : ''}: ${msg}`, name, lang, null, rel);
  if (/[\uE000-\uE002]/.test(text)) throw fail('contains private-use characters');
  const meta: Source['meta'] = {};
  const lines = text.split('\n');
  let bodyStart = 0;
  if (lines[0] === '---') {
    const end = lines.indexOf('---', 1);
    if (end < 0) throw fail('front matter opened with --- but never closed');
    for (let i = 1; i < end; i++) {
      const line = lines[i];
      if (line.trim() === '' || line.trim().startsWith('#')) continue;
      const m = /^([A-Za-z][\w-]*)\s*:\s*(.*)$/.exec(line);
      if (!m) throw fail(`front matter line is not "key: value"`, i + 1);
      meta[m[1]] = { value: m[2].trim().replace(/^(["'])(.*)\1$/, '$2'), line: i + 1 };
    }
    bodyStart = end + 1;
  }
  return {
    name,
    language: lang,
    file: rel,
    body: lines.slice(bodyStart).join('\n'),
    bodyLine: bodyStart + 1,
    meta,
  };
}

export function isTemplateName(name: string): name is TemplateName {
  return (
    (JOURNEY_TEMPLATES as readonly string[]).includes(name) ||
    (NOTICE_TEMPLATES as readonly string[]).includes(name)
  );
}
