// The only part of the campaign module that touches the file system; workflows never import it.

import { readFileSync } from 'node:fs';
import type { Campaign } from '../types';
import { parseCampaign } from './parse';

/** Reads and parses a campaign file; problems are reported against `path` as given. */
export function loadCampaignFile(path: string): Campaign {
  return parseCampaign(readFileSync(path, 'utf8'), path);
}
