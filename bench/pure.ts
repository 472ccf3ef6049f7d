// Benchmarks of the pure parts, each against a baseline doing the plain version of the
// same work on the same input: reading replies (vs a bare MIME parse with postal-mime),
// rendering mail (vs one plain handlebars template), proposing the assignment (vs only
// computing the distances it needs).
import fs from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import PostalMime from 'postal-mime';
import { readReply } from '../mail/incoming/read';
import { loadTemplates, renderMail } from '../mail/outgoing';
import { sampleContext } from '../mail/outgoing/samples';
import { JOURNEY_TEMPLATES } from '../mail/outgoing/types';
import { haversineKm, proposeAssignment } from '../domain/assignment';
import { loadCampaignFile } from '../platform/files/campaign-file';
import { loadMunicipalitiesFile } from '../platform/files/roster-file';
import { corpusDir } from './corpus';
import { heapOf, heapOfAsync, mb, ms, time, type Row } from './measure';

const root = path.resolve(__dirname, '..');

function messages(): Buffer[] {
  const dirs = [
    path.join(root, 'test', 'fixtures', 'replies'),
    corpusDir('classification', 'sisimai', 'messages'),
  ];
  return dirs
    .filter((d) => fs.existsSync(d))
    .flatMap((d) =>
      fs
        .readdirSync(d)
        .filter((f) => f.endsWith('.eml'))
        .map((f) => fs.readFileSync(path.join(d, f))),
    );
}

export async function pureBenchmarks(): Promise<Row[]> {
  const rows: Row[] = [];

  const mail = messages();
  const ours = await time(async () => {
    for (const m of mail) await readReply(m);
  });
  const bare = await time(() => Promise.all(mail.map((m) => PostalMime.parse(m))));
  rows.push({
    benchmark: `read ${mail.length} replies (fixtures + sisimai)`,
    ours: ms(ours),
    baseline: `${ms(bare)} postal-mime parse only`,
    ratio: ours.medianMs / bare.medianMs,
    note: 'full understanding (trim, classify, extract) per bare MIME parse',
  });
  const heapOurs = await heapOfAsync(() => Promise.all(mail.map((m) => readReply(m))));
  const heapRaw = heapOf(() => mail.map((m) => Buffer.from(m)));
  rows.push({
    benchmark: `memory held by ${mail.length} understood replies`,
    ours: mb(heapOurs.bytes),
    baseline: `${mb(heapRaw.bytes)} the raw messages`,
    ratio: heapOurs.bytes / Math.max(1, heapRaw.bytes),
    note: 'understood form per raw bytes',
  });

  const set = loadTemplates();
  const contexts = JOURNEY_TEMPLATES.flatMap((t) =>
    (['nb', 'nn'] as const).map((language) => [t, sampleContext(t, { language })] as const),
  );
  const rendered = await time(() => contexts.forEach(([t, ctx]) => renderMail(set, t, ctx)));
  const plain = Handlebars.compile(
    '<p>Hei {{name}}! {{#each items}}<li>{{this}}</li>{{/each}}</p>'.repeat(40),
  );
  const baseline = await time(() =>
    contexts.forEach(() => plain({ name: 'Kari', items: ['a', 'b', 'c'] })),
  );
  rows.push({
    benchmark: `render ${contexts.length} mails (every template, nb+nn)`,
    ours: ms(rendered),
    baseline: `${ms(baseline)} one plain handlebars page each`,
    ratio: rendered.medianMs / baseline.medianMs,
    note: 'text + HTML + .ics from markup, per plain template render',
  });

  const campaign = loadCampaignFile(path.join(root, 'campaigns', 'ks-ti-2013.yaml'));
  const all = loadMunicipalitiesFile(path.join(root, 'campaigns', 'demo', 'municipalities.csv'));
  const registrations = all.map((m, i) => ({
    municipalityId: m.id,
    name: m.name,
    participants: 2 + (i % 2),
    preference: i % 5 === 0 ? 'A' : null,
    registeredAt: new Date(Date.UTC(2013, 3, 24 + (i % 20))).toISOString(),
    lat: m.lat,
    lon: m.lon,
  }));
  const networks = campaign.networks.map((n) => ({ id: n.id, capacity: n.capacity, venue: null }));
  const proposal = await time(
    () => proposeAssignment({ registrations, networks, venues: campaign.venues }),
    5,
  );
  const distances = await time(
    () =>
      registrations.forEach((r) =>
        campaign.venues.forEach((v) => haversineKm(r, { lat: v.lat!, lon: v.lon! })),
      ),
    5,
  );
  rows.push({
    benchmark: `propose networks for ${registrations.length} registrations`,
    ours: ms(proposal),
    baseline: `${ms(distances)} all distances once`,
    ratio: proposal.medianMs / distances.medianMs,
    note: 'local search per single pass of distances',
  });
  return rows;
}
