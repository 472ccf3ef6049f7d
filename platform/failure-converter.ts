// Failure messages and stack traces go into the failure's encoded attributes, so the payload
// codec encrypts them too: an activity's error can quote a name or an address. Loaded by
// path (platform/temporal.ts dataConverter), on the client and in the worker's workflow bundle.
import { DefaultFailureConverter } from '@temporalio/common';

export const failureConverter = new DefaultFailureConverter({ encodeCommonAttributes: true });
