// Why an assignment or a coordinator's correction cannot be made, in terms the CLI can show.

export type AssignmentErrorReason =
  | 'invalid-input'
  | 'venue-without-coordinates'
  | 'unknown-municipality'
  | 'unknown-network'
  | 'already-there'
  | 'over-capacity';

export class AssignmentError extends Error {
  constructor(
    readonly reason: AssignmentErrorReason,
    message: string,
    readonly context: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = 'AssignmentError';
  }
}
