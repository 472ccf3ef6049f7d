// Authentication-Results (RFC 8601): only our own server's word counts, and only against.
import {
  ourAuthenticationResults,
  parseAuthenticationResults,
  senderVerdict,
} from '../../../mail/authentication';

const ours = 'mx.transparency.no';

test('a typical field: authserv-id, comments, quoted values, several methods', () => {
  const parsed = parseAuthenticationResults(
    'MX.Transparency.no 1; dkim=pass (2048-bit key; unprotected) header.d=voss.kommune.no ' +
      'header.s=sel1 header.b="AbC;d"; spf=pass (mx.transparency.no: domain of ' +
      'kari@voss.kommune.no designates 192.0.2.1 as permitted sender) smtp.mailfrom=kari@voss.kommune.no; ' +
      'dmarc=pass (p=QUARANTINE sp=NONE dis=NONE) header.from=voss.kommune.no',
  );
  expect(parsed.authservId).toBe('mx.transparency.no');
  expect(parsed.results).toEqual([
    {
      method: 'dkim',
      result: 'pass',
      properties: { 'header.d': 'voss.kommune.no', 'header.s': 'sel1', 'header.b': 'AbC;d' },
    },
    { method: 'spf', result: 'pass', properties: { 'smtp.mailfrom': 'kari@voss.kommune.no' } },
    { method: 'dmarc', result: 'pass', properties: { 'header.from': 'voss.kommune.no' } },
  ]);
});

test('no result, versions on methods, and a field without an authserv-id (Microsoft 365)', () => {
  expect(parseAuthenticationResults('mx.transparency.no; none')).toEqual({
    authservId: 'mx.transparency.no',
    results: [],
  });
  expect(parseAuthenticationResults('a.example; dkim/1=fail reason="bad sig"').results).toEqual([
    { method: 'dkim', result: 'fail', properties: { reason: 'bad sig' } },
  ]);
  const m365 = parseAuthenticationResults(
    'spf=fail (sender IP is 203.0.113.9) smtp.mailfrom=voss.kommune.no; dkim=none (message ' +
      'not signed) header.d=none;dmarc=fail action=quarantine header.from=voss.kommune.no;compauth=fail reason=000',
  );
  expect(m365.authservId).toBeNull();
  expect(m365.results.map((r) => `${r.method}=${r.result}`)).toEqual([
    'spf=fail',
    'dkim=none',
    'dmarc=fail',
    'compauth=fail',
  ]);
});

test("only the topmost field with our authserv-id is ours; others' and forged ones below are not", () => {
  const fields = [
    `${ours}; dmarc=fail header.from=voss.kommune.no`,
    `${ours}; dmarc=pass header.from=voss.kommune.no`, // the sender's forgery, below ours
    'mx.voss.kommune.no; dmarc=pass header.from=voss.kommune.no',
  ];
  expect(ourAuthenticationResults(fields, ours)?.results[0].result).toBe('fail');
  expect(ourAuthenticationResults(fields.slice(2), ours)).toBeNull();
  expect(ourAuthenticationResults(fields, null)).toBeNull();
});

describe('the sender decision', () => {
  const verdict = (...fields: string[]) => senderVerdict(fields, ours);

  test('dmarc=fail, or spf=fail without a passing DKIM signature, goes to review', () => {
    expect(verdict(`${ours}; dmarc=fail header.from=voss.kommune.no`)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/DMARC/),
    });
    expect(verdict(`${ours}; spf=fail smtp.mailfrom=voss.kommune.no; dkim=none`)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/SPF/),
    });
  });

  test('spf=fail with dkim=pass (a forwarder), passes, softfails and nothing at all are no objection', () => {
    expect(
      verdict(`${ours}; spf=fail smtp.mailfrom=x; dkim=pass header.d=voss.kommune.no`),
    ).toEqual({ ok: true, checked: true });
    expect(verdict(`${ours}; spf=softfail smtp.mailfrom=x; dmarc=none`)).toEqual({
      ok: true,
      checked: true,
    });
    expect(verdict()).toEqual({ ok: true, checked: false });
  });

  test("someone else's failing results, or any without our authserv-id configured, are not read", () => {
    expect(verdict('mx.elsewhere.example; dmarc=fail header.from=voss.kommune.no')).toEqual({
      ok: true,
      checked: false,
    });
    expect(senderVerdict([`${ours}; dmarc=fail`], null)).toEqual({ ok: true, checked: false });
    // A forged pass below our server's fail does not undo it.
    expect(verdict(`${ours}; dmarc=fail`, `${ours}; dmarc=pass`)).toMatchObject({ ok: false });
  });
});
