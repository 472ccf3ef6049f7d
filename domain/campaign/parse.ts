// Campaign file text → Campaign, or one CampaignFileError listing every problem with its place.

import type { z } from 'zod';
import type { Campaign } from '../types';
import { CampaignFileError, formatFieldPath, type CampaignProblem, type FieldPath } from './errors';
import { CampaignFileSchema, KNOWN_FIELDS, describeValue } from './file-format';
import { resolveCampaign } from './resolve';
import { checkCampaignRules } from './rules';
import { readYaml, type YamlSource } from './yaml-source';

export function parseCampaign(text: string, fileName: string): Campaign {
  const source = readYaml(text);
  if (source.syntaxProblems.length > 0) {
    throw new CampaignFileError(fileName, source.syntaxProblems);
  }
  const parsed = CampaignFileSchema.safeParse(source.data, { error: describeIssue });
  const problems = [
    ...(parsed.success ? [] : parsed.error.issues.flatMap((issue) => toProblems(issue, source))),
    ...checkCampaignRules(source.data).map((violation) => ({
      ...source.locate(violation.path),
      path: formatFieldPath(violation.path),
      message: violation.message,
    })),
  ];
  if (!parsed.success || problems.length > 0) {
    throw new CampaignFileError(fileName, unique(problems));
  }
  return resolveCampaign(parsed.data);
}

const KINDS: Record<string, string> = {
  object: 'a group of fields',
  array: 'a list',
  string: 'text',
  number: 'a number',
  boolean: 'true or false',
};

/** Wording for the checks the format does not word itself (mostly structure). */
function describeIssue(issue: z.core.$ZodRawIssue): string | undefined {
  if (issue.code === 'invalid_type') {
    const what = KINDS[issue.expected] ?? issue.expected;
    return issue.input === undefined
      ? `is missing (expected ${what})`
      : `expected ${what}, found ${describeValue(issue.input)}`;
  }
  return undefined;
}

function toProblems(issue: z.core.$ZodIssue, source: YamlSource): CampaignProblem[] {
  const path: FieldPath = issue.path.filter(
    (part): part is string | number => typeof part !== 'symbol',
  );
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({
      ...source.locateKey(path, key),
      path: formatFieldPath([...path, key]),
      message: `unknown field${suggestion(key)}`,
    }));
  }
  return [{ ...source.locate(path), path: formatFieldPath(path), message: issue.message }];
}

function suggestion(key: string): string {
  const near = KNOWN_FIELDS.filter(
    (known) =>
      known.toLowerCase() === key.toLowerCase() ||
      (key.length > 3 && editDistance(known.toLowerCase(), key.toLowerCase()) <= 2),
  );
  return near.length > 0 ? ` (did you mean ${near.map((k) => `"${k}"`).join(' or ')}?)` : '';
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length];
}

function unique(problems: CampaignProblem[]): CampaignProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.line}:${p.column}:${p.path}:${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
