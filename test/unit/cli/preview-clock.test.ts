import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { previewNow } from '../../../cli/preview-clock';
import { loadCampaignFile } from '../../../platform/files/campaign-file';
import { sampleCampaign, sampleContext } from '../../../mail/outgoing/samples';

// The shipped file two years on: what a coordinator previews before the next round.
const root = path.resolve(__dirname, '../../..');
const text = fs
  .readFileSync(path.join(root, 'campaigns', 'ks-ti-2013.yaml'), 'utf8')
  .replace(/2014/g, '2016')
  .replace(/2013/g, '2015');
const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'preview-')), 'ks-ti-2015.yaml');
fs.writeFileSync(file, text);
const campaign2015 = loadCampaignFile(file);

test("a registration mail is written as long after the file's invitation as the sample's", () => {
  const ctx = sampleContext('registration-confirmation');
  expect(ctx.now).toBe('2013-05-10T09:12:00.000Z');
  // (the sample's invitation goes an hour earlier in the day than the file's)
  expect(previewNow(ctx, sampleCampaign(), campaign2015)).toBe('2015-05-10T08:12:00.000Z');
});

test('a gathering mail keeps its distance to the gathering it is about', () => {
  const ctx = sampleContext('lessons-request'); // after gathering 3, «March 2014» in the sample
  expect(ctx.now.startsWith('2014-03-27')).toBe(true);
  expect(previewNow(ctx, sampleCampaign(), campaign2015).startsWith('2016-03-27')).toBe(true);
  const reminder = sampleContext('gathering-reminder'); // before A's first, 18 June
  expect(previewNow(reminder, sampleCampaign(), campaign2015)).toBe(
    reminder.now.replace('2013', '2015'),
  );
});
