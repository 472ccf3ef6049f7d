// A municipality roster's bytes → municipalities. Pure: the file is read at the edge
// (platform/files/roster-file.ts).

import type { Municipality } from '../types';
import { CSV, decodeTextFile } from '../text-file';
import { RosterError, type RosterIssue } from './errors';
import { parseRoster } from './parse';

/** Bytes as read from disk → roster; a file that is not UTF-8 text is refused in one line. */
export function parseRosterBytes(
  bytes: Uint8Array,
  fileName: string,
): { municipalities: Municipality[]; warnings: RosterIssue[] } {
  const decoded = decodeTextFile(bytes, CSV);
  if (!decoded.ok) throw RosterError.unreadable(fileName, decoded.line, decoded.message);
  return parseRoster(decoded.text, fileName);
}
