// Realistic sample data for previews and tests: the 2013 campaign as the invitation letter
// describes it, a bokmål and a nynorsk municipality, registered participants, network A with
// its first gathering dated (lunch to lunch) and its second set for one day.
//
// Addresses use the reserved `.example` domain: no sample must ever reach a real municipality.

import type {
  Campaign,
  Gathering,
  Instant,
  Language,
  Municipality,
  Network,
  Participant,
} from '../../domain/types';
import type { MailContext, TemplateName } from './types';

const DAY = 86_400_000;

function at(instant: Instant, days: number): Instant {
  return new Date(Date.parse(instant) + days * DAY).toISOString();
}

export const SAMPLE_VENUES = {
  gardermoen: {
    id: 'gardermoen',
    name: 'Gardermoen konferansesenter',
    address: 'Konferanseveien 1, 2060 Gardermoen',
    lat: 60.1939,
    lon: 11.1004,
  },
  oslo: {
    id: 'oslo',
    name: 'KS, Kommunenes hus',
    address: 'Haakon VIIs gate 9, 0161 Oslo',
    lat: 59.9111,
    lon: 10.7528,
  },
};

function gathering(
  number: 1 | 2 | 3,
  month: string,
  dated?: { date: string; startsAt: Instant; endsAt: Instant; venue: Gathering['venue'] },
): Gathering {
  return {
    number,
    month,
    date: dated?.date ?? null,
    startsAt: dated?.startsAt ?? null,
    endsAt: dated?.endsAt ?? null,
    lunchToLunch: number === 1,
    venue: dated?.venue ?? null,
  };
}

/** Network A: first gathering 18–19 June 2013 at Gardermoen (lunch to lunch), second set for
 * 17 October 2013 in Oslo, third only «March 2014». B and C: months only. */
export function sampleNetworks(): Network[] {
  return [
    {
      id: 'A',
      capacity: { min: 20, max: 30 },
      gatherings: [
        gathering(1, '2013-06', {
          date: '2013-06-18',
          startsAt: '2013-06-18T09:30:00.000Z',
          endsAt: '2013-06-19T11:00:00.000Z',
          venue: SAMPLE_VENUES.gardermoen,
        }),
        gathering(2, '2013-10', {
          date: '2013-10-17',
          startsAt: '2013-10-17T08:00:00.000Z',
          endsAt: '2013-10-17T14:00:00.000Z',
          venue: SAMPLE_VENUES.oslo,
        }),
        gathering(3, '2014-03'),
      ],
    },
    ...['B', 'C'].map((id) => ({
      id,
      capacity: { min: 20, max: 30 },
      gatherings: [gathering(1, '2013-09'), gathering(2, '2013-11'), gathering(3, '2014-03')],
    })),
  ];
}

export function sampleCampaign(): Campaign {
  const invitationAt = '2013-04-23T08:00:00.000Z';
  return {
    id: 'ks-ti-2013',
    title: 'Korrupsjonsforebyggende nettverk 2013–2014',
    project: 'Åpenhet, integritet og antikorrupsjonsarbeid i kommunesektoren',
    supportedBy: 'Kommunal- og regionaldepartementet',
    sender: {
      name: 'Tor Dølvik, Transparency International Norge',
      address: 'dolvik@transparency.no',
    },
    replyTo: 'dolvik@transparency.no',
    contact: {
      name: 'Tor Dølvik',
      title: 'Prosjektleder',
      organisation: 'Transparency International Norge',
      email: 'dolvik@transparency.no',
      phone: '22 00 00 00',
    },
    schedule: {
      invitationAt,
      registrationDeadline: '2013-05-21T21:59:59.000Z',
      registrationReminders: [14 * DAY, 3 * DAY],
      attendanceRequestBefore: 28 * DAY,
      attendanceReminderBefore: 14 * DAY,
      practicalInfoBefore: 5 * DAY,
      followUpAfter: 2 * DAY,
      followUpReminderAfter: 30 * DAY,
      statusRequestBefore: 21 * DAY,
      lessonsRequestAfter: 7 * DAY,
      lessonsReminderAfter: 21 * DAY,
      lessonsCloseAfter: 35 * DAY,
    },
    participantsPerMunicipality: { min: 2, max: 3 },
    networks: sampleNetworks(),
    venues: Object.values(SAMPLE_VENUES),
    handbook: {
      title: 'Beskytt kommunen!',
      url: 'http://www.ks.no/Portaler/Etikkportalen/Antikorrupsjon/Beskytt-kommunen-handbok-i-antikorrupsjon/',
    },
    clock: { origin: invitationAt, start: invitationAt, factor: 1 },
  };
}

export const SAMPLE_MUNICIPALITIES: Record<'bokmal' | 'nynorsk' | 'county', Municipality> = {
  bokmal: {
    id: '1101',
    name: 'Eigersund',
    type: 'kommune',
    email: 'postmottak@eigersund.kommune.example',
    languageForm: 'bokmål',
    lat: 58.5053,
    lon: 6.1512,
    county: 'Rogaland',
    domains: ['eigersund.kommune.example'],
  },
  nynorsk: {
    id: '1120',
    name: 'Klepp',
    type: 'kommune',
    email: 'postmottak@klepp.kommune.example',
    languageForm: 'nynorsk',
    lat: 58.7654,
    lon: 5.5979,
    county: 'Rogaland',
    domains: ['klepp.kommune.example'],
  },
  county: {
    id: '15',
    name: 'Møre og Romsdal fylkeskommune',
    type: 'fylkeskommune',
    email: 'post@mrfylke.example',
    languageForm: 'nøytral',
    lat: 62.6329,
    lon: 7.9915,
    county: 'Møre og Romsdal',
    domains: ['mrfylke.example'],
  },
};

/** Registered participants, in the municipality's own words. */
export function sampleParticipants(m: Municipality, language: Language): Participant[] {
  const domain = m.domains[0] ?? 'kommune.example';
  return language === 'nn'
    ? [
        {
          name: 'Synnøve Bø',
          title: 'kommunalsjef',
          email: `synnove.bo@${domain}`,
          phone: '900 12 345',
        },
        {
          name: 'Håvard Øvrebø',
          title: 'rådgjevar, økonomi',
          email: `havard.ovrebo@${domain}`,
          phone: null,
        },
      ]
    : [
        {
          name: 'Åse Kjærvik',
          title: 'kommunalsjef',
          email: `ase.kjaervik@${domain}`,
          phone: '900 12 345',
        },
        {
          name: 'Ole-Martin Sæther',
          title: 'økonomisjef',
          email: `ole-martin.saether@${domain}`,
          phone: null,
        },
      ];
}

export interface SampleOptions {
  /** Another municipality (the preview command passes one looked up by id). */
  municipality?: Municipality;
  /** Write in this language whatever the municipality's målform. */
  language?: Language;
  /** Which network the gathering mails use: `A` has dates, `B` and `C` only months. */
  network?: string;
  /** Which gathering the gathering and follow-up mails are about. */
  gathering?: 1 | 2 | 3;
}

/** A realistic MailContext for one template: what the journey would pass at that step. */
export function sampleContext(name: TemplateName, options: SampleOptions = {}): MailContext {
  const campaign = sampleCampaign();
  let municipality = options.municipality ?? SAMPLE_MUNICIPALITIES.bokmal;
  if (options.language) {
    municipality = {
      ...municipality,
      languageForm: options.language === 'nn' ? 'nynorsk' : 'bokmål',
    };
  }
  const language: Language = municipality.languageForm === 'nynorsk' ? 'nn' : 'nb';
  const participants = sampleParticipants(municipality, language);
  const network =
    campaign.networks.find((n) => n.id === (options.network ?? 'A')) ?? campaign.networks[0];
  const deadline = campaign.schedule.registrationDeadline;
  const registrant = { name: participants[0].name, address: participants[0].email as string };
  const ctx: MailContext = {
    campaign,
    municipality,
    contact: null,
    participants: [],
    anchored: null,
    network: null,
    gathering: null,
    missing: [],
    waitingListPosition: null,
    reminderNumber: null,
    cancellation: null,
    flag: null,
    reply: null,
    networkPreference: null,
    bounce: null,
    now: campaign.schedule.invitationAt,
  };
  const registered = () => {
    ctx.contact = registrant;
    ctx.participants = participants;
    ctx.anchored = true;
    ctx.networkPreference = network.id;
  };
  const inNetwork = (g: 1 | 2 | 3, now: Instant) => {
    registered();
    ctx.network = network;
    ctx.gathering = options.gathering ?? g;
    ctx.now = now;
  };

  switch (name) {
    case 'invitation':
      break;
    case 'registration-reminder':
      ctx.reminderNumber = 1;
      ctx.now = at(deadline, -14);
      break;
    case 'registration-confirmation':
      registered();
      ctx.now = '2013-05-10T09:12:00.000Z';
      break;
    case 'registration-incomplete':
      ctx.contact = registrant;
      ctx.participants = [{ ...participants[0], title: null }];
      ctx.missing = ['participants', 'participant-title', 'anchoring'];
      ctx.now = '2013-05-10T09:12:00.000Z';
      break;
    case 'registration-over-limit':
      registered();
      ctx.participants = [
        ...participants,
        {
          name: 'Ingrid Lægreid',
          title: 'innkjøpssjef',
          email: `ingrid.laegreid@${municipality.domains[0]}`,
          phone: null,
        },
        {
          name: 'Per Åmodt',
          title: 'HR-sjef',
          email: `per.amodt@${municipality.domains[0]}`,
          phone: null,
        },
      ];
      ctx.now = '2013-05-12T10:00:00.000Z';
      break;
    case 'decline-thanks':
      ctx.contact = registrant;
      ctx.now = '2013-05-06T11:30:00.000Z';
      break;
    case 'no-response-closing':
      ctx.now = at(deadline, 1);
      break;
    case 'late-registration':
      registered();
      ctx.now = '2013-05-24T07:45:00.000Z';
      break;
    case 'waiting-list':
      registered();
      ctx.waitingListPosition = 3;
      ctx.now = '2013-05-28T08:00:00.000Z';
      break;
    case 'waiting-list-closing':
      registered();
      ctx.waitingListPosition = 3;
      ctx.now = '2013-09-20T08:00:00.000Z';
      break;
    case 'gathering-change': {
      // Gathering 2 moved a week, to another venue, after it was announced.
      inNetwork(2, '2013-09-10T08:00:00.000Z');
      const before = gathering(2, '2013-10', {
        date: '2013-10-10',
        startsAt: '2013-10-10T08:00:00.000Z',
        endsAt: '2013-10-10T14:00:00.000Z',
        venue: SAMPLE_VENUES.gardermoen,
      });
      ctx.change = { date: true, venue: true, before };
      break;
    }
    case 'assignment':
      registered();
      ctx.network = network;
      ctx.now = '2013-05-28T08:00:00.000Z';
      break;
    case 'gathering-announcement':
      inNetwork(1, '2013-05-28T08:00:00.000Z');
      break;
    case 'attendance-request':
      inNetwork(1, '2013-05-21T08:00:00.000Z');
      break;
    case 'gathering-reminder':
      inNetwork(1, '2013-06-04T08:00:00.000Z');
      break;
    case 'gathering-practical':
      inNetwork(1, '2013-06-13T08:00:00.000Z');
      break;
    case 'followup-1':
      inNetwork(1, '2013-06-21T08:00:00.000Z');
      break;
    case 'followup-2':
      inNetwork(2, '2013-10-19T08:00:00.000Z');
      break;
    case 'followup-reminder':
      inNetwork(1, '2013-07-21T08:00:00.000Z');
      break;
    case 'status-request':
      // `gathering` is the one just held; the status is for the next one.
      inNetwork(1, '2013-09-26T08:00:00.000Z');
      break;
    case 'lessons-request':
      inNetwork(3, '2014-03-27T08:00:00.000Z');
      break;
    case 'lessons-reminder':
      inNetwork(3, '2014-04-10T08:00:00.000Z');
      ctx.reminderNumber = 1;
      break;
    case 'withdrawal':
      registered();
      ctx.network = network;
      ctx.cancellation = {
        by: 'koordinator',
        reason:
          language === 'nn'
            ? 'Kommunen har meldt at han ikkje har kapasitet til å delta likevel.'
            : 'Kommunen har meldt at den ikke har kapasitet til å delta likevel.',
      };
      ctx.now = '2013-06-03T08:00:00.000Z';
      break;
    case 'notice-question':
      ctx.contact = registrant;
      ctx.now = '2013-05-08T12:05:00.000Z';
      ctx.reply = {
        from: registrant,
        subject: `SV: Invitasjon til å delta i korrupsjonsforebyggende nettverk [ref. ${campaign.id}/${municipality.id}]`,
        text: 'Hei!\n\nKan vi melde på fire deltakere, og kan én av dem komme bare første dag?\n\nMvh\nÅse',
        receivedAt: '2013-05-08T12:03:00.000Z',
      };
      ctx.flag = {
        id: 'flag-1101-1',
        kind: 'question',
        message: 'Spørsmål i svaret på invitasjonen.',
        raisedAt: '2013-05-08T12:04:00.000Z',
        resolved: null,
      };
      break;
    case 'notice-bounce':
      ctx.now = '2013-04-23T08:05:00.000Z';
      ctx.bounce = {
        recipients: [municipality.email],
        status: '5.1.1',
        diagnostic:
          'smtp; 550 5.1.1 <' + municipality.email + '>: Recipient address rejected: User unknown',
        originalMessageId: `<nv.${campaign.id}.${municipality.id}.invitation@transparency.no>`,
        permanent: true,
      };
      ctx.flag = {
        id: 'flag-1101-2',
        kind: 'bounce',
        message: `Invitasjonen til ${municipality.email} kom i retur (5.1.1).`,
        raisedAt: '2013-04-23T08:05:00.000Z',
        resolved: null,
      };
      break;
    case 'notice-late-registration':
      registered();
      ctx.now = '2013-05-24T07:46:00.000Z';
      ctx.reply = {
        from: registrant,
        subject: `SV: Invitasjon til å delta i korrupsjonsforebyggende nettverk [ref. ${campaign.id}/${municipality.id}]`,
        text: 'Vi vil gjerne være med likevel.',
        receivedAt: '2013-05-24T07:45:00.000Z',
      };
      ctx.flag = {
        id: 'flag-1101-3',
        kind: 'late-registration',
        message: 'Påmelding mottatt etter fristen.',
        raisedAt: '2013-05-24T07:46:00.000Z',
        resolved: null,
      };
      break;
    case 'notice-flag':
      ctx.contact = registrant;
      ctx.now = '2013-05-15T09:00:00.000Z';
      ctx.reply = {
        from: registrant,
        subject: 'SV: Påmeldingen er registrert',
        text: 'Vi må kanskje bytte ut en av deltakerne, kommer tilbake til det.',
        receivedAt: '2013-05-15T08:58:00.000Z',
      };
      ctx.flag = {
        id: 'flag-1101-4',
        kind: 'unclear-reply',
        message: 'Svaret kunne ikke tolkes som påmelding, avmelding eller spørsmål.',
        raisedAt: '2013-05-15T09:00:00.000Z',
        resolved: null,
      };
      break;
  }
  return ctx;
}
