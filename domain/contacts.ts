// Who may speak for a municipality: its own mail domains and the people it registered.
// Stored as a search attribute so the inbox can find a journey by sender; addresses are
// hashed there, so the visibility store holds no address in clear. Deterministic and
// dependency-free: workflow code computes these keys too.

export function emailDomain(address: string): string {
  return address
    .slice(address.lastIndexOf('@') + 1)
    .toLowerCase()
    .trim();
}

/** cyrb53: a fast 53-bit string hash; collisions only send a reply to review. */
function hash53(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

export const domainKey = (domain: string) => `d:${domain.toLowerCase().trim()}`;
export const addressKey = (address: string) => `a:${hash53(address.toLowerCase().trim())}`;

/** Free-mail domains never vouch for a municipality, even if someone listed one. */
export const FREEMAIL_DOMAINS = new Set([
  'gmail.com',
  'googlemail.com',
  'hotmail.com',
  'hotmail.no',
  'outlook.com',
  'live.no',
  'live.com',
  'yahoo.com',
  'yahoo.no',
  'icloud.com',
  'me.com',
  'online.no',
  'getmail.no',
  'protonmail.com',
  'proton.me',
]);

/** Text fit for a log line: addresses replaced by their domain («<…@voss.kommune.no>»). */
export function redactAddresses(text: string): string {
  return text.replace(/[^\s<>"'(),;:]+@([a-z0-9.-]+\.[a-z]{2,})/gi, '<…@$1>');
}

export function contactKeys(domains: string[], addresses: (string | null)[]): string[] {
  const keys = new Set<string>();
  for (const d of domains) if (!FREEMAIL_DOMAINS.has(d.toLowerCase())) keys.add(domainKey(d));
  for (const a of addresses) if (a) keys.add(addressKey(a));
  return [...keys].sort();
}
