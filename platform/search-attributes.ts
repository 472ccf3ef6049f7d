// Custom search attributes: what the coordinator (CLI, Temporal UI, `temporal workflow
// list --query "Stage='registered'"`) filters journeys by. Imported by workflow code too,
// so only @temporalio/common here.
import { defineSearchAttributeKey } from '@temporalio/common';

export const CampaignIdKey = defineSearchAttributeKey('CampaignId', 'KEYWORD');
export const MunicipalityIdKey = defineSearchAttributeKey('MunicipalityId', 'KEYWORD');
export const StageKey = defineSearchAttributeKey('Stage', 'KEYWORD');
export const NetworkKey = defineSearchAttributeKey('Network', 'KEYWORD');
export const FlaggedKey = defineSearchAttributeKey('Flagged', 'BOOL');
/** Who may speak for a journey: `d:<domain>` and `a:<hash of address>` (no addresses in clear). */
export const ContactsKey = defineSearchAttributeKey('Contacts', 'KEYWORD_LIST');

export const SEARCH_ATTRIBUTE_KEYS = [
  CampaignIdKey,
  MunicipalityIdKey,
  StageKey,
  NetworkKey,
  FlaggedKey,
  ContactsKey,
] as const;

const DEV_SERVER_TYPE = { KEYWORD: 'Keyword', BOOL: 'Bool', KEYWORD_LIST: 'KeywordList' } as const;

/** `temporal server start-dev --search-attribute` flags for the keys above. */
export function devServerSearchAttributeFlags(): string[] {
  return SEARCH_ATTRIBUTE_KEYS.flatMap((key) => [
    '--search-attribute',
    `${key.name}=${DEV_SERVER_TYPE[key.type as keyof typeof DEV_SERVER_TYPE]}`,
  ]);
}
