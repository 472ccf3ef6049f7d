// The shipped campaign file as text, and ways to break it on purpose and find the place a
// problem should be reported at.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CampaignFileError, type CampaignProblem } from '../../../domain/campaign/errors';
import { parseCampaign } from '../../../domain/campaign/parse';

export const FILE = 'ks-ti-2013.yaml';
export const SHIPPED_PATH = path.resolve(__dirname, '../../../campaigns/ks-ti-2013.yaml');
export const SHIPPED = readFileSync(SHIPPED_PATH, 'utf8');

/** Replaces the first `from` after `anchor` (the start of the file by default). */
export function edit(from: string, to: string, anchor = '', text = SHIPPED): string {
  const start = text.indexOf(anchor);
  const at = text.indexOf(from, start);
  if (start < 0 || at < 0) throw new Error(`test edit: ${JSON.stringify(from)} not found`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

/** 1-based line and column of the first `needle` after `anchor`, as an editor shows them. */
export function position(
  text: string,
  needle: string,
  anchor = '',
): { line: number; column: number } {
  const at = text.indexOf(needle, text.indexOf(anchor));
  const before = text.slice(0, at).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

export function problemsOf(text: string): CampaignProblem[] {
  try {
    parseCampaign(text, FILE);
  } catch (error) {
    if (error instanceof CampaignFileError) return [...error.problems];
    throw error;
  }
  throw new Error('expected the campaign file to be rejected');
}

export function expectOneProblem(
  text: string,
  expected: { at: string; anchor?: string; path: string; message: string },
) {
  const problems = problemsOf(text);
  expect(problems).toEqual([
    {
      ...position(text, expected.at, expected.anchor),
      path: expected.path,
      message: expected.message,
    },
  ]);
}
