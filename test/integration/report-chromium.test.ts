// The report in a real browser: headless Chromium (Debian's package, installed if missing)
// opens the file offline, shows no console errors and makes no requests beyond the file itself;
// the map is drawn at a sensible size with every dot inside it. Leaves a screenshot in out/.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { ensureChromium } from '../../scripts/chromium';
import { renderReport } from '../../reporting/report';
import { EXPECTED, reportFixture } from '../unit/reporting/fixture';

jest.setTimeout(300_000);

const root = path.resolve(__dirname, '../..');
const screenshot = path.join(root, 'out', 'report-screenshot.png');

let browser: Browser;
let dir: string;

beforeAll(async () => {
  const executablePath = ensureChromium();
  browser = await chromium.launch({
    executablePath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nettverk-report-'));
});

afterAll(async () => {
  await browser?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

test('the report opens offline in Chromium, draws Norway with every dot on it, and is screenshotted', async () => {
  const file = path.join(dir, 'rapport.html');
  fs.writeFileSync(file, renderReport(reportFixture()));
  const url = `file://${file}`;

  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    offline: true,
  });
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  const requests: string[] = [];
  const failed: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(e.message));
  page.on('request', (r) => requests.push(r.url()));
  page.on('requestfailed', (r) => failed.push(`${r.url()}: ${r.failure()?.errorText}`));
  // Nothing may leave the machine: any request but the file itself is aborted and reported.
  await page.route('**/*', (route) =>
    route.request().url() === url ? route.continue() : route.abort('blockedbyclient'),
  );

  await page.goto(url, { waitUntil: 'load' });

  expect(consoleErrors).toEqual([]);
  expect(failed).toEqual([]);
  expect(requests).toEqual([url]);
  // No script ran: the participant named <script>… is text.
  expect(await page.locator('script').count()).toBe(0);
  expect(await page.getByText('<script>alert(1)</script>').first().isVisible()).toBe(true);

  const map = page.locator('svg.map');
  const box = await map.boundingBox();
  expect(box).not.toBeNull();
  expect(box!.width).toBeGreaterThan(300);
  expect(box!.height).toBeGreaterThan(300);

  const norway = await page.locator('svg.map path.norway').boundingBox();
  expect(norway!.width).toBeGreaterThan(box!.width * 0.8);
  expect(norway!.height).toBeGreaterThan(box!.height * 0.8);

  const dots = page.locator('svg.map circle.muni');
  const placed = page.locator('svg.map circle.muni.placed');
  expect(await placed.count()).toBe(EXPECTED.placed);
  expect(await dots.count()).toBe(EXPECTED.placed + EXPECTED.waitingList);
  for (const dot of await dots.all()) {
    const b = await dot.boundingBox();
    expect(b).not.toBeNull();
    expect(b!.x).toBeGreaterThanOrEqual(box!.x);
    expect(b!.y).toBeGreaterThanOrEqual(box!.y);
    expect(b!.x + b!.width).toBeLessThanOrEqual(box!.x + box!.width);
    expect(b!.y + b!.height).toBeLessThanOrEqual(box!.y + box!.height);
  }
  // Every venue's label is inside the map too.
  for (const label of await page.locator('svg.map .venue text').all()) {
    const b = await label.boundingBox();
    expect(b!.x).toBeGreaterThanOrEqual(box!.x);
    expect(b!.x + b!.width).toBeLessThanOrEqual(box!.x + box!.width + 1);
  }
  const funnel = await page.locator('svg.funnel').boundingBox();
  expect(funnel!.width).toBeGreaterThan(300);

  fs.mkdirSync(path.dirname(screenshot), { recursive: true });
  await page.screenshot({ path: screenshot, fullPage: true });
  await page
    .locator('.overview')
    .screenshot({ path: path.join(root, 'out', 'report-overview.png') });
  expect(fs.statSync(screenshot).size).toBeGreaterThan(50_000);
  await context.close();
});
