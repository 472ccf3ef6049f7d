// A campaign as the coordinator's CLI would collect it in April 2014: the 2013 campaign file,
// the demo roster plus a few more organisations, 35 registrations placed in networks A, B and C
// (or on the waiting list, or cancelled), with attendance, status reports and lessons learned.
// Deterministic: every call builds the same data afresh.
import path from 'node:path';
import { loadCampaignFile } from '../../../platform/files/campaign-file';
import { setGathering } from '../../../domain/campaign/gatherings';
import { loadMunicipalitiesFile } from '../../../platform/files/roster-file';
import { participantKey, type AttendanceRecord } from '../../../domain/journey/attendance';
import type {
  Campaign,
  Flag,
  FlagKind,
  Municipality,
  Network,
  Participant,
  Stage,
} from '../../../domain/types';
import type { AssignmentProposal } from '../../../domain/assignment/types';
import type {
  CampaignState,
  JourneyState,
  RegistrationNotice,
  Report,
} from '../../../workflows/definitions';
import type { CampaignData } from '../../../reporting/data';

const root = path.resolve(__dirname, '../../..');

export const SCRIPT_NAME = '<script>alert(1)</script>';
export const INJECTION_TITLE = '=HYPERLINK("http://evil.example","klikk")';
export const GENERATED_AT = '2014-04-20T08:00:00.000Z';

const EXTRA: Municipality[] = [
  org('3105', 'Sarpsborg', 'Østfold', 59.284, 11.1096),
  org('3909', 'Larvik', 'Vestfold', 59.0533, 10.0271),
  org('4001', 'Porsgrunn', 'Telemark', 59.1405, 9.6561),
  org('1108', 'Sandnes', 'Rogaland', 58.8517, 5.7355),
  org('1505', 'Kristiansund', 'Møre og Romsdal', 63.1104, 7.7279),
  org('1806', 'Narvik', 'Nordland', 68.4385, 17.4272),
  org('5503', 'Harstad', 'Troms', 68.7987, 16.5414),
  org('5603', 'Hammerfest', 'Finnmark', 70.6634, 23.6821),
  org('4202', 'Grimstad', 'Agder', 58.3405, 8.5934),
  org('5007', 'Namsos', 'Trøndelag', 64.4662, 11.4957),
  {
    ...org('999000001', 'Undervisningsbygg Oslo KF', 'Oslo', 59.9139, 10.7522),
    type: 'kommunalt foretak',
  },
];

function org(id: string, name: string, county: string, lat: number, lon: number): Municipality {
  const slug = ascii(name).replace(/\s+/g, '-');
  return {
    id,
    name,
    type: 'kommune',
    email: `postmottak@${slug}.kommune.example`,
    languageForm: 'bokmål',
    lat,
    lon,
    county,
    domains: [`${slug}.kommune.example`],
  };
}

function ascii(s: string): string {
  return s
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'a')
    .replace(/[^a-z0-9 .-]/g, '');
}

// ---------------------------------------------------------------- who went where

/** [name, participants] per network, in registration order. */
export const PLAN = {
  A: [
    ['Oslo', 3],
    ['Fredrikstad', 3],
    ['Bærum', 2],
    ['Lillestrøm', 3],
    ['Drammen', 2],
    ['Hamar', 3],
    ['Gjøvik', 2],
    ['Tønsberg', 2],
    ['Sarpsborg', 3],
    ['Undervisningsbygg Oslo KF', 2],
  ],
  B: [
    ['Bergen', 2],
    ['Stavanger', 3],
    ['Kristiansand', 3],
    ['Haugesund', 2],
    ['Stord', 3],
    ['Voss', 2],
    ['Vestland fylkeskommune', 3],
    ['Sandnes', 2],
    ['Arendal', 3],
  ],
  C: [
    ['Trondheim', 3],
    ['Ålesund', 2],
    ['Molde', 3],
    ['Bodø', 2],
    ['Tromsø', 3],
    ['Alta', 2],
    ['Steinkjer', 3],
    ['Trøndelag fylkeskommune', 3],
    ['Rana', 2],
    ['Narvik', 3],
  ],
} as const satisfies Record<string, readonly (readonly [string, number])[]>;

export const WAITING = ['Skien', 'Sogndal', 'Larvik', 'Hammerfest'] as const;
export const CANCELLED_AFTER = ['Lillehammer', 'Kristiansund'] as const;
export const DECLINED = [
  'Kongsberg',
  'Volda',
  'Møre og Romsdal fylkeskommune',
  'Nordland fylkeskommune',
  'Namsos',
] as const;
export const NO_RESPONSE = [
  'Sandefjord',
  'Ørsta',
  'Sør-Varanger',
  'Kinn',
  'Porsgrunn',
  'Harstad',
] as const;
export const CANCELLED_BEFORE = ['Grimstad'] as const;

export const EXPECTED = {
  total: 47,
  invited: 47,
  answered: 40,
  registered: 35,
  declined: 5,
  noResponse: 6,
  waitingList: 4,
  placed: 29,
  placedByNetwork: { A: 10, B: 9, C: 10 },
  participantsByNetwork: { A: 25, B: 23, C: 26 },
  completed: 10,
  cancelled: 3,
  cancelledAfterRegistering: 2,
  cancelledBeforeRegistering: 1,
  late: 2,
  openFlags: 5,
};

const FIRST = [
  'Kari',
  'Ola',
  'Ingrid',
  'Lars',
  'Marit',
  'Per',
  'Silje',
  'Jon',
  'Hilde',
  'Anders',
  'Tone',
  'Eirik',
  'Randi',
  'Knut',
  'Nina',
  'Bjørn',
  'Åse',
  'Øystein',
  'Sigrid',
  'Håkon',
  'Liv',
  'Terje',
  'Gunn',
  'Arne',
  'Mette',
  'Geir',
  'Solveig',
  'Trond',
  'Eli',
  'Svein',
];
const LAST = [
  'Nordmann',
  'Hansen',
  'Johansen',
  'Olsen',
  'Larsen',
  'Andersen',
  'Pedersen',
  'Nilsen',
  'Kristiansen',
  'Jensen',
  'Karlsen',
  'Johnsen',
  'Pettersen',
  'Eriksen',
  'Berg',
  'Haugen',
  'Hagen',
  'Johannessen',
  'Andreassen',
  'Jacobsen',
  'Dahl',
  'Jørgensen',
  'Halvorsen',
  'Henriksen',
  'Lund',
  'Sørensen',
  'Strand',
  'Ødegård',
  'Aasen',
  'Bakke',
];
const TITLES = [
  'Rådmann',
  'Assisterende rådmann',
  'Kommunalsjef',
  'Økonomisjef',
  'Innkjøpssjef',
  'Personalsjef',
  'Kontrollsjef',
  'Organisasjonssjef',
  'Plan- og bygningssjef',
  'Internrevisor',
  'Juridisk rådgiver',
  'Kommunalsjef for helse og omsorg',
];
const DIETS = ['vegetar', 'glutenfri', 'laktosefri', 'nøtteallergi', 'halal', 'pescetarianer'];

let personCounter = 0;

function people(m: Municipality, n: number): Participant[] {
  const domain = m.domains[0] ?? m.email.split('@')[1];
  return Array.from({ length: n }, () => {
    const i = personCounter++;
    const first = FIRST[i % FIRST.length];
    const last = LAST[(i * 7 + 3) % LAST.length];
    return {
      name: `${first} ${last}`,
      title: TITLES[(i * 5) % TITLES.length],
      email: `${ascii(first)}.${ascii(last)}@${domain}`,
      phone:
        i % 3 === 0
          ? null
          : `9${String(10_000_000 + ((i * 7_919_113) % 9_000_000)).slice(1, 3)} ${String(i).padStart(2, '0')} ${String((i * 37) % 1000).padStart(3, '0')}`,
    };
  });
}

/** The odd values the exports and the report must survive. */
function oddities(name: string, list: Participant[]): void {
  if (name === 'Oslo') list[0] = { ...list[0], name: SCRIPT_NAME, title: 'Rådgiver & «sikkerhet»' };
  if (name === 'Bergen') list[0] = { ...list[0], title: INJECTION_TITLE, phone: '+47 55 56 60 00' };
  if (name === 'Bærum') list[1] = { ...list[1], title: 'Leder; "kontroll" og tilsyn' };
  if (name === 'Ålesund')
    list[0] = {
      ...list[0],
      name: 'Øystein Ærø Åsen',
      email: 'oystein.aasen@alesund.kommune.example',
    };
  if (name === 'Sarpsborg') list[2] = { ...list[2], title: '@kontroll' };
  if (name === 'Fredrikstad') list[1] = { ...list[1], title: '-ass. rådmann' };
}

// ---------------------------------------------------------------- the campaign

function campaignWithDates(): Campaign {
  let c = loadCampaignFile(path.join(root, 'campaigns', 'ks-ti-2013.yaml'));
  const set = (network: string, n: number, date: string, venue: string) => {
    c = setGathering(c, network, n, { date, venue });
  };
  set('A', 1, '2013-06-18', 'gardermoen');
  set('A', 2, '2013-10-15', 'gardermoen');
  set('A', 3, '2014-03-04', 'oslo');
  set('B', 1, '2013-09-10', 'bergen');
  set('B', 2, '2013-11-12', 'bergen');
  set('B', 3, '2014-03-11', 'stavanger');
  set('C', 1, '2013-09-17', 'trondheim');
  set('C', 2, '2013-11-19', 'trondheim');
  // The last gathering of C is only a month so far.
  set('C', 3, '2014-05', 'trondheim');
  return c;
}

const day = (date: string, time = '10:00') => `${date}T${time}:00.000Z`;

function flag(kind: FlagKind, message: string, raisedAt: string, resolved = false): Flag {
  return {
    id: `${kind}-1`,
    kind,
    message,
    raisedAt,
    resolved: resolved ? { at: raisedAt, by: 'dolvik@transparency.no', note: null } : null,
  };
}

const STATUS_1 = [
  'Vi har kartlagt innkjøpsområdet og funnet to sikkerhetshull: manglende rullering av saksbehandlere og svak kontroll med rammeavtaler.\n\nNeste steg er en gjennomgang med økonomiavdelingen.',
  'Vi valgte byggesak som case. Kartleggingen viser at habilitetsvurderinger ikke dokumenteres godt nok.',
  'Rådmannens ledergruppe har drøftet risikosonene fra håndboka. Vi starter med et etisk refleksjonsmøte i alle enheter.',
  'Vi har gått gjennom varslingsrutinene. De er kjent for få ansatte, og vi lager en kortversjon på intranett.',
];
const STATUS_2 = [
  'Ny rutine for registrering av styreverv er vedtatt. Vi har holdt dilemmatrening for 40 ledere.',
  'Kontrollutvalget har fått en orientering. Innkjøpsreglementet er revidert med krav om to saksbehandlere over 100 000 kroner.',
  'Vi har tatt i bruk sjekklisten for habilitet i byggesak, og evaluerer den etter tre måneder.',
];
const LESSONS = [
  'Det viktigste var å få ledelsen med fra start: forankringen gjorde at vi fikk tid mellom samlingene.\n\nHåndboka bør få flere eksempler fra små kommuner, og en enkel mal for risikokartlegging.',
  'Dilemmatrening virker best i små grupper med konkrete saker fra egen kommune. Vi anbefaler at håndboka får et eget kapittel om <b>styreverv</b> & bindinger.',
  'Nettverket ga oss kolleger å ringe. Vi savnet et verktøy for å følge opp tiltak over tid.',
  'Varslingsrutiner må gjøres kjent gjentatte ganger; én kampanje holder ikke.',
];

function attendanceFor(
  j: JourneyState,
  network: string,
  n: 1 | 2 | 3,
  index: number,
): AttendanceRecord[] {
  // Network C's third gathering has no date yet: nobody has been asked.
  if (network === 'C' && n === 3) return [];
  const far = ['Alta', 'Tromsø', 'Bodø', 'Narvik', 'Rana'].includes(j.municipality.name);
  const near = [
    'Oslo',
    'Bærum',
    'Lillestrøm',
    'Undervisningsbygg Oslo KF',
    'Bergen',
    'Trondheim',
  ].includes(j.municipality.name);
  return j.participants.map((p, k) => {
    const seed = index * 7 + k * 3 + n;
    const attending =
      network === 'B' && n === 3 && j.municipality.name === 'Voss' && k === 1
        ? null
        : seed % 11 !== 0;
    const lunchToLunch = n === 1;
    const overnight =
      attending === false
        ? false
        : lunchToLunch
          ? j.municipality.name === 'Hamar' && k === 0
            ? null
            : !near
          : far
            ? true
            : null;
    const dinner =
      attending === false ? false : lunchToLunch ? (seed % 5 === 0 ? null : seed % 4 !== 0) : null;
    return {
      key: participantKey(p),
      name: p.name,
      attending,
      overnight: attending === null ? null : overnight,
      dinner: attending === null ? null : dinner,
      dietary:
        attending !== false && seed % 6 === 1 ? DIETS[Math.floor(seed / 6) % DIETS.length] : null,
      answeredAt: attending === null ? null : day('2013-05-25'),
    };
  });
}

export function reportFixture(): CampaignData {
  personCounter = 0;
  const campaign = campaignWithDates();
  const roster = [
    ...loadMunicipalitiesFile(path.join(root, 'campaigns', 'demo', 'municipalities.csv')),
    ...EXTRA,
  ];
  const byName = (name: string) => {
    const m = roster.find((x) => x.name === name);
    if (!m) throw new Error(`fixture: no municipality ${name}`);
    return m;
  };
  const networkOf = (id: string): Network => campaign.networks.find((n) => n.id === id)!;

  const base = (m: Municipality, stage: Stage): JourneyState => ({
    campaignId: campaign.id,
    municipality: m,
    stage,
    contact: null,
    participants: [],
    anchored: null,
    networkPreference: null,
    registeredAt: null,
    registeredVia: null,
    lateRegistration: false,
    missing: [],
    network: null,
    waitingListPosition: null,
    gatherings: [1, 2, 3].map((n) => ({ number: n as 1 | 2 | 3, attendance: [] })),
    reports: [],
    mails: [],
    replies: [],
    flags: [],
    cancellation: null,
    pendingEffects: 0,
  });

  let order = 0;
  const registered = (
    m: Municipality,
    stage: Stage,
    count: number,
    preference: string | null,
  ): JourneyState => {
    const i = order++;
    const list = people(m, count);
    oddities(m.name, list);
    const registeredAt = day(
      `2013-05-${String(1 + ((i * 13) % 20)).padStart(2, '0')}`,
      `${String(8 + (i % 8)).padStart(2, '0')}:${String((i * 17) % 60).padStart(2, '0')}`,
    );
    return {
      ...base(m, stage),
      contact: { name: list[0].name, address: list[0].email! },
      participants: list,
      anchored: true,
      networkPreference: preference,
      registeredAt,
      registeredVia: m.name === 'Drammen' || m.name === 'Tromsø' ? 'coordinator' : 'mail',
    };
  };

  const journeys: JourneyState[] = [];
  const stageOf = { A: 'completed', B: 'lessons', C: 'followup_2' } as const;
  const done = { A: 3, B: 3, C: 2 } as const;
  (Object.keys(PLAN) as (keyof typeof PLAN)[]).forEach((network) => {
    PLAN[network].forEach(([name, count], index) => {
      const m = byName(name);
      const preference =
        index % 4 === 3 ? null : index % 5 === 4 ? (network === 'A' ? 'B' : 'A') : network;
      const j = registered(m, stageOf[network], count, preference);
      j.network = networkOf(network);
      for (const n of [1, 2, 3] as const) {
        if (n <= done[network] || (network === 'C' && n === 3)) {
          j.gatherings[n - 1].attendance = attendanceFor(j, network, n, index);
        }
      }
      const from = { name: j.participants[0].name, address: j.participants[0].email! };
      const report = (kind: Report['kind'], at: string, text: string): Report => ({
        kind,
        at,
        from,
        text,
      });
      if (index % 5 !== 2)
        j.reports.push(
          report(
            'status-1',
            network === 'A' ? day('2013-09-20') : day('2013-10-25'),
            STATUS_1[index % STATUS_1.length],
          ),
        );
      if (network !== 'C' ? index % 4 !== 1 : index < 3) {
        j.reports.push(
          report(
            'status-2',
            network === 'A' ? day('2014-02-10') : day('2014-02-17'),
            STATUS_2[index % STATUS_2.length],
          ),
        );
      }
      if ((network === 'A' && index < 7) || (network === 'B' && index < 4)) {
        j.reports.push(report('lessons', day('2014-03-25'), LESSONS[index % LESSONS.length]));
      }
      if (name === 'Narvik') {
        j.lateRegistration = true;
        j.registeredAt = day('2013-05-27', '09:12');
        j.flags.push(
          flag(
            'late-registration',
            'Registration received after the deadline',
            day('2013-05-27'),
            true,
          ),
        );
      }
      if (name === 'Rana') {
        j.anchored = null;
        j.flags.push(
          flag(
            'incomplete-at-deadline',
            'Registered with gaps at the deadline: anchoring',
            day('2013-05-22'),
            true,
          ),
        );
      }
      if (name === 'Bergen') {
        j.flags.push(
          flag('question', 'Kan vi ta med en fjerde deltaker på 2. samling?', day('2013-10-01')),
        );
      }
      if (name === 'Stord') {
        j.flags.push(
          flag(
            'bounce',
            'Mail to kari.hansen@stord.kommune.example bounced: 550 5.1.1 User unknown',
            day('2013-08-13'),
          ),
        );
      }
      if (name === 'Tromsø') {
        j.flags.push(
          flag('substitute', 'Ola Nilsen replaces Kari Berg (gathering 2)', day('2013-10-30')),
        );
      }
      journeys.push(j);
    });
  });

  WAITING.forEach((name, i) => {
    const j = registered(byName(name), 'waiting_list', 2, i % 2 ? 'B' : 'C');
    j.waitingListPosition = i + 1;
    if (name === 'Hammerfest') {
      j.lateRegistration = true;
      j.registeredAt = day('2013-06-03', '13:45');
      j.flags.push(
        flag('late-registration', 'Registration received after the deadline', day('2013-06-03')),
      );
    }
    if (name === 'Skien')
      j.flags.push(flag('question', 'Når får vi vite om det blir plass?', day('2013-06-10')));
    journeys.push(j);
  });
  for (const name of CANCELLED_AFTER) {
    const j = registered(byName(name), 'cancelled', 2, 'A');
    j.cancellation = {
      by: 'dolvik@transparency.no',
      reason: 'Trakk seg etter omorganisering',
      at: day('2013-06-01'),
    };
    journeys.push(j);
  }
  for (const name of DECLINED) {
    if (name === 'Namsos') {
      // Registered, then withdrew by declining before the deadline.
      journeys.push({ ...registered(byName(name), 'declined', 2, 'C') });
    } else {
      journeys.push(base(byName(name), 'declined'));
    }
  }
  for (const name of NO_RESPONSE) journeys.push(base(byName(name), 'no_response'));
  for (const name of CANCELLED_BEFORE) {
    journeys.push({
      ...base(byName(name), 'cancelled'),
      cancellation: {
        by: 'dolvik@transparency.no',
        reason: 'Invitert ved en feil',
        at: day('2013-04-30'),
      },
    });
  }

  return { campaign: campaignState(campaign, journeys), journeys, generatedAt: GENERATED_AT };
}

function campaignState(campaign: Campaign, journeys: JourneyState[]): CampaignState {
  const notices: RegistrationNotice[] = journeys
    .filter((j) => j.registeredAt !== null)
    .map((j) => ({
      municipalityId: j.municipality.id,
      name: j.municipality.name,
      participants: j.participants.length,
      preference: j.networkPreference,
      registeredAt: j.registeredAt!,
      lat: j.municipality.lat,
      lon: j.municipality.lon,
      late: j.lateRegistration,
      withdrawn: j.stage === 'cancelled' || j.stage === 'declined',
    }));
  const venueOf = (id: string) => campaign.networks.find((n) => n.id === id)!.gatherings[0].venue;
  const proposal: AssignmentProposal = {
    networks: campaign.networks.map((n) => {
      const members = journeys.filter((j) => j.network?.id === n.id);
      return {
        id: n.id,
        capacity: n.capacity,
        venue: venueOf(n.id),
        venueFixed: false,
        municipalityIds: members.map((j) => j.municipality.id),
        participants: members.reduce((s, j) => s + j.participants.length, 0),
        totalTravelKm: 0,
      };
    }),
    waitingList: journeys.filter((j) => j.stage === 'waiting_list').map((j) => j.municipality.id),
    placements: [],
    warnings: [],
    registrations: [],
    venues: campaign.venues,
  };
  return {
    campaign,
    phase: 'running',
    registrations: notices,
    proposal,
    approved: { by: 'dolvik@transparency.no', at: day('2013-05-23') },
    moves: [{ municipalityId: '1806', to: 'C', by: 'dolvik@transparency.no' }],
    cancellation: null,
  };
}

// ---------------------------------------------------------------- many municipalities

/** A deterministic campaign with `n` organisations spread over Norway, for timing the report. */
export function largeFixture(n: number): CampaignData {
  const data = reportFixture();
  const template = data.journeys.filter((j) => j.network !== null);
  let seed = 42;
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const journeys: JourneyState[] = [];
  for (let i = 0; i < n; i++) {
    const t = template[i % template.length];
    const lat = 58.2 + random() * 12;
    const lon = 5.5 + (lat - 58) * 1.1 + random() * 5;
    journeys.push({
      ...t,
      municipality: { ...t.municipality, id: String(1000 + i), name: `Kommune ${i + 1}`, lat, lon },
      stage: i % 9 === 0 ? 'waiting_list' : t.stage,
    });
  }
  return { ...data, journeys };
}
