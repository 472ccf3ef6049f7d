// A campaign file's bytes → Campaign. Pure: the file is read at the edge
// (platform/files/campaign-file.ts); workflows never import this.

import type { Campaign } from '../types';
import { decodeTextFile, YAML } from '../text-file';
import { CampaignFileError } from './errors';
import { parseCampaign } from './parse';

/** Bytes as read from disk → Campaign; a file that is not UTF-8 text is refused in one line. */
export function parseCampaignBytes(bytes: Uint8Array, fileName: string): Campaign {
  const decoded = decodeTextFile(bytes, YAML);
  if (!decoded.ok) throw CampaignFileError.unreadable(fileName, decoded.line, decoded.message);
  return parseCampaign(decoded.text, fileName);
}
