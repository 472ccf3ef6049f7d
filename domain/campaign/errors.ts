// The coordinator edits the campaign file by hand; one run should show every mistake at once,
// each with the place to fix it, rather than one error per attempt.

/** Where in the file a problem is: `networks[1].gatherings[0].date`. */
export type FieldPath = readonly (string | number)[];

export interface CampaignProblem {
  /** 1-based, as editors count; 0 when the file as a whole cannot be read (missing, a folder). */
  line: number;
  column: number;
  /** Empty for problems of the file as a whole (YAML syntax). */
  path: string;
  message: string;
}

export function formatFieldPath(path: FieldPath): string {
  let out = '';
  for (const part of path) {
    out += typeof part === 'number' ? `[${part}]` : out === '' ? part : `.${part}`;
  }
  return out;
}

export function formatProblem(fileName: string, problem: CampaignProblem): string {
  const where = `${fileName}:${problem.line}:${problem.column}`;
  return problem.path === ''
    ? `${where}  ${problem.message}`
    : `${where}  ${problem.path}: ${problem.message}`;
}

export class CampaignFileError extends Error {
  readonly problems: readonly CampaignProblem[];

  constructor(
    readonly fileName: string,
    problems: readonly CampaignProblem[],
    summary?: string,
  ) {
    const sorted = [...problems].sort((a, b) => a.line - b.line || a.column - b.column);
    const count = sorted.length === 1 ? '1 problem' : `${sorted.length} problems`;
    super(
      summary ??
        `Campaign file ${fileName} has ${count}:\n` +
          sorted.map((p) => `  ${formatProblem(fileName, p)}`).join('\n'),
    );
    this.name = 'CampaignFileError';
    this.problems = sorted;
  }

  /** A file that is not a campaign file at all (missing, a folder, binary, not UTF-8): one line. */
  static unreadable(fileName: string, line: number, message: string): CampaignFileError {
    return new CampaignFileError(
      fileName,
      [{ line, column: line === 0 ? 0 : 1, path: '', message }],
      `${fileName}: ${message}`,
    );
  }
}
