// What counts as a usable address. Deliberately plain: we only need to catch typos in rosters
// and campaign files (missing @, spaces, a pasted display name), not to implement RFC 5322.

const DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,62}$/i;
const LOCAL_PART = /^[a-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}$/i;

export function isMailDomain(text: string): boolean {
  return DOMAIN.test(text);
}

export function isEmailAddress(text: string): boolean {
  const at = text.lastIndexOf('@');
  if (at <= 0) return false;
  const local = text.slice(0, at);
  return (
    LOCAL_PART.test(local) &&
    !local.startsWith('.') &&
    !local.endsWith('.') &&
    !local.includes('..') &&
    isMailDomain(text.slice(at + 1))
  );
}

/** The domain of an address, lower case. */
export function emailDomain(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1).toLowerCase();
}
