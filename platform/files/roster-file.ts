// Reading a municipality roster from disk: the file system here, the parsing in the domain
// (domain/roster/bytes.ts).

import { parseRosterBytes } from '../../domain/roster/bytes';
import { RosterError, type RosterIssue } from '../../domain/roster/errors';
import type { Municipality } from '../../domain/types';
import { readFileBytes } from './read-file';

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
