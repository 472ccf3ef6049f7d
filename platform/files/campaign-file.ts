// Reading a campaign file from disk: the file system here, the parsing in the domain
// (domain/campaign/bytes.ts). Workflows never import this.

import { parseCampaignBytes } from '../../domain/campaign/bytes';
import { CampaignFileError } from '../../domain/campaign/errors';
import type { Campaign } from '../../domain/types';
import { readFileBytes } from './read-file';

/** Reads and parses a campaign file; problems are reported against `path` as given. */
export function loadCampaignFile(path: string): Campaign {
  return parseCampaignBytes(readBytes(path), path);
}

function readBytes(path: string): Uint8Array {
  const read = readFileBytes(path);
  if (!read.ok) throw CampaignFileError.unreadable(path, 0, read.message);
  return read.bytes;
}
