// A roster is a spreadsheet someone exported; report every bad cell at once, by line number as
// the spreadsheet and the text editor both show it.

export interface RosterIssue {
  /** 1-based line in the file (the header is line 1 unless blank lines precede it). */
  line: number;
  /** The column concerned, as the roster format names it (`email`, `lat`), or `row`/`file`. */
  field: string;
  message: string;
}

export class RosterError extends Error {
  readonly issues: readonly RosterIssue[];

  constructor(
    readonly fileName: string,
    issues: readonly RosterIssue[],
  ) {
    const sorted = [...issues].sort((a, b) => a.line - b.line);
    const count = sorted.length === 1 ? '1 problem' : `${sorted.length} problems`;
    super(
      `Roster ${fileName} has ${count}:\n` +
        sorted.map((i) => `  ${fileName}:${i.line}  ${i.field}: ${i.message}`).join('\n'),
    );
    this.name = 'RosterError';
    this.issues = sorted;
  }
}
