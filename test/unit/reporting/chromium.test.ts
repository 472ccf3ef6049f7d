// The installer's decisions without installing anything: a Chromium already there is used as
// it is. (The install itself runs in test/integration/report-chromium.test.ts on a fresh machine.)
import { ensureChromium } from '../../../scripts/chromium';

test('an executable already present is returned without touching apt', () => {
  expect(ensureChromium(['/nonexistent/chromium', process.execPath])).toBe(process.execPath);
});
