// The journey directory the inbox matches against: Temporal's visibility store, queried
// by the Contacts search attribute (domains and hashed addresses, no addresses in clear),
// and a running journey's own contact keys (describe, or a batch's snapshot).
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { domainKey, FREEMAIL_DOMAINS } from '../../domain/contacts';
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

const refKey = (ref: JourneyRef) => `${ref.campaignId}/${ref.municipalityId}`;

/**
 * The contact keys of the running journeys among `refs`, from one visibility query for a
 * whole batch instead of a `describe` per reply. The visibility store lags, so only what
 * cannot go stale is taken from it (see `batchDirectory`); empty when the query fails.
 */
export async function runningContacts(
  client: Client,
  refs: JourneyRef[],
): Promise<Map<string, string[]>> {
  const found = new Map<string, string[]>();
  const ids = [...new Set(refs.map((r) => journeyWorkflowId(r.campaignId, r.municipalityId)))];
  if (!ids.length) return found;
  const query =
    `WorkflowType = "journey" AND ExecutionStatus = "Running" AND ` +
    `WorkflowId IN (${ids.map(quote).join(', ')})`;
  try {
    for await (const w of client.workflow.list({ query, pageSize: 100 })) {
      const campaignId = w.typedSearchAttributes.get(CampaignIdKey);
      const municipalityId = w.typedSearchAttributes.get(MunicipalityIdKey);
      if (campaignId && municipalityId)
        found.set(
          refKey({ campaignId, municipalityId }),
          w.typedSearchAttributes.get(ContactsKey) ?? [],
        );
    }
  } catch {
    // Every journey is then asked with describe, as before.
    found.clear();
  }
  return found;
}

/**
 * The directory for one message of a batch. A journey the batch's visibility snapshot shows
 * running, whose domain keys include the sender's (non-free-mail) domain, is answered from the
 * snapshot with its domain keys alone: they come from the municipality's fixed `domains` and
 * never change, so a stale snapshot cannot make them wrong. Everything else asks `describe`
 * (strongly consistent): address keys change when participants do, and a participant removed
 * a moment ago must not speak for the journey. A journey that closed since the snapshot is
 * told by its signal failing: the reply goes to review, as with `describe`.
 */
export function batchDirectory(
  base: JourneyDirectory,
  snapshot: Map<string, string[]>,
  senderDomain: string | null,
): JourneyDirectory {
  return {
    async contactsOf(ref: JourneyRef) {
      const keys = snapshot.get(refKey(ref));
      if (keys && senderDomain && !FREEMAIL_DOMAINS.has(senderDomain)) {
        const domains = keys.filter((k) => k.startsWith('d:'));
        if (domains.includes(domainKey(senderDomain))) return domains;
      }
      return base.contactsOf(ref);
    },
    findByContact: (keys) => base.findByContact(keys),
  };
}
