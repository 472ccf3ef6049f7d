// Errors the coordinator reads: one clear sentence, no stack trace.
// Temporal's errors are told by name, not by class: importing @temporalio/client here would
// load it (a tenth of a second) in every CLI command, `--help` and `parse` included.
export const isTemporalError = (error: unknown, name: string): error is Error =>
  error instanceof Error && error.name === name;

export class OperationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OperationError';
  }
}

/** A change the workflow refused: the message is the workflow's own reason. */
export class RefusedError extends OperationError {
  constructor(readonly reason: string) {
    super(`Refused: ${reason}`);
    this.name = 'RefusedError';
  }
}

/** Turns what Temporal says into what the coordinator needs to hear. */
export function explain(error: unknown, what: string): Error {
  if (isTemporalError(error, 'WorkflowUpdateFailedError')) {
    return new RefusedError((error.cause as Error | undefined)?.message ?? error.message);
  }
  if (isTemporalError(error, 'WorkflowNotFoundError')) {
    return new OperationError(`${what} does not exist (or its history was deleted).`);
  }
  const e = error as { code?: number; message?: string };
  if (e?.code === 14 || /UNAVAILABLE|ECONNREFUSED|Failed to connect/i.test(e?.message ?? '')) {
    return new OperationError(
      `Temporal does not answer (${e.message}). Is the server up? Try: nettverk dev up`,
    );
  }
  return error instanceof Error ? error : new Error(String(error));
}
