// Scores the reply reader against public corpora, carried in test/fixtures/corpus with their
// licences (see its README):
//   reply-trimming/{discourse,crisp}: the visible fresh text must equal expected/NAME.txt
//   classification/sisimai: bounces must be bounces, automatic replies automatic replies.
// Run: npx tsx bench/corpus.ts
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { readReply } from '../mail/incoming/read';
import { trimReply } from '../mail/incoming/trim';

export const REPO_ROOT = path.resolve(__dirname, '..');

export const CORPUS_ROOT = path.join(REPO_ROOT, 'test', 'fixtures', 'corpus');

export function corpusDir(...parts: string[]): string {
  return path.join(CORPUS_ROOT, ...parts);
}

/** Trailing white space of each line, and leading/trailing blank lines, removed. */
export function normaliseForScore(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.replace(/\s+$/, ''))
    .join('\n')
    .replace(/^\n+|\n+$/g, '');
}

export interface TrimmingScore {
  set: string;
  total: number;
  passed: number;
  failed: string[];
}

export const TRIMMING_SETS = ['discourse', 'crisp'] as const;

export function trimmingAvailable(set: string): boolean {
  return existsSync(corpusDir('reply-trimming', set, 'emails'));
}

export function scoreTrimming(set: string): TrimmingScore {
  const dir = corpusDir('reply-trimming', set);
  const files = readdirSync(path.join(dir, 'emails'))
    .filter((f) => f.endsWith('.txt'))
    .sort();
  const failed: string[] = [];
  for (const file of files) {
    const email = readFileSync(path.join(dir, 'emails', file), 'utf8');
    const expected = readFileSync(path.join(dir, 'expected', file), 'utf8');
    const got = trimReply(email).visible;
    if (normaliseForScore(got) !== normaliseForScore(expected)) failed.push(file);
  }
  return { set, total: files.length, passed: files.length - failed.length, failed };
}

export type CorpusLabel = 'bounce' | 'auto-reply' | 'other';

export interface ClassificationResult {
  file: string;
  label: CorpusLabel;
  kind: string;
  reason: string;
  /** The kind collapsed to the corpus's three classes. */
  got: CorpusLabel;
}

export interface ClassificationScore {
  total: number;
  byClass: Record<CorpusLabel, { total: number; passed: number; failed: string[] }>;
  /** Bounces and automatic replies read as a person's reply: must stay empty. */
  machineAsHuman: string[];
  results: ClassificationResult[];
}

export function classificationAvailable(): boolean {
  return existsSync(corpusDir('classification', 'sisimai', 'labels.csv'));
}

export async function scoreClassification(): Promise<ClassificationScore> {
  const dir = corpusDir('classification', 'sisimai');
  const rows = readFileSync(path.join(dir, 'labels.csv'), 'utf8')
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((line) => line.split(','))
    .filter((cols) => cols.length >= 2);
  const byClass: ClassificationScore['byClass'] = {
    bounce: { total: 0, passed: 0, failed: [] },
    'auto-reply': { total: 0, passed: 0, failed: [] },
    other: { total: 0, passed: 0, failed: [] },
  };
  const results: ClassificationResult[] = [];
  const machineAsHuman: string[] = [];
  for (const [file, rawLabel] of rows) {
    const label = rawLabel as CorpusLabel;
    const reply = await readReply(readFileSync(path.join(dir, 'messages', file)));
    const got: CorpusLabel =
      reply.kind === 'bounce' || reply.kind === 'auto-reply' ? reply.kind : 'other';
    results.push({ file, label, kind: reply.kind, reason: reply.reason, got });
    const cls = byClass[label];
    cls.total++;
    if (got === label) cls.passed++;
    else cls.failed.push(file);
    if (label !== 'other' && got === 'other') machineAsHuman.push(file);
  }
  return { total: rows.length, byClass, machineAsHuman, results };
}

async function main(): Promise<void> {
  console.log(`Corpora: ${path.relative(process.cwd(), CORPUS_ROOT)}\n`);
  console.log('Reply trimming (visible fresh text equals the expected text)');
  for (const set of TRIMMING_SETS) {
    if (!trimmingAvailable(set)) {
      console.log(`  ${set.padEnd(10)} not found`);
      continue;
    }
    const s = scoreTrimming(set);
    const pct = ((100 * s.passed) / s.total).toFixed(1);
    console.log(`  ${set.padEnd(10)} ${s.passed}/${s.total} (${pct} %)`);
    for (const f of s.failed) console.log(`    failed: ${f}`);
  }
  console.log('\nClassification (sisimai: bounces, automatic replies, other mail)');
  if (!classificationAvailable()) {
    console.log('  sisimai    not found');
    return;
  }
  const c = await scoreClassification();
  for (const [label, s] of Object.entries(c.byClass)) {
    console.log(`  ${label.padEnd(10)} ${s.passed}/${s.total}`);
    for (const f of s.failed) {
      const r = c.results.find((x) => x.file === f)!;
      console.log(`    ${f}: read as ${r.kind} (${r.reason})`);
    }
  }
  const correct = Object.values(c.byClass).reduce((n, s) => n + s.passed, 0);
  console.log(`  all        ${correct}/${c.total}`);
  console.log(
    `  bounces or automatic replies read as a person's reply: ${c.machineAsHuman.length}`,
  );
  for (const f of c.machineAsHuman) console.log(`    ${f}`);
}

if (require.main === module) void main();
