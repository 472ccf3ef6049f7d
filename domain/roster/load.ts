// The only part of the roster module that touches the file system.

import type { Municipality } from '../types';
import { readFileBytes } from '../read-file';
import { CSV, decodeTextFile } from '../text-file';
import { RosterError, type RosterIssue } from './errors';
import { parseRoster } from './parse';

/**
 * Reads and parses a municipality roster; problems are reported against `path` as given.
 * Warnings (a municipality's address in another's domain) do not stop it; `onWarning` hears them.
 */
export function loadMunicipalitiesFile(
  path: string,
  onWarning?: (warning: RosterIssue) => void,
): Municipality[] {
  const read = readFileBytes(path);
  if (!read.ok) throw RosterError.unreadable(path, 0, read.message);
  const { municipalities, warnings } = parseRosterBytes(read.bytes, path);
  if (onWarning) warnings.forEach(onWarning);
  return municipalities;
}

/** Bytes as read from disk → roster; a file that is not UTF-8 text is refused in one line. */
export function parseRosterBytes(
  bytes: Uint8Array,
  fileName: string,
): { municipalities: Municipality[]; warnings: RosterIssue[] } {
  const decoded = decodeTextFile(bytes, CSV);
  if (!decoded.ok) throw RosterError.unreadable(fileName, decoded.line, decoded.message);
  return parseRoster(decoded.text, fileName);
}
