// The 2013 outcome as a fixture: 31 kommuner and 4 fylkeskommuner registered, 2–3 participants
// each, some wishing a network (A starts in June, B and C in September). Organisations and
// coordinates come from the demo roster; who registered when, and with what wish, is made up.

import path from 'node:path';
import { loadMunicipalitiesFile } from '../../../platform/files/roster-file';
import type { AssignmentRegistration } from '../../../domain/assignment/types';
import { osloInstant } from '../../../domain/time';

export const DEMO_ROSTER = loadMunicipalitiesFile(
  path.resolve(__dirname, '../../../campaigns/demo/municipalities.csv'),
);

// id, participants, wish, registered (Oslo time, 2013)
const TABLE: [string, number, string | null, string][] = [
  ['4601', 3, 'A', '04-23 10:05'],
  ['0301', 3, 'A', '04-23 11:40'],
  ['5001', 3, null, '04-24 08:15'],
  ['46', 2, 'A', '04-24 13:02'],
  ['1804', 2, 'B', '04-25 09:30'],
  ['4621', 3, 'A', '04-26 14:45'],
  ['3403', 2, null, '04-29 08:50'],
  ['1103', 3, 'C', '04-29 10:20'],
  ['5501', 2, 'B', '04-30 12:00'],
  ['3201', 3, 'A', '05-02 09:10'],
  ['1520', 2, null, '05-02 15:30'],
  ['1577', 2, null, '05-03 08:05'],
  ['3107', 3, 'A', '05-06 11:11'],
  ['4204', 3, 'C', '05-06 13:40'],
  ['50', 2, 'B', '05-07 09:00'],
  ['4640', 2, 'A', '05-07 10:30'],
  ['3301', 3, null, '05-08 14:00'],
  ['1508', 3, 'A', '05-10 09:45'],
  ['5601', 2, 'B', '05-13 08:30'],
  ['3905', 2, 'A', '05-13 12:10'],
  ['4614', 2, null, '05-14 09:20'],
  ['1833', 2, null, '05-14 10:00'],
  ['3405', 3, 'A', '05-15 13:25'],
  ['4203', 2, 'C', '05-15 15:00'],
  ['15', 2, null, '05-16 08:40'],
  ['3205', 3, 'A', '05-16 11:30'],
  ['5006', 2, null, '05-17 09:15'],
  ['1106', 3, null, '05-17 14:20'],
  ['3407', 2, 'A', '05-21 09:00'],
  ['3907', 2, null, '05-21 10:10'],
  ['1506', 3, 'C', '05-21 11:00'],
  ['4003', 2, 'A', '05-21 13:30'],
  ['4602', 2, null, '05-21 14:00'],
  ['18', 3, 'B', '05-21 15:45'],
  ['5605', 2, 'B', '05-21 16:20'],
];

export const REGISTRATIONS_2013: AssignmentRegistration[] = TABLE.map(
  ([id, participants, preference, when]) => {
    const municipality = DEMO_ROSTER.find((m) => m.id === id);
    if (!municipality) throw new Error(`fixture: ${id} is not in the demo roster`);
    const [date, time] = when.split(' ');
    return {
      municipalityId: id,
      name: municipality.name,
      participants,
      preference,
      registeredAt: osloInstant(`2013-${date}`, time),
      lat: municipality.lat,
      lon: municipality.lon,
    };
  },
);
