// Which municipality the coordinator means when they type a name: the names come from the
// campaign's journeys. Journeys started since names were kept carry theirs in the workflow
// memo, which the visibility list returns with no extra call; older ones are asked once each
// (the registrations in the campaign's state first, then the journey's own query).
import type { Client } from '@temporalio/client';
import {
  describeCandidate,
  looksLikeId,
  matchMunicipality,
  type NamedMunicipality,
} from '../domain/municipality-names';
import { MunicipalityIdKey } from '../platform/search-attributes';
import { campaignState, journeyQuery, journeyState } from './journeys';
import { explain, OperationError } from './errors';

export async function municipalityNames(
  client: Client,
  campaignId: string,
): Promise<NamedMunicipality[]> {
  const found = new Map<string, NamedMunicipality>();
  const unnamed = new Set<string>();
  try {
    for await (const w of client.workflow.list({
      query: journeyQuery({ campaignId }),
      pageSize: 1000,
    })) {
      const id = w.typedSearchAttributes.get(MunicipalityIdKey);
      if (!id || found.has(id)) continue;
      const memo = (w.memo ?? {}) as { name?: unknown; county?: unknown };
      if (typeof memo.name === 'string') {
        found.set(id, {
          id,
          name: memo.name,
          county: typeof memo.county === 'string' ? memo.county : null,
        });
        unnamed.delete(id);
      } else unnamed.add(id);
    }
  } catch (error) {
    throw explain(error, `The journeys of campaign ${campaignId}`);
  }
  if (unnamed.size) {
    const state = await campaignState(client, campaignId).catch(() => null);
    for (const r of state?.registrations ?? [])
      if (unnamed.delete(r.municipalityId))
        found.set(r.municipalityId, { id: r.municipalityId, name: r.name });
    const rest = [...unnamed];
    await Promise.all(
      Array.from({ length: Math.min(16, rest.length) }, async () => {
        for (let id = rest.pop(); id !== undefined; id = rest.pop()) {
          const s = await journeyState(client, campaignId, id).catch(() => null);
          if (s) found.set(id, { id, name: s.municipality.name, county: s.municipality.county });
        }
      }),
    );
  }
  return [...found.values()];
}

/**
 * The municipality id `text` stands for: a number as it is (the journey says if there is
 * none), a name looked up among the campaign's journeys. Nothing is guessed: a name that
 * fits none or several is refused with what there is to choose from.
 */
export async function resolveMunicipality(
  client: Client,
  campaignId: string,
  text: string,
): Promise<string> {
  if (looksLikeId(text)) return text.trim();
  const match = matchMunicipality(text, await municipalityNames(client, campaignId));
  if (match.kind === 'found') return match.municipality.id;
  if (match.kind === 'none')
    throw new OperationError(
      `No municipality in campaign ${campaignId} is called "${text}": give its number, or see \`nettverk list --campaign ${campaignId}\`.`,
    );
  const shown = match.candidates.slice(0, 20).map(describeCandidate).join(', ');
  const more = match.candidates.length > 20 ? ` and ${match.candidates.length - 20} more` : '';
  throw new OperationError(
    `"${text}" fits ${match.candidates.length} municipalities in campaign ${campaignId}: ${shown}${more}. Say which by its number; nothing was done.`,
  );
}
