import {
  assessRegistration,
  mergeRegistration,
  validateParticipants,
} from '../../../domain/journey/registration';
import {
  applyAttendance,
  emptyAttendance,
  findParticipant,
} from '../../../domain/journey/attendance';
import { campaignHorizon, reminderTimes } from '../../../domain/journey/schedule';
import { loadCampaignFile } from '../../../platform/files/campaign-file';
import { kari, ola, participant, per } from '../../support/replies';
import path from 'node:path';

const wanted = { min: 2, max: 3 };

describe('assessRegistration', () => {
  test('two complete participants, anchored: complete', () => {
    expect(
      assessRegistration(
        { participants: [kari, ola], anchored: true, networkPreference: null },
        wanted,
      ),
    ).toEqual({
      status: 'complete',
      missing: [],
    });
  });
  test('names exactly what is missing', () => {
    const draft = {
      participants: [participant('Kari', null, null)],
      anchored: null,
      networkPreference: null,
    };
    expect(assessRegistration(draft, wanted)).toEqual({
      status: 'incomplete',
      missing: ['participants', 'participant-title', 'participant-email', 'anchoring'],
    });
  });
  test('anchoring stated as not yet in place is still missing', () => {
    expect(
      assessRegistration(
        { participants: [kari, ola], anchored: false, networkPreference: null },
        wanted,
      ).missing,
    ).toEqual(['anchoring']);
  });
  test('four complete participants: over the limit', () => {
    const four = [kari, ola, per, participant('Lise', 'sjef', 'lise@x.example')];
    expect(
      assessRegistration({ participants: four, anchored: true, networkPreference: null }, wanted)
        .status,
    ).toBe('over-limit');
  });
});

describe('mergeRegistration', () => {
  test('a follow-up fills in what was missing without losing anything', () => {
    const first = mergeRegistration(null, {
      participants: [participant('Kari Nordmann', null, 'kari.nordmann@voss.kommune.example')],
      anchored: null,
      networkPreference: 'A',
    });
    const second = mergeRegistration(first, {
      participants: [participant('kari  nordmann', 'kommunalsjef', null), ola],
      anchored: true,
      networkPreference: null,
    });
    expect(second).toEqual({
      participants: [{ ...kari }, ola],
      anchored: true,
      networkPreference: 'A',
    });
  });
  test('a later «not yet» does not undo a clear yes', () => {
    const yes = mergeRegistration(null, {
      participants: [kari],
      anchored: true,
      networkPreference: null,
    });
    expect(
      mergeRegistration(yes, { participants: null, anchored: false, networkPreference: null })
        .anchored,
    ).toBe(true);
  });
});

test('validateParticipants says what is wrong with each', () => {
  expect(validateParticipants([])).toEqual(['at least one participant is needed']);
  expect(
    validateParticipants([participant(' ', null, 'x'), kari, { ...ola, email: kari.email }]),
  ).toEqual([
    'participant 1: name is missing',
    'participant 1: "x" is not an email address',
    'the same email is given twice',
  ]);
});

describe('attendance', () => {
  test('an answer for everyone, then one for a single person by first name', () => {
    const rows = emptyAttendance([kari, ola]);
    const all = applyAttendance(
      [kari, ola],
      rows,
      [
        {
          participant: null,
          attending: true,
          overnight: true,
          dinner: null,
          dietary: null,
          substitute: null,
        },
      ],
      '2013-05-30T10:00:00.000Z',
    );
    const one = applyAttendance(
      all.participants,
      all.records,
      [
        {
          participant: 'Ola',
          attending: null,
          overnight: false,
          dinner: false,
          dietary: 'glutenfri',
          substitute: null,
        },
      ],
      '2013-05-31T10:00:00.000Z',
    );
    expect(one.records.map((r) => [r.name, r.attending, r.overnight, r.dinner, r.dietary])).toEqual(
      [
        ['Kari Nordmann', true, true, null, null],
        ['Ola Hansen', true, false, false, 'glutenfri'],
      ],
    );
  });
  test('a substitute takes the place, and one who does not come neither stays nor dines', () => {
    const result = applyAttendance(
      [kari, ola],
      emptyAttendance([kari, ola]),
      [
        {
          participant: 'ola.hansen@voss.kommune.example',
          attending: false,
          overnight: null,
          dinner: null,
          dietary: null,
          substitute: per,
        },
      ],
      '2013-05-30T10:00:00.000Z',
    );
    expect(result.participants.map((p) => p.name)).toEqual(['Kari Nordmann', 'Per Berg']);
    expect(result.substitutions).toEqual([{ out: ola, in: per }]);
    expect(result.records.find((r) => r.name === 'Per Berg')?.attending).toBe(true);
  });
  test('someone unknown is reported, not invented', () => {
    const result = applyAttendance(
      [kari],
      emptyAttendance([kari]),
      [
        {
          participant: 'Mona',
          attending: true,
          overnight: null,
          dinner: null,
          dietary: null,
          substitute: null,
        },
      ],
      '2013-05-30T10:00:00.000Z',
    );
    expect(result.unmatched).toEqual(['Mona']);
    expect(findParticipant([kari, participant('Kari Hansen', null, null)], 'Kari')).toBeNull(); // ambiguous
  });
});

test('schedule: reminders before the deadline, earliest first; the horizon after the last lessons close', () => {
  const campaign = loadCampaignFile(path.resolve(__dirname, '../../../campaigns/ks-ti-2013.yaml'));
  expect(reminderTimes(campaign)).toEqual(['2013-05-14T21:59:59.000Z', '2013-05-19T21:59:59.000Z']);
  // March 2014 (month only) ends 31 March; lessons close 42 days later.
  expect(campaignHorizon(campaign)).toBe('2014-05-12T23:59:59.999Z');
});
