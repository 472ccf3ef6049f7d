// What `nettverk assignment show` says about each venue: total and longest travel, the runner-up.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describeJourney, explainVenue } from '../../../domain/assignment/explain';
import { assignmentInput } from '../../../domain/assignment/campaign-input';
import { moveMunicipality } from '../../../domain/assignment/move';
import { proposeAssignment } from '../../../domain/assignment/propose';
import type { AssignmentProposal } from '../../../domain/assignment/types';
import { parseCampaign } from '../../../domain/campaign/parse';
import { registrations } from './places-2025';
import { REGISTRATIONS_2013 } from './registrations-2013';

const campaign = parseCampaign(
  readFileSync(path.resolve(__dirname, '../../../campaigns/ks-ti-2013.yaml'), 'utf8'),
  'ks-ti-2013.yaml',
);

function propose(names: string[], fixed: string | null = null): AssignmentProposal {
  return proposeAssignment({
    registrations: registrations(names),
    networks: [
      {
        id: 'A',
        capacity: { min: 1, max: 30 },
        venue: fixed ? campaign.venues.find((v) => v.id === fixed)! : null,
      },
    ],
    venues: campaign.venues,
  });
}

describe('explaining the venue', () => {
  it('names the venue, total and longest hours, who travels longest, and the runner-up', () => {
    const p = propose(['Sør-Varanger', 'Bærum', 'Molde']);
    const text = explainVenue(p.networks[0], p.placements)!;
    expect(text).toMatch(/^Network A meets at Gardermoen: \d+\.\d h of travel for 6 participants/);
    expect(text).toMatch(/the longest \d\.\d h \(Sør-Varanger\)/);
    expect(text).toMatch(/Next best: Oslo sentrum, \d\.\d h more in all/);
  });

  it('says what a fixed venue costs against the best candidate', () => {
    const p = propose(['Sør-Varanger', 'Bærum', 'Molde'], 'alesund');
    const text = explainVenue(p.networks[0], p.placements)!;
    expect(text).toMatch(/meets at Ålesund \(set by the coordinator\)/);
    expect(text).toMatch(
      /The best candidate would be Gardermoen, \d+\.\d h less in all, and the longest journey would be/,
    );
  });

  it('shows the trade-off when the runner-up has the shorter longest journey', () => {
    // The 2013 fixture's network B meets in Trondheim; Bodø is 1.9 h more in all, but spares
    // Sør-Varanger half an hour.
    const p = proposeAssignment(assignmentInput(campaign, REGISTRATIONS_2013));
    const texts = p.networks.map((n) => explainVenue(n, p.placements)!);
    expect(
      texts.some((t) =>
        /Next best: .*, \d+\.\d h more in all, but the longest journey would be \d\.\d h\./.test(t),
      ),
    ).toBe(true);
    // Equal longest journeys (Stavanger and Trondheim for each other) are no trade-off.
    const q = propose(['Stavanger', 'Trondheim']);
    expect(explainVenue(q.networks[0], q.placements)).toMatch(
      /more in all, and the longest journey would be/,
    );
  });

  it('describes each journey by road or air', () => {
    const p = propose(['Bærum', 'Tromsø']);
    const by = (name: string) => p.placements.find((x) => x.name === name)!.travel!;
    expect(describeJourney(by('Tromsø'))).toMatch(/^\d\.\d h, air TOS–OSL$/);
    expect(describeJourney(by('Bærum'))).toMatch(/^\d\.\d h, road$/);
  });

  it('says nothing for a proposal made before travel time was modelled', () => {
    const p = propose(['Bærum']);
    const { totalTravelHours: _t, maxTravelHours: _m, runnerUp: _r, ...old } = p.networks[0];
    expect(explainVenue(old, p.placements)).toBeNull();
  });

  it('is kept up to date when the coordinator moves a municipality', () => {
    const p = proposeAssignment({
      registrations: registrations(['Bærum', 'Tromsø', 'Bergen']),
      networks: [
        { id: 'A', capacity: { min: 1, max: 30 }, venue: null },
        { id: 'B', capacity: { min: 1, max: 30 }, venue: null },
      ],
      venues: campaign.venues,
    });
    const tromso = p.placements.find((x) => x.name === 'Tromsø')!;
    const to = tromso.networkId === 'A' ? 'B' : 'A';
    const moved = moveMunicipality(p, tromso.municipalityId, to);
    const network = moved.networks.find((n) => n.id === to)!;
    const placement = moved.placements.find((x) => x.name === 'Tromsø')!;
    expect(placement.travel?.hours).toBeGreaterThan(0);
    expect(network.maxTravelHours).toBeGreaterThanOrEqual(placement.travel!.hours);
  });
});
