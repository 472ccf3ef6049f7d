// Two municipalities that share a way of being reached. The inbox tells journeys apart by the
// sender's address, then by its domain (mail/match.ts), so overlaps make replies ambiguous:
//
// - The same address for two municipalities is refused: both get every mail twice in one inbox,
//   and a reply from it, without our reference, matches both journeys and waits in review.
//   It is almost always a copy-paste slip; each needs an address of its own.
// - One municipality's address in another's domain (or any domain two of them list) is only
//   a warning: a kommunalt foretak or an intermunicipal office often uses its owner's mail
//   domain (havn@bronnoy.kommune.no). Its replies still match by address, but anyone else from
//   that domain may speak for both, and a stranger from it with no reference goes to review.
//   Worth knowing, not worth stopping for.

import { FREEMAIL_DOMAINS } from '../contacts';
import type { Municipality } from '../types';
import { emailDomain } from './email';
import type { RosterIssue } from './errors';

/** `lines[i]` is the line municipality `i` was read from. */
export function sharedContacts(
  municipalities: readonly Municipality[],
  lines: readonly number[],
): { refusals: RosterIssue[]; warnings: RosterIssue[] } {
  const refusals: RosterIssue[] = [];
  const warnings: RosterIssue[] = [];
  const label = (i: number) =>
    `${municipalities[i].id} ${municipalities[i].name} (line ${lines[i]})`;

  const firstWithAddress = new Map<string, number>();
  municipalities.forEach((m, i) => {
    const address = m.email.toLowerCase();
    const first = firstWithAddress.get(address);
    if (first === undefined) firstWithAddress.set(address, i);
    else {
      refusals.push({
        line: lines[i],
        field: 'email',
        message: `${m.email} is also the address of ${label(first)}: each municipality needs its own`,
      });
    }
  });

  // A domain two of them list (as their address's or in `domains`): warned once, on the line
  // of the later one, naming all. Free-mail domains vouch for no one (domain/contacts.ts).
  const ownersOfDomain = new Map<string, number[]>();
  municipalities.forEach((m, i) => {
    for (const domain of m.domains) {
      if (FREEMAIL_DOMAINS.has(domain)) continue;
      ownersOfDomain.set(domain, [...(ownersOfDomain.get(domain) ?? []), i]);
    }
  });
  for (const [domain, owners] of ownersOfDomain) {
    if (owners.length < 2) continue;
    const last = owners[owners.length - 1];
    const names = owners.map(label);
    warnings.push({
      line: lines[last],
      field: emailDomain(municipalities[last].email) === domain ? 'email' : 'domains',
      message: `${domain} is a mail domain of ${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}: people writing from it may answer for each, and a reply from it without our reference goes to review`,
    });
  }
  return { refusals, warnings: warnings.sort((a, b) => a.line - b.line) };
}
