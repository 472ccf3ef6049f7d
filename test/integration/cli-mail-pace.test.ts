// `campaign start --compress` with the workers' mail rate (issue 11): before anything starts,
// the CLI says how many campaign days the invitations take and what to set. Dry runs of the
// real binary: nothing reaches the servers.
import path from 'node:path';
import { cliRunner } from '../support/cli';
import { root, testConfig } from '../support/integration';

jest.setTimeout(120_000);

const config = testConfig();
const start = (...more: string[]) => [
  ...['campaign', 'start', path.join(root, 'campaigns', 'ks-ti-2013.yaml')],
  ...['--municipalities', path.join(root, 'campaigns', 'demo', 'municipalities.csv')],
  ...['--id', 'tempo-prove', '--dry-run'],
  ...more,
];

test('at 30 a minute and a second a day, the invitations would take weeks: said, with the fix', async () => {
  const { nettverk, json } = cliRunner(config, { MAIL_RATE_PER_MINUTE: '30' });
  const r = await nettverk(...start('--compress', '1s'));
  expect(r.code).toBe(0);
  expect(r.stderr).toMatch(
    /^warning Mail pace: 3\d invitations at 30 a minute \(MAIL_RATE_PER_MINUTE\) take 1 min \d+ s, \d+ campaign days\./m,
  );
  expect(r.stderr).toMatch(/set MAIL_RATE_PER_MINUTE=\d+ for the worker and restart it/);
  expect(r.stderr).toMatch(/or compress less: --compress 2m\./);
  expect(r.stdout).toContain('would be invited to tempo-prove. Nothing started.');

  // The JSON on stdout stays as it was: the pace is for the person at the terminal.
  const result = await json(...start('--compress', '1s'));
  expect(result).toEqual({
    campaignId: 'tempo-prove',
    valid: true,
    municipalities: expect.any(Number),
    started: 0,
  });
});

test('a rate that keeps up: one quiet line, no warning', async () => {
  const { nettverk } = cliRunner(config, { MAIL_RATE_PER_MINUTE: '6000' });
  const r = await nettverk(...start('--compress', '1s'));
  expect(r.code).toBe(0);
  expect(r.stderr).toMatch(
    /^Mail pace: 3\d invitations at 6000 a minute .* 0\.\d campaign days\.$/m,
  );
  expect(r.stderr).not.toContain('warning');
  // Without --compress the real calendar: nothing to say.
  const real = await nettverk(...start('--allow-after-deadline'));
  expect(real.stderr).not.toContain('Mail pace');
});
