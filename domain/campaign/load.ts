// The only part of the campaign module that touches the file system; workflows never import it.

import type { Campaign } from '../types';
import { readFileBytes } from '../read-file';
import { decodeTextFile, YAML } from '../text-file';
import { CampaignFileError } from './errors';
import { parseCampaign } from './parse';

/** Reads and parses a campaign file; problems are reported against `path` as given. */
export function loadCampaignFile(path: string): Campaign {
  return parseCampaignBytes(readBytes(path), path);
}

/** Bytes as read from disk → Campaign; a file that is not UTF-8 text is refused in one line. */
export function parseCampaignBytes(bytes: Uint8Array, fileName: string): Campaign {
  const decoded = decodeTextFile(bytes, YAML);
  if (!decoded.ok) throw CampaignFileError.unreadable(fileName, decoded.line, decoded.message);
  return parseCampaign(decoded.text, fileName);
}

function readBytes(path: string): Uint8Array {
  const read = readFileBytes(path);
  if (!read.ok) throw CampaignFileError.unreadable(path, 0, read.message);
  return read.bytes;
}
