// A roster is a spreadsheet someone exported; report every bad cell at once, by line number as
// the spreadsheet and the text editor both show it.

export interface RosterIssue {
  /**
   * 1-based line in the file (the header is line 1 unless blank lines precede it); 0 when the
   * file as a whole cannot be read (missing, a folder).
   */
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
    summary?: string,
  ) {
    const sorted = [...issues].sort((a, b) => a.line - b.line);
    const count = sorted.length === 1 ? '1 problem' : `${sorted.length} problems`;
    super(
      summary ??
        `Roster ${fileName} has ${count}:\n` +
          sorted.map((i) => `  ${fileName}:${i.line}  ${i.field}: ${i.message}`).join('\n'),
    );
    this.name = 'RosterError';
    this.issues = sorted;
  }

  /**
   * A file that is not a roster at all (missing, a folder, an image, not UTF-8): nothing in it
   * can be checked, so one line says what it is: `kommuner.csv: not UTF-8 (byte 0xF8 …); …`.
   */
  static unreadable(fileName: string, line: number, message: string): RosterError {
    return new RosterError(fileName, [{ line, field: 'file', message }], `${fileName}: ${message}`);
  }
}
