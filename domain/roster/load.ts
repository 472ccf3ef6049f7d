// The only part of the roster module that touches the file system.

import { readFileSync } from 'node:fs';
import type { Municipality } from '../types';
import { parseMunicipalities } from './parse';

/** Reads and parses a municipality roster; problems are reported against `path` as given. */
export function loadMunicipalitiesFile(path: string): Municipality[] {
  return parseMunicipalities(readFileSync(path, 'utf8'), path);
}
