// What our own receiving server concluded about a message's sender: the
// Authentication-Results header field (RFC 8601) with SPF, DKIM and DMARC results. Pure.
//
// Anyone can write Authentication-Results into a message they send, including one with our
// server's authserv-id. Our server prepends its own above everything the message brought,
// so only the topmost field with our authserv-id is read. Results only ever take trust
// away (a failing claim goes to review); a forged "pass" gains nothing over no field.

export interface AuthResult {
  /** Lower-case method: `spf`, `dkim`, `dmarc`, `arc`, … */
  method: string;
  /** Lower-case result: `pass`, `fail`, `softfail`, `none`, `temperror`, … */
  result: string;
  /** `ptype.property` → value, e.g. `header.from` → `voss.kommune.no`. */
  properties: Record<string, string>;
}

export interface AuthenticationResults {
  /** Lower-case; null when the field starts with a result (some servers omit it). */
  authservId: string | null;
  results: AuthResult[];
}

/** Removes RFC 5322 comments (nested parentheses, backslash escapes), outside quoted strings. */
function stripComments(value: string): string {
  let out = '';
  let depth = 0;
  let quoted = false;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === '\\' && (quoted || depth > 0)) {
      if (depth === 0) out += c + (value[i + 1] ?? '');
      i += 1;
    } else if (quoted) {
      out += c;
      if (c === '"') quoted = false;
    } else if (c === '(') depth += 1;
    else if (c === ')' && depth > 0) depth -= 1;
    else if (depth === 0) {
      if (c === '"') quoted = true;
      out += c;
    }
  }
  return out;
}

/** Splits on `;` outside quoted strings. */
function splitResinfo(value: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === '\\' && quoted) {
      current += c + (value[i + 1] ?? '');
      i += 1;
      continue;
    }
    if (c === '"') quoted = !quoted;
    if (c === ';' && !quoted) {
      parts.push(current.trim());
      current = '';
    } else current += c;
  }
  parts.push(current.trim());
  return parts;
}

const unquote = (s: string) => (s.startsWith('"') && s.endsWith('"') ? s.slice(1, -1) : s);
const METHOD = /^([a-z0-9][a-z0-9_-]*)(?:\/\d+)?\s*=\s*([a-z0-9_-]+)$/i;

function parseResinfo(text: string): AuthResult | null {
  // `method[/version]=result [reason=…] [ptype.property=value …]`
  const tokens = text.match(/(?:[^\s="]+\s*=\s*(?:"(?:[^"\\]|\\.)*"|[^\s;]+))|[^\s]+/g) ?? [];
  const head = METHOD.exec(tokens[0] ?? '');
  if (!head) return null;
  const properties: Record<string, string> = {};
  for (const token of tokens.slice(1)) {
    const eq = token.indexOf('=');
    if (eq <= 0) continue;
    properties[token.slice(0, eq).trim().toLowerCase()] = unquote(token.slice(eq + 1).trim());
  }
  return { method: head[1].toLowerCase(), result: head[2].toLowerCase(), properties };
}

/** One Authentication-Results field value (unfolded). Unreadable parts are skipped. */
export function parseAuthenticationResults(value: string): AuthenticationResults {
  const parts = splitResinfo(stripComments(value));
  const first = parts[0] ?? '';
  let authservId: string | null = null;
  let rest = parts.slice(1);
  if (METHOD.test(first.split(/\s+/)[0] ?? '')) {
    // No authserv-id: the field starts with its first result (Microsoft 365 writes them so).
    rest = parts;
  } else {
    // `authserv-id [version]`; a lone `none` after it means no method was applied.
    authservId = unquote(first.split(/\s+/)[0] ?? '').toLowerCase() || null;
  }
  const results = rest
    .filter((p) => p && p.toLowerCase() !== 'none')
    .map(parseResinfo)
    .filter((r): r is AuthResult => r !== null);
  return { authservId, results };
}

/** The results our own server added: the topmost field carrying our authserv-id, if any. */
export function ourAuthenticationResults(
  fields: string[],
  authservId: string | null,
): AuthenticationResults | null {
  if (!authservId) return null;
  const id = authservId.toLowerCase();
  for (const field of fields) {
    const parsed = parseAuthenticationResults(field);
    if (parsed.authservId === id) return parsed;
  }
  return null;
}

export type SenderVerdict = { ok: true; checked: boolean } | { ok: false; reason: string };

/**
 * Whether our server's results contradict the From header: DMARC failed, or SPF failed with
 * no DKIM signature passing. No results (none configured, none added) leave the decision
 * to the From header and the contacts, as before.
 */
export function senderVerdict(fields: string[], authservId: string | null): SenderVerdict {
  const ours = ourAuthenticationResults(fields, authservId);
  if (!ours) return { ok: true, checked: false };
  const of = (method: string) => ours.results.filter((r) => r.method === method);
  const dmarcFailed = of('dmarc').some((r) => r.result === 'fail');
  if (dmarcFailed) return { ok: false, reason: 'the sender failed DMARC at our mail server' };
  const spfFailed = of('spf').some((r) => r.result === 'fail');
  const dkimPassed = of('dkim').some((r) => r.result === 'pass');
  if (spfFailed && !dkimPassed) {
    return { ok: false, reason: 'the sender failed SPF at our mail server, with no DKIM pass' };
  }
  return { ok: true, checked: true };
}
