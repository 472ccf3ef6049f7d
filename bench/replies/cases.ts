// Loads the Norwegian reply corpus: every `cases/<step>/NAME.eml` beside its
// `NAME.expected.json`, fixed before the reader was run on it.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ReplyCase } from './score';

export const REPLIES_NB = path.resolve(__dirname, '../../test/fixtures/replies-nb/cases');

/**
 * `cases`, `cases-2` and `cases-3` (what the reader is tuned on) or `unseen` (held out:
 * scored, never tuned on).
 */
export const REPLY_SETS = ['cases', 'cases-2', 'cases-3', 'unseen'] as const;
export function replySet(name: string | undefined): string {
  const set = REPLY_SETS.find((s) => s === name);
  if (!set) throw new Error(`--set: expected ${REPLY_SETS.join(', ')}, got ${name ?? 'nothing'}`);
  return path.join(path.dirname(REPLIES_NB), set);
}

export interface LoadedCase extends ReplyCase {
  raw: Buffer;
}

export function loadReplyCases(root = REPLIES_NB): LoadedCase[] {
  const out: LoadedCase[] = [];
  for (const step of readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()) {
    const dir = path.join(root, step);
    for (const f of readdirSync(dir).sort()) {
      if (!f.endsWith('.eml')) continue;
      const name = f.slice(0, -4);
      const json = path.join(dir, `${name}.expected.json`);
      let spec: Omit<ReplyCase, 'file' | 'step'>;
      try {
        spec = JSON.parse(readFileSync(json, 'utf8')) as Omit<ReplyCase, 'file' | 'step'>;
      } catch (e) {
        throw new Error(`${json}: ${(e as Error).message}`);
      }
      out.push({ ...spec, file: `${step}/${name}`, step, raw: readFileSync(path.join(dir, f)) });
    }
  }
  return out;
}
