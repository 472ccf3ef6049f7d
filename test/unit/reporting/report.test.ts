import { escapeHtml, markup, raw } from '../../../reporting/html';
import { logistics } from '../../../reporting/logistics';
import { basemap, spreadDots } from '../../../reporting/map';
import { compactNumbers, renderReport } from '../../../reporting/report';
import { EXPECTED, SCRIPT_NAME, largeFixture, reportFixture } from './fixture';

const data = reportFixture();
const page = renderReport(data);

/** The inner markup of the first element matching an opening tag. */
function section(text: string, open: RegExp, close: string): string {
  const start = text.search(open);
  expect(start).toBeGreaterThanOrEqual(0);
  return text.slice(start, text.indexOf(close, start) + close.length);
}

const mapSvg = section(page, /<svg class="map"/, '</svg>');
const funnelSvg = section(page, /<svg class="funnel"/, '</svg>');

describe('the report', () => {
  test('is one HTML document with its title, project and time', () => {
    expect(page.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(page).toContain('<html lang="nb">');
    expect(page).toContain('<meta charset="utf-8">');
    expect(page).toContain('<h1>Korrupsjonsforebyggende nettverk 2013–2014</h1>');
    expect(page).toContain('«Åpenhet, integritet og antikorrupsjonsarbeid i kommunesektoren»');
    expect(page).toContain('Generert 20. april 2014 kl. 10.00');
    expect(page).toContain('data-phase="running">Nettverkene er i gang');
    expect(page).toContain(
      `data-open-flags="${EXPECTED.openFlags}">${EXPECTED.openFlags} åpne saker`,
    );
  });

  test('is self-contained: no scripts, no external resources', () => {
    expect(page).not.toMatch(/<script/i);
    expect(page).not.toMatch(/<link\b/i);
    expect(page).not.toMatch(/<img\b/i);
    expect(page).not.toMatch(/\b(src|href|xlink:href)\s*=/i);
    expect(page).not.toMatch(/url\(\s*['"]?(https?:)?\/\//i);
    expect(page).not.toMatch(/@import/i);
    // The handbook's address is there to read, not to load.
    expect(page).toContain('<span class="url">http://www.ks.no/Portaler/Etikkportalen/');
  });

  test('escapes every value: a participant named <script> is text', () => {
    expect(page).not.toContain(SCRIPT_NAME);
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).toContain('Rådgiver &amp; «sikkerhet»');
    expect(page).toContain('Leder; &quot;kontroll&quot; og tilsyn');
    expect(page).toContain('&lt;b&gt;styreverv&lt;/b&gt; &amp; bindinger');
  });

  test('the map: Norway and its neighbours, one circle per placed municipality, the waiting list in grey', () => {
    expect(mapSvg).toMatch(/<path class="norway" d="M[\d.,LMZ -]{2000,}"/);
    for (const country of ['Sverige', 'Finland', 'Russland'])
      expect(mapSvg).toContain(`data-country="${country}"`);
    const placed = [
      ...mapSvg.matchAll(
        /<circle class="muni placed" data-municipality="([^"]+)" data-network="([A-C])"/g,
      ),
    ];
    expect(placed).toHaveLength(EXPECTED.placed);
    expect(new Set(placed.map((m) => m[1])).size).toBe(EXPECTED.placed);
    const perNetwork = (id: string) => placed.filter((m) => m[2] === id).length;
    expect({ A: perNetwork('A'), B: perNetwork('B'), C: perNetwork('C') }).toEqual(
      EXPECTED.placedByNetwork,
    );
    const grey = [...mapSvg.matchAll(/<circle class="muni unplaced"[^>]*fill="#8c8c8c"/g)];
    expect(grey).toHaveLength(EXPECTED.waitingList);
    // A, B and C in three distinct colours.
    const colours = new Set(
      [...mapSvg.matchAll(/data-network="[A-C]"[^>]*fill="(#[0-9A-Fa-f]{6})"/g)].map((m) => m[1]),
    );
    expect(colours.size).toBe(3);
    // Nobody who declined, never answered or was cancelled is on the map.
    for (const name of ['Kongsberg', 'Sandefjord', 'Lillehammer', 'Grimstad']) {
      const id = data.journeys.find((j) => j.municipality.name === name)!.municipality.id;
      expect(mapSvg).not.toContain(`data-municipality="${id}"`);
    }
    // Every circle within the map.
    const { width, height } = basemap();
    for (const m of mapSvg.matchAll(
      /<circle class="muni[^"]*"[^>]* cx="([\d.-]+)" cy="([\d.-]+)"/g,
    )) {
      expect(Number(m[1])).toBeGreaterThan(0);
      expect(Number(m[1])).toBeLessThan(width);
      expect(Number(m[2])).toBeGreaterThan(0);
      expect(Number(m[2])).toBeLessThan(height);
    }
  });

  test('the map marks the venues with labels, and has a legend', () => {
    const venues = [...mapSvg.matchAll(/<g class="venue" data-venue="([^"]+)">/g)].map((m) => m[1]);
    expect(venues.sort()).toEqual(['bergen', 'gardermoen', 'oslo', 'stavanger', 'trondheim']);
    expect(mapSvg).toContain('>Gardermoen</text>');
    expect(mapSvg).toContain('>A 1, 2</text>');
    expect(mapSvg).toContain('>C 1–3</text>');
    expect(mapSvg).toContain('>Nettverk A – 10 kommuner</text>');
    expect(mapSvg).toContain('>Ikke plassert – 4</text>');
    expect(mapSvg).toContain('>Samlingssted</text>');
  });

  test('the funnel: bars with labels and counts, placed split by network', () => {
    const step = (key: string) =>
      new RegExp(`data-step="${key}" data-value="(\\d+)"`).exec(funnelSvg)?.[1];
    expect(step('invited')).toBe(String(EXPECTED.invited));
    expect(step('answered')).toBe(String(EXPECTED.answered));
    expect(step('registered')).toBe(String(EXPECTED.registered));
    expect(step('placed')).toBe(String(EXPECTED.placed));
    expect(step('completed')).toBe(String(EXPECTED.completed));
    expect(step('declined')).toBe(String(EXPECTED.declined));
    expect(step('noResponse')).toBe(String(EXPECTED.noResponse));
    expect(step('waitingList')).toBe(String(EXPECTED.waitingList));
    expect(step('awaiting')).toBeUndefined(); // zero: left out
    for (const label of [
      'Invitert',
      'Svart',
      'Påmeldt',
      'Plassert i nettverk',
      'Fullført',
      'Takket nei',
    ]) {
      expect(funnelSvg).toContain(`>${label}</text>`);
    }
    expect(funnelSvg).toContain('>A 10</text>');
    expect(funnelSvg).toContain('<tspan class="pct" dx="6">74 %</tspan>');
  });

  test('the networks: municipalities, participants with titles, venue and dates, a month when not set', () => {
    const c = section(page, /<article class="network"[^>]*data-network="C"/, '</article>');
    expect(c).toContain('26 deltakere fra 10 kommuner');
    expect(c).toContain('17.–18. september 2013');
    expect(c).toContain('mai 2014 (dato ikke satt)');
    expect(c).toContain('Trondheim');
    expect(c).toContain('Øystein Ærø Åsen (Økonomisjef)');
    expect(c.indexOf('>Alta<')).toBeLessThan(c.indexOf('>Ålesund<'));
    expect(page).toContain('venteliste (plass 4)');
  });

  test('logistics per gathering: the same numbers as the export', () => {
    const table = section(page, /<section class="logistics">/, '</section>');
    for (const g of logistics(data)) {
      const row = section(
        table,
        new RegExp(`<tr data-gathering="${g.network}${g.number}">`),
        '</tr>',
      );
      const cell = (key: string) => new RegExp(`data-key="${key}">(\\d+)`).exec(row)?.[1];
      expect(cell('attending')).toBe(String(g.totals.attending));
      expect(cell('unknown')).toBe(String(g.totals.unknown));
      expect(cell('nights')).toBe(String(g.totals.nights));
      expect(cell('lunches')).toBe(String(g.totals.lunches));
      expect(cell('dinners')).toBe(String(g.totals.dinners));
      expect(cell('breakfasts')).toBe(String(g.totals.breakfasts));
    }
    const c3 = section(table, /<tr data-gathering="C3">/, '</tr>');
    expect(c3).toContain('(dato ikke satt)');
    expect(c3).toContain('data-key="unknown">26');
  });

  test('lessons: by municipality, status 1, status 2, then lessons', () => {
    const lessons = section(page, /<section class="lessons">/, '</section>');
    expect(lessons).toContain('«Beskytt kommunen!»');
    const arendal = section(lessons, /<article data-municipality="4203">/, '</article>');
    const order = ['Status etter 1. samling', 'Status etter 2. samling', 'Læringspunkter'].map(
      (h) => arendal.indexOf(`<h4>${h}</h4>`),
    );
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(arendal).toContain('<p>Vi har kartlagt innkjøpsområdet');
    expect(arendal).toContain('Ikke mottatt.');
    const articles = [...lessons.matchAll(/<article data-municipality="([^"]+)">/g)];
    expect(articles.length).toBeGreaterThan(20);
  });

  test('open flags with their kind in Norwegian', () => {
    const flags = section(page, /<section class="flags">/, '</section>');
    expect(flags).toContain('5 saker venter på koordinator: 2 spørsmål');
    expect(flags).toContain('påmelding etter fristen');
    expect(flags).toContain('Kan vi ta med en fjerde deltaker på 2. samling?');
  });

  test('print-friendly and of reasonable size', () => {
    expect(page).toContain('@media print');
    expect(page).toContain('@page');
    expect(Buffer.byteLength(page)).toBeLessThan(250_000);
    expect(mapSvg.length).toBeLessThan(90_000);
  });

  test('renders 400 municipalities in well under a second', () => {
    const big = largeFixture(400);
    renderReport(big); // the basemap is computed once per process
    const started = performance.now();
    const out = renderReport(big);
    const ms = performance.now() - started;
    expect(ms).toBeLessThan(500);
    expect((out.match(/<circle class="muni/g) ?? []).length).toBe(400);
  });
});

describe('helpers', () => {
  test('markup escapes interpolations, keeps markup made by markup or raw', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;',
    );
    const inner = markup`<b>${'<i>'}</b>`;
    expect(markup`<p>${inner}${raw('<br>')}${['a', '<', null, false, 1]}</p>`.value).toBe(
      '<p><b>&lt;i&gt;</b><br>a&lt;1</p>',
    );
  });

  test('gathering numbers compacted', () => {
    expect(compactNumbers([1, 2, 3])).toBe('1–3');
    expect(compactNumbers([3, 1])).toBe('1, 3');
    expect(compactNumbers([1, 2])).toBe('1, 2');
  });

  test('dots at one place fan out; dots under a venue move just outside it', () => {
    const spread = spreadDots(
      [
        { x: 100, y: 100 },
        { x: 100, y: 100 },
        { x: 300, y: 300 },
        { x: 200, y: 200 },
      ],
      5,
      [{ x: 200, y: 200, r: 7 }],
    );
    expect(Math.hypot(spread[0].x - spread[1].x, spread[0].y - spread[1].y)).toBeGreaterThan(5);
    expect(spread[2]).toEqual({ x: 300, y: 300 });
    expect(Math.hypot(spread[3].x - 200, spread[3].y - 200)).toBeGreaterThanOrEqual(12);
  });
});

describe('early and empty campaigns', () => {
  test('during registration: no networks yet, proposed venues, nothing held, nothing breaks', () => {
    const early = reportFixture();
    early.campaign.phase = 'registration';
    early.campaign.proposal = null;
    early.campaign.campaign = {
      ...early.campaign.campaign,
      networks: early.campaign.campaign.networks.map((n) => ({
        ...n,
        gatherings: n.gatherings.map((g) => ({
          ...g,
          venue: null,
          date: null,
          startsAt: null,
          endsAt: null,
        })),
      })),
    };
    early.generatedAt = '2013-05-10T08:00:00.000Z';
    early.journeys = early.journeys.map((j, i) => ({
      ...j,
      stage: i % 3 === 0 ? 'registered' : i % 3 === 1 ? 'invited' : 'scheduled',
      network: null,
      waitingListPosition: null,
      reports: [],
      gatherings: j.gatherings.map((g) => ({ ...g, attendance: [] })),
    }));
    const out = renderReport(early);
    expect(out).toContain('Påmelding pågår');
    expect(out).toContain('Ingen plassert ennå.');
    expect(out).toContain('juni 2013 (dato ikke satt)');
    expect(out).not.toContain('<circle class="muni placed"');
    expect((out.match(/<circle class="muni unplaced"/g) ?? []).length).toBe(16);
    expect(out).not.toContain('<g class="venue"');
    expect(out).toContain('data-step="awaiting" data-value="16"');
    expect(out).toContain('data-step="scheduled" data-value="15"');
  });

  test('no journeys at all', () => {
    const out = renderReport({ ...reportFixture(), journeys: [] });
    expect(out).toContain('data-step="invited" data-value="0"');
    expect(out).toContain('Ingen åpne saker.');
    expect(out).toContain('</html>');
  });

  test('a cancelled campaign says so', () => {
    const data = reportFixture();
    data.campaign.phase = 'cancelled';
    data.campaign.cancellation = {
      by: 'dolvik@transparency.no',
      reason: 'For få påmeldte',
      at: '2013-05-25T10:00:00.000Z',
    };
    const out = renderReport(data);
    expect(out).toContain('data-phase="cancelled">Avlyst');
    expect(out).toContain(
      '<strong>Kampanjen er avlyst</strong> 25.05.2013 12:00 av dolvik@transparency.no: For få påmeldte',
    );
  });
});
