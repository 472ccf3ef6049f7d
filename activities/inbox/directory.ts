// The journey directory the inbox matches against: Temporal's visibility store, queried
// by the Contacts search attribute (domains and hashed addresses, no addresses in clear).
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { JourneyDirectory, JourneyRef } from '../../mail/match';
import { CampaignIdKey, ContactsKey, MunicipalityIdKey } from '../../platform/search-attributes';
import { journeyWorkflowId } from '../../workflows/definitions';

const quote = (s: string) => `"${s.replace(/["\\]/g, '')}"`;

export function visibilityDirectory(client: Client): JourneyDirectory {
  return {
    async contactsOf(ref: JourneyRef) {
      try {
        const d = await client.workflow
          .getHandle(journeyWorkflowId(ref.campaignId, ref.municipalityId))
          .describe();
        if (d.status.name !== 'RUNNING') return null;
        return d.typedSearchAttributes.get(ContactsKey) ?? [];
      } catch (error) {
        if (error instanceof WorkflowNotFoundError) return null;
        throw error;
      }
    },
    async findByContact(keys: string[]) {
      const query =
        `WorkflowType = "journey" AND ExecutionStatus = "Running" AND ` +
        `Contacts IN (${keys.map(quote).join(', ')})`;
      const found: (JourneyRef & { keys: string[] })[] = [];
      for await (const w of client.workflow.list({ query, pageSize: 100 })) {
        const campaignId = w.typedSearchAttributes.get(CampaignIdKey);
        const municipalityId = w.typedSearchAttributes.get(MunicipalityIdKey);
        if (campaignId && municipalityId) {
          found.push({
            campaignId,
            municipalityId,
            keys: w.typedSearchAttributes.get(ContactsKey) ?? [],
          });
        }
        if (found.length > 20) break;
      }
      return found;
    },
  };
}
