// What keeps one message from stopping the inbox: telling a payload Temporal refuses from
// Temporal being down, and a count of attempts per message so one that keeps failing (or
// hangs its attempt) goes to review instead of being read forever. The bounded `reply`
// signal itself is in mail/reply-signal.ts.
export {
  boundReply,
  MAX_SIGNAL_BYTES,
  REPLY_TEXT_CHARS,
  toParsedReply,
} from '../../mail/reply-signal';

/** Attempts at one message before it goes to review without being read again. */
export const MAX_ATTEMPTS = 3;

interface MaybeServiceError {
  name?: string;
  code?: number;
  message?: string;
  cause?: unknown;
}

function chain(error: unknown): MaybeServiceError[] {
  const out: MaybeServiceError[] = [];
  let e = error as MaybeServiceError | undefined;
  for (let i = 0; e && i < 5; i++, e = e.cause as MaybeServiceError | undefined) out.push(e);
  return out;
}

/**
 * Temporal refused the signal for its size (the server's blob limit: INVALID_ARGUMENT «Blob
 * data size exceeds limit»; gRPC's message limit: RESOURCE_EXHAUSTED). Sending it again
 * would fail again: the message goes to review.
 */
export function isPayloadTooLarge(error: unknown): boolean {
  return chain(error).some(
    (e) =>
      /blob (?:data )?size|exceeds (?:the )?(?:size )?limit|larger than max|message too large/i.test(
        e.message ?? '',
      ) ||
      (e.name !== 'ConnectionError' && e.code === 8),
  );
}

/**
 * Temporal unreachable or failing: leave the message in the inbox for the next sweep. Any
 * other service error counts (as before), except a refusal for size, which would recur.
 */
export function isTemporalUnavailable(error: unknown): boolean {
  if (isPayloadTooLarge(error)) return false;
  const e = error as MaybeServiceError;
  return e?.name === 'ServiceError' || e?.name === 'ConnectionError' || e?.code === 14;
}

/**
 * Attempts per message, kept in the watcher's heartbeat details: an attempt that hangs or
 * crashes its worker is counted too, because the count is recorded (and heartbeated) before
 * the message is read, and the next attempt of the activity starts from those details.
 */
export class AttemptLedger {
  constructor(private readonly counts: Record<string, number>) {}

  /** Counts one more attempt; false once the message has had its `MAX_ATTEMPTS`. */
  begin(key: string): boolean {
    const n = (this.counts[key] ?? 0) + 1;
    if (n > MAX_ATTEMPTS) return false;
    this.counts[key] = n;
    return true;
  }

  /** The attempt was not the message's fault (Temporal was down): it does not count. */
  undo(key: string): void {
    const n = (this.counts[key] ?? 1) - 1;
    if (n > 0) this.counts[key] = n;
    else delete this.counts[key];
  }

  /** The message left the inbox. */
  done(key: string): void {
    delete this.counts[key];
  }
}
