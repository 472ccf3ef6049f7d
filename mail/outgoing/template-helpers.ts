// The Handlebars environment the templates compile in: null-safe lookups, `#each`/`#with` that
// fail on a missing value, and the Norwegian helpers `plural` and `number`. templates.ts loads
// and checks the files in one environment per language.
import Handlebars from 'handlebars';
import { Value } from './values';

export type Env = typeof Handlebars;

/** The parts of Handlebars' (untyped) code generator that `createEnv` extends. */
interface CodeGenerator {
  prototype: {
    nameLookup(parent: unknown, name: string, type?: string): unknown;
    quotedString(s: string): string;
    lookupPropertyFunctionIsUsed?: boolean;
  };
}

export function createEnv(): Env {
  const hb = Handlebars.create();
  // In strict mode Handlebars reads `a.b` as `a["b"]` without a guard, so `{{#if a.b}}` with no
  // `a` fails with a TypeError, and `{{a.b}}` with no `a` reports neither name nor line. With
  // null-safe steps, the first is simply false and the second a strict-mode error about `a.b`.
  const env = hb as unknown as { JavaScriptCompiler: CodeGenerator };
  const Base = env.JavaScriptCompiler;
  class NullSafeCompiler extends (Base as unknown as new () => object) {}
  const proto = NullSafeCompiler.prototype as CodeGenerator['prototype'] & { compiler: unknown };
  proto.compiler = NullSafeCompiler;
  proto.nameLookup = function (parent, name, type) {
    if (type !== 'context' && type !== 'data') {
      return Base.prototype.nameLookup.call(this, parent, name, type);
    }
    this.lookupPropertyFunctionIsUsed = true;
    return [
      '(function(p){return p == null ? p : lookupProperty(p,',
      this.quotedString(name),
      ');})(',
      parent,
      ')',
    ];
  };
  env.JavaScriptCompiler = NullSafeCompiler as unknown as CodeGenerator;
  const builtinEach = hb.helpers.each;
  const builtinWith = hb.helpers.with;
  // Strict mode checks `{{name}}` but not a block's argument: a missing list must not
  // silently render nothing.
  const strictBlock = (builtin: Handlebars.HelperDelegate, helper: string) =>
    function (this: unknown, value: unknown, options: { loc?: Loc }) {
      if (value === undefined || value === null) throw new MissingBlockValue(helper, options.loc);
      return builtin.call(this, value, options as unknown as Handlebars.HelperOptions);
    };
  hb.registerHelper('each', strictBlock(builtinEach, 'each'));
  hb.registerHelper('with', strictBlock(builtinWith, 'with'));
  /** `{{plural n "én dag" "dager"}}` → «én dag», «tre dager», «14 dager». */
  hb.registerHelper('plural', (n: unknown, one: unknown, many: unknown) => {
    if (typeof n !== 'number') throw new Error('plural needs a number as its first argument');
    return new Value(n === 1 ? String(one) : `${numberWord(n)} ${String(many)}`);
  });
  /** `{{number n}}` → «tre» (two to twelve in words, the same in bokmål and nynorsk). */
  hb.registerHelper('number', (n: unknown) => {
    if (typeof n !== 'number') throw new Error('number needs a number');
    return new Value(numberWord(n));
  });
  return hb;
}

const WORDS = ['to', 'tre', 'fire', 'fem', 'seks', 'sju', 'åtte', 'ni', 'ti', 'elleve', 'tolv'];

/** 2–12 in words (no gender to agree with), anything else in digits. */
export function numberWord(n: number): string {
  return Number.isInteger(n) && n >= 2 && n <= 12 ? WORDS[n - 2] : String(n);
}

export interface Loc {
  start: { line: number; column: number };
}

export class MissingBlockValue extends Error {
  readonly lineNumber?: number;
  readonly column?: number;
  constructor(helper: string, loc?: Loc) {
    super(`#${helper} needs a value that is not defined`);
    this.lineNumber = loc?.start.line;
    this.column = loc?.start.column;
  }
}
